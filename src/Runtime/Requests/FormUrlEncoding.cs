using System.Collections.Generic;
using System.Text;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// <c>application/x-www-form-urlencoded</c> as RFC 6749 Appendix B applies it: UTF-8, the RFC 3986 unreserved
    /// characters kept, space as <c>+</c>, everything else as uppercase <c>%XX</c>. This is what
    /// <c>FormUrlEncodedContent</c>, Go's <c>url.QueryEscape</c> and IdentityModel produce.
    /// </summary>
    internal static class FormUrlEncoding
    {
        private const string HexDigits = "0123456789ABCDEF";

        public static string Encode(string value)
        {
            var text = new StringBuilder(value.Length + 8);
            AppendEncoded(text, value);
            return text.ToString();
        }

        public static string EncodeForm(IReadOnlyList<KeyValuePair<string, string>> parameters)
        {
            var text = new StringBuilder();
            for (var i = 0; i < parameters.Count; i++)
            {
                if (i > 0)
                {
                    text.Append('&');
                }

                AppendEncoded(text, parameters[i].Key);
                text.Append('=');
                AppendEncoded(text, parameters[i].Value);
            }

            return text.ToString();
        }

        public static void AppendEncoded(StringBuilder text, string value)
        {
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                if (IsUnreserved(b))
                {
                    text.Append((char)b);
                }
                else if (b == (byte)' ')
                {
                    text.Append('+');
                }
                else
                {
                    text.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
                }
            }
        }

        public static string Decode(string value)
        {
            var bytes = new List<byte>(value.Length);
            var i = 0;
            while (i < value.Length)
            {
                var c = value[i];
                if (c == '+')
                {
                    bytes.Add((byte)' ');
                    i++;
                }
                else if (c == '%' && i + 2 < value.Length && TryHex(value[i + 1], out var high) && TryHex(value[i + 2], out var low))
                {
                    bytes.Add((byte)((high << 4) | low));
                    i += 3;
                }
                else
                {
                    var runEnd = i + 1;
                    while (runEnd < value.Length && value[runEnd] != '+' && value[runEnd] != '%')
                    {
                        runEnd++;
                    }

                    bytes.AddRange(Encoding.UTF8.GetBytes(value.Substring(i, runEnd - i)));
                    i = runEnd;
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        private static bool IsUnreserved(byte b) =>
            (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';

        private static bool TryHex(char c, out int value)
        {
            value = c >= '0' && c <= '9' ? c - '0'
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : -1;
            return value >= 0;
        }
    }
}
