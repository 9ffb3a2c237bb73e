using System;
using System.Collections.Generic;
using System.Text;

#if OAUTHGEN_GENERATOR
namespace OAuthGen.Generator.Linked
#else
namespace OAuthGen.Infrastructure
#endif
{
    /// <summary>
    /// <c>{name}</c> placeholders in a declared endpoint, such as <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>,
    /// filled from <see cref="OAuthClientOptions.EndpointParameters"/>. A name is ASCII letters, digits, <c>_</c> and <c>-</c>.
    /// The generator links this file too, so the analyzer and the runtime read a template the same way.
    /// </summary>
    internal static class EndpointTemplate
    {
        /// <summary>Whether <paramref name="template"/> has any brace at all (a cheap test before <see cref="Parse"/>).</summary>
        public static bool HasPlaceholders(string? template) =>
            template is not null && (template.IndexOf('{') >= 0 || template.IndexOf('}') >= 0);

        /// <summary>
        /// The placeholder names of <paramref name="template"/> in order (each once) into <paramref name="names"/>; returns
        /// null when it is well formed, or a phrase that completes "The token endpoint ..." saying what is wrong.
        /// </summary>
        public static string? Parse(string template, List<string>? names)
        {
            var i = 0;
            while (i < template.Length)
            {
                var c = template[i];
                if (c == '}')
                {
                    return "'" + template + "' has a '}' that closes no placeholder";
                }

                if (c != '{')
                {
                    i++;
                    continue;
                }

                var close = template.IndexOf('}', i + 1);
                if (close < 0)
                {
                    return "'" + template + "' has a '{' that is never closed";
                }

                var name = template.Substring(i + 1, close - i - 1);
                if (name.Length == 0)
                {
                    return "'" + template + "' has an empty placeholder '{}'";
                }

                if (!IsName(name))
                {
                    return "'" + template + "' has the placeholder '{" + name + "}', whose name is not only letters, digits, '_' and '-'";
                }

                if (names is not null && !names.Contains(name))
                {
                    names.Add(name);
                }

                i = close + 1;
            }

            return null;
        }

        /// <summary>Why <paramref name="value"/> cannot fill a placeholder (completes "The value ..."), or null.</summary>
        public static string? ValueProblem(string? value)
        {
            if (value is null || value.Length == 0)
            {
                return "is empty";
            }

            if (value.IndexOf("..", StringComparison.Ordinal) >= 0)
            {
                return "contains '..'";
            }

            foreach (var c in value)
            {
                if (c == '/' || c == '\\' || c == '?' || c == '#')
                {
                    return "contains '" + c + "', which would change the address beyond one path segment";
                }

                if (char.IsControl(c) || char.IsWhiteSpace(c))
                {
                    return "contains whitespace or a control character";
                }
            }

            return null;
        }

        /// <summary>
        /// Every problem with filling the placeholders of <paramref name="template"/> from <paramref name="values"/>, each a
        /// sentence naming the placeholder and where its value comes from; none when the template can be expanded.
        /// </summary>
        public static IEnumerable<string> Problems(string template, IDictionary<string, string>? values, string provider, string what)
        {
            var names = new List<string>();
            if (Parse(template, names) is { } malformed)
            {
                yield return "The " + what + " of " + provider + " " + malformed + ".";
                yield break;
            }

            foreach (var name in names)
            {
                if (values is null || !values.TryGetValue(name, out var value))
                {
                    yield return "The " + what + " of " + provider + " ('" + template + "') has the placeholder {" + name + "} and no value for it: set OAuthClientOptions.EndpointParameters[\"" + name + "\"] (configuration: EndpointParameters:" + name + ").";
                }
                else if (ValueProblem(value) is { } problem)
                {
                    yield return "The value of EndpointParameters[\"" + name + "\"] for the " + what + " of " + provider + " " + problem + "; it must be one path segment.";
                }
            }
        }

        /// <summary>
        /// <paramref name="template"/> with every placeholder replaced by its value, escaped as one URI path segment.
        /// Throws <see cref="InvalidOperationException"/> naming the placeholder when a value is missing or unusable.
        /// </summary>
        public static string Expand(string template, IDictionary<string, string>? values, string provider, string what)
        {
            if (!HasPlaceholders(template))
            {
                return template;
            }

            foreach (var problem in Problems(template, values, provider, what))
            {
                throw new InvalidOperationException(problem);
            }

            var expanded = new StringBuilder(template.Length + 16);
            var i = 0;
            while (i < template.Length)
            {
                var open = template.IndexOf('{', i);
                if (open < 0)
                {
                    expanded.Append(template, i, template.Length - i);
                    break;
                }

                var close = template.IndexOf('}', open + 1);
                expanded.Append(template, i, open - i);
                expanded.Append(Uri.EscapeDataString(values![template.Substring(open + 1, close - open - 1)]));
                i = close + 1;
            }

            return expanded.ToString();
        }

        private static bool IsName(string name)
        {
            foreach (var c in name)
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
