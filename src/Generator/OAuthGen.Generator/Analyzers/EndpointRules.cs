using System;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>What is wrong with an endpoint as written in an attribute (OAUTH005, OAUTH006).</summary>
    internal static class EndpointRules
    {
        /// <summary>A phrase that completes "The token endpoint ...", or null when the endpoint is usable.</summary>
        public static string? Problem(string? text, out bool insecure)
        {
            insecure = false;
            if (text is null || text.Trim().Length == 0)
            {
                return "is empty";
            }

            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return "'" + text + "' is not a URI: it contains whitespace or a control character";
                }
            }

            if (Scheme(text) is { } scheme)
            {
                var isHttps = string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase);
                var isHttp = string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase);
                // "https+http://identity/token": service discovery's "https, else http"; the runtime checks the address it resolves to.
                var isServiceDiscovery = string.Equals(scheme, "https+http", StringComparison.OrdinalIgnoreCase);
                if (!isHttps && !isHttp && !isServiceDiscovery)
                {
                    return "'" + text + "' is not an http or https URI";
                }

                if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
                {
                    return "'" + text + "' is not a URI";
                }

                if (text.IndexOf('#') >= 0)
                {
                    return "'" + text + "' has a fragment, which RFC 6749 §3.1 and §3.2 forbid";
                }

                insecure = isHttp && !IsLoopback(uri) && !IsServiceName(uri);
                return null;
            }

            // On Unix "/oauth/token" parses as an absolute file:// URI; like the runtime, treat it as relative.
            if (!Uri.TryCreate(text, UriKind.Relative, out _))
            {
                return "'" + text + "' is not a URI";
            }

            return text.IndexOf('#') >= 0 ? "'" + text + "' has a fragment, which RFC 6749 §3.1 and §3.2 forbid" : null;
        }

        /// <summary>The URI scheme (RFC 3986 §3.1) the text starts with, or null for a relative reference.</summary>
        public static string? Scheme(string text)
        {
            if (text.Length == 0 || !IsAsciiLetter(text[0]))
            {
                return null;
            }

            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c == ':')
                {
                    return text.Substring(0, i);
                }

                if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
                {
                    return null;
                }
            }

            return null;
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

        /// <summary>A single-label name (http://identity/token): a service name a resolver maps to an address, checked by the runtime once resolved.</summary>
        private static bool IsServiceName(Uri uri) =>
            uri.HostNameType == UriHostNameType.Dns && uri.Host.IndexOf('.') < 0 && !IsLoopback(uri);

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
