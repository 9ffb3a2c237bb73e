using System;
using System.Text;

#if OAUTHGEN_GENERATOR
namespace OAuthGen.Generator.Linked
#else
namespace OAuthGen.Infrastructure
#endif
{
    /// <summary>
    /// The value of an <c>[OAuthHeader]</c>: text in which <c>{client_id}</c> stands for
    /// <see cref="OAuthClientOptions.ClientId"/>, filled in at request time (Trovo's <c>Client-ID</c> header), and
    /// <c>{{</c> and <c>}}</c> for a literal brace. Any other brace is a mistake. The generator links this file too, so
    /// the reader (OAUTH047) and the runtime read a value the same way.
    /// </summary>
    internal static class HeaderValueTemplate
    {
        /// <summary>The one placeholder a header value may hold.</summary>
        public const string ClientId = "client_id";

        /// <summary>Whether <paramref name="value"/> has any brace at all (a cheap test before <see cref="Parse"/>).</summary>
        public static bool HasBraces(string? value) =>
            value is not null && (value.IndexOf('{') >= 0 || value.IndexOf('}') >= 0);

        /// <summary>
        /// Null when <paramref name="value"/> is well formed, else a phrase that completes "The value of the header X ..."
        /// saying what is wrong; <paramref name="usesClientId"/> says whether it holds <c>{client_id}</c>.
        /// </summary>
        public static string? Parse(string value, out bool usesClientId)
        {
            usesClientId = false;
            var i = 0;
            while (i < value.Length)
            {
                var c = value[i];
                if (c == '{')
                {
                    if (i + 1 < value.Length && value[i + 1] == '{')
                    {
                        i += 2;
                        continue;
                    }

                    var close = value.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        return "'" + value + "' has a '{' that is never closed (write '{{' for a literal brace)";
                    }

                    var name = value.Substring(i + 1, close - i - 1);
                    if (!string.Equals(name, ClientId, StringComparison.Ordinal))
                    {
                        return "'" + value + "' has the placeholder '{" + name + "}', which OAuthGen does not fill: the only one is {" + ClientId + "}, the configured client id (write '{{' and '}}' for literal braces)";
                    }

                    usesClientId = true;
                    i = close + 1;
                }
                else if (c == '}')
                {
                    if (i + 1 < value.Length && value[i + 1] == '}')
                    {
                        i += 2;
                        continue;
                    }

                    return "'" + value + "' has a '}' that closes no placeholder (write '}}' for a literal brace)";
                }
                else
                {
                    i++;
                }
            }

            return null;
        }

        /// <summary><paramref name="value"/>, well formed, with <c>{client_id}</c> replaced by <paramref name="clientId"/> and each doubled brace made single.</summary>
        public static string Expand(string value, string clientId)
        {
            if (!HasBraces(value))
            {
                return value;
            }

            var expanded = new StringBuilder(value.Length + clientId.Length);
            var i = 0;
            while (i < value.Length)
            {
                var c = value[i];
                if ((c == '{' || c == '}') && i + 1 < value.Length && value[i + 1] == c)
                {
                    expanded.Append(c);
                    i += 2;
                }
                else if (c == '{')
                {
                    var close = value.IndexOf('}', i + 1);
                    expanded.Append(clientId);
                    i = close + 1;
                }
                else
                {
                    expanded.Append(c);
                    i++;
                }
            }

            return expanded.ToString();
        }
    }
}
