using System.Collections.Generic;
using System.Text;

namespace OAuthGen.Infrastructure
{
    /// <summary>The one-call forms of <see cref="Redactor"/>, for texts about a request that has no answer yet.</summary>
    internal static class Redaction
    {
        /// <summary><paramref name="text"/> without any of <paramref name="secrets"/>, raw, form-encoded or JSON-escaped.</summary>
        public static string Redact(string text, IReadOnlyList<string> secrets) => new Redactor(secrets).Redact(text);

        /// <summary>The start of a response body as readable one-line text, without the secrets or any credential it carries.</summary>
        public static string Excerpt(byte[] body, int length, IReadOnlyList<string> secrets) =>
            new Redactor(secrets).Seeing(body, length).Excerpt!.Text;

        /// <summary>Provider-supplied text cut to <paramref name="maxLength"/>, with control characters as spaces.</summary>
        public static string Printable(string text, int maxLength)
        {
            // Stryker disable once all : the capacity changes how often the builder grows, never the text (docs/reliability.md)
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
