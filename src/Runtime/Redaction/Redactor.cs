using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// The one redactor of every text OAuthGen shows about a request and its answer: exception messages, the OAuth
    /// fields and <see cref="OAuthException.ResponseExcerpt"/> (which only <see cref="Failure"/> fills), and so the log
    /// lines and span tags made of them. It knows the request's secrets (client secret, Basic credentials, password,
    /// code, verifier, refresh token, assertions) and, once it has <see cref="Seeing">seen</see> the answer, every
    /// credential-like value in it, of whatever JSON type, even where the answer is broken or was refused.
    /// </summary>
    internal sealed class Redactor
    {
        internal const string Mask = "***";

        private const int MaxExcerptLength = 256;
        private const int ExcerptWindowBytes = 16 * 1024;

        // Shorter values are not worth hiding and would mangle ordinary text.
        private const int MinSecretLength = 3;

        private static readonly IReadOnlyList<string> NoNames = new string[0];

        // The request body's list, read when a text is redacted: the credentials are added to it as the request is built.
        private readonly IReadOnlyList<string> _requestSecrets;
        private readonly IReadOnlyList<string> _secretFields;
        private readonly List<string> _answerValues = new List<string>();
        private readonly List<KeyValuePair<string, string>> _answerTexts = new List<KeyValuePair<string, string>>();
        private List<string>? _secrets;

        public Redactor(IReadOnlyList<string> requestSecrets, IReadOnlyList<string>? secretFields = null)
        {
            _requestSecrets = requestSecrets;
            _secretFields = secretFields ?? NoNames;
        }

        /// <summary>The excerpt of the answer <see cref="Seeing"/> read, or null before.</summary>
        public RedactedExcerpt? Excerpt { get; private set; }

        /// <summary>": excerpt" or " (empty body).", to end a message about the answer.</summary>
        public string ExcerptSuffix => Excerpt is null ? "." : Excerpt.Text.Length == 0 ? " (empty body)." : ": " + Excerpt.Text;

        /// <summary>
        /// Whether a response member of this name holds a credential: the standard ones (access, refresh and ID tokens,
        /// device code, assertion), any name ending in "token" or "_key" or containing "secret", "password" or
        /// "assertion", and the fields a typed token marks <c>Secret</c>. Not "code": no token endpoint answers with an
        /// authorization code, and gateways send their error codes under that name (which would then hide the error).
        /// </summary>
        public bool IsCredentialName(string name)
        {
            if (EndsWith(name, "token") || EndsWith(name, "_key") || Contains(name, "secret") || Contains(name, "password") || Contains(name, "assertion")
                || Is(name, "device_code") || Is(name, "authorization_code") || Is(name, "code_verifier") || Is(name, "apikey") || Is(name, "key"))
            {
                return true;
            }

            foreach (var field in _secretFields)
            {
                if (Is(name, field))
                {
                    return true;
                }
            }

            return false;

            static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
            static bool EndsWith(string name, string end) => name.EndsWith(end, StringComparison.OrdinalIgnoreCase);
            static bool Contains(string name, string part) => name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>Learns the credentials of an answer and keeps its redacted excerpt; call it while the body is alive.</summary>
        public Redactor Seeing(byte[] body, int length)
        {
            // The excerpt is cut from a window far larger than it, so that what is masked inside cannot pull text from
            // beyond the window into it, and a 1 MiB body is not rewritten whole for 256 characters.
            var window = Encoding.UTF8.GetString(body, 0, Math.Min(length, ExcerptWindowBytes));
            AnswerCredentials.Collect(new ReadOnlySpan<byte>(body, 0, length), window, this, _answerValues, _answerTexts);
            _secrets = null;
            Excerpt = new RedactedExcerpt(Redaction.Printable(RedactProvided(window), MaxExcerptLength));
            return this;
        }

        /// <summary><paramref name="text"/> without any secret this redactor knows: raw, form-encoded or JSON-escaped.</summary>
        public string Redact(string text)
        {
            if (text.Length == 0)
            {
                return text;
            }

            // The answer's own texts first ("access_token":"x" becomes "access_token":"***"), longest first.
            foreach (var known in _answerTexts)
            {
                text = text.Replace(known.Key, known.Value);
            }

            foreach (var secret in _secrets ??= Secrets())
            {
                text = text.Replace(secret, Mask);
            }

            return text;
        }

        /// <summary>
        /// Text written by the provider (an excerpt, an error description): redacted, and with every JWT-shaped or long
        /// opaque value masked too, since a credential the redactor does not know may hide in it.
        /// </summary>
        public string RedactProvided(string text) => CredentialShapes.Mask(Redact(text));

        /// <summary>Provider text, redacted then cut to <paramref name="maxLength"/> (so that no secret is left half-shown at the cut).</summary>
        public string Printable(string text, int maxLength) => Redaction.Printable(RedactProvided(text), maxLength);

        /// <summary>
        /// The only way OAuthGen fills <see cref="OAuthException.ResponseExcerpt"/>: the message and the OAuth fields
        /// redacted here, the excerpt of the answer seen.
        /// </summary>
        public OAuthException Failure(
            string message,
            HttpStatusCode? status,
            string? error = null,
            string? errorDescription = null,
            string? errorUri = null,
            TimeSpan? retryAfter = null,
            Exception? innerException = null) =>
            new OAuthException(
                Redact(message),
                error is null ? null : RedactProvided(error),
                errorDescription is null ? null : RedactProvided(errorDescription),
                errorUri is null ? null : RedactProvided(errorUri),
                status,
                Excerpt?.Text,
                innerException) { RetryAfter = retryAfter };

        private List<string> Secrets()
        {
            var all = new List<string>();
            foreach (var secret in _requestSecrets)
            {
                AddForms(all, secret);
            }

            foreach (var value in _answerValues)
            {
                AddForms(all, value);
            }

            // Longest first: a secret that contains another is hidden whole.
            all.Sort((a, b) => b.Length.CompareTo(a.Length));
            return all;
        }

        private static void AddForms(List<string> all, string? secret)
        {
            if (secret is null || secret.Length < MinSecretLength)
            {
                return;
            }

            all.Add(secret);
            AddIfOther(all, secret, FormUrlEncoding.Encode(secret));
            AddIfOther(all, secret, Uri.EscapeDataString(secret));
            AddIfOther(all, secret, JsonEncodedText.Encode(secret).ToString());
            AddIfOther(all, secret, JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());

            static void AddIfOther(List<string> all, string secret, string form)
            {
                if (form != secret)
                {
                    all.Add(form);
                }
            }
        }
    }

    /// <summary>
    /// A response excerpt that has been through a <see cref="Redactor"/>: only <see cref="Redactor.Seeing"/> makes one,
    /// and <see cref="Redactor.Failure"/> is how one reaches an <see cref="OAuthException"/>.
    /// </summary>
    internal sealed class RedactedExcerpt
    {
        internal RedactedExcerpt(string text)
        {
            Text = text;
        }

        public string Text { get; }
    }

    /// <summary>Masks values shaped like credentials in provider text: JWTs, and long runs of token characters.</summary>
    internal static class CredentialShapes
    {
        // A run this long of letters, digits and -_.~+= with a digit and a letter in it is a key or an opaque token;
        // prose, codes and host names are shorter. '/' and ':' end a run, so that URLs stay readable.
        private const int MinOpaqueLength = 32;

        public static string Mask(string text)
        {
            StringBuilder? masked = null;
            var copied = 0;
            var i = 0;
            while (i < text.Length)
            {
                if (!IsTokenChar(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && IsTokenChar(text[i]))
                {
                    i++;
                }

                if (LooksLikeCredential(text, start, i - start))
                {
                    masked ??= new StringBuilder(text.Length);
                    masked.Append(text, copied, start - copied).Append(Redactor.Mask);
                    copied = i;
                }
            }

            return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
        }

        private static bool LooksLikeCredential(string text, int start, int length)
        {
            // A JWT: base64url of '{"' is "eyJ", and its parts are separated by dots.
            if (length >= 16 && string.CompareOrdinal(text, start, "eyJ", 0, 3) == 0 && text.IndexOf('.', start, length) > 0)
            {
                return true;
            }

            if (length < MinOpaqueLength)
            {
                return false;
            }

            bool digit = false, letter = false;
            for (var i = start; i < start + length; i++)
            {
                digit |= text[i] >= '0' && text[i] <= '9';
                letter |= (text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z';
            }

            return digit && letter;
        }

        private static bool IsTokenChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '=';
    }
}
