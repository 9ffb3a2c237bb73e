using System.Collections.Generic;
using System.Text;

namespace OAuthGen.Infrastructure
{
    /// <summary>Keeps the secrets of a request out of what is shown of its answer.</summary>
    internal static class Redaction
    {
        private const int MaxExcerptLength = 256;
        private const string Mask = "***";

        // Shorter values are not worth hiding and would mangle ordinary text.
        private const int MinSecretLength = 3;

        public static string Redact(string text, IReadOnlyList<string> secrets)
        {
            foreach (var secret in secrets)
            {
                if (secret.Length < MinSecretLength)
                {
                    continue;
                }

                text = text.Replace(secret, Mask);
                var encoded = FormUrlEncoding.Encode(secret);
                if (encoded != secret)
                {
                    text = text.Replace(encoded, Mask);
                }
            }

            return text;
        }

        /// <summary>The start of a response body as readable one-line text, with the secrets removed.</summary>
        public static string Excerpt(byte[] body, int length, IReadOnlyList<string> secrets)
        {
            // Redact before cutting, so that no secret is left half-shown at the cut.
            return Printable(Redact(Encoding.UTF8.GetString(body, 0, length), secrets), MaxExcerptLength);
        }

        /// <summary>Provider-supplied text cut to <paramref name="maxLength"/>, with control characters as spaces.</summary>
        public static string Printable(string text, int maxLength)
        {
            var printable = new StringBuilder(text.Length < maxLength ? text.Length : maxLength + 1);
            foreach (var c in text)
            {
                if (printable.Length == maxLength)
                {
                    printable.Append('…');
                    break;
                }

                printable.Append(char.IsControl(c) ? ' ' : c);
            }

            return printable.ToString().Trim();
        }
    }
}
