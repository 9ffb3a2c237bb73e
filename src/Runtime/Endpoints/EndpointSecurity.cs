using System;
using System.Net;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Where credentials may go: only over https, or plain http to this machine, unless the user opts out; and only to
    /// the origin (scheme, host, port) a request was addressed to.
    /// </summary>
    internal static class EndpointSecurity
    {
        /// <summary>
        /// Refuses, before any byte is sent, an endpoint that is not http(s), or plain http to a host that is not
        /// loopback while <see cref="OAuthClientOptions.AllowInsecureHttp"/> is off.
        /// </summary>
        /// <remarks>
        /// With <paramref name="checkedAtConnection"/> (a request the <see cref="OriginGuard"/> guards), an <c>https+http://</c>
        /// address or plain http to a service name (<see cref="IsServiceName"/>) passes here and is checked at the address it resolves to.
        /// </remarks>
        /// <returns><paramref name="endpoint"/>, for chaining.</returns>
        public static Uri RequireSecureTransport(Uri endpoint, bool allowInsecureHttp, string provider, string what, bool checkedAtConnection = true)
        {
            if (!endpoint.IsAbsoluteUri)
            {
                // Resolved by HttpClient against its BaseAddress; checked again once absolute.
                return endpoint;
            }

            if (string.Equals(endpoint.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
            {
                return endpoint;
            }

            if (checkedAtConnection && string.Equals(endpoint.Scheme, ServiceDiscoveryScheme, StringComparison.OrdinalIgnoreCase))
            {
                // Service discovery picks https or http when it resolves the name; checked again at the address it picked.
                return endpoint;
            }

            if (!string.Equals(endpoint.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    "The " + what + " of " + provider + " uses the scheme '" + endpoint.Scheme + "': it must be https (or http to this machine).");
            }

            if (allowInsecureHttp || IsLoopback(endpoint) || (checkedAtConnection && IsServiceName(endpoint)))
            {
                return endpoint;
            }

            throw new InvalidOperationException(
                "The " + what + " of " + provider + " (" + endpoint.GetLeftPart(UriPartial.Path) + ") is plain http to a host that is not " +
                "loopback, so the client's credentials and its tokens would cross the network in clear text. Use https, or set " +
                "OAuthClientOptions.AllowInsecureHttp = true to allow it explicitly (a test network, a TLS-terminating sidecar).");
        }

        /// <summary>The scheme service discovery (Microsoft.Extensions.ServiceDiscovery) reads as "https, or http when the service has no https endpoint".</summary>
        public const string ServiceDiscoveryScheme = "https+http";

        /// <summary>
        /// A single-label host name such as <c>identity</c> in <c>http://identity/token</c>: a logical service name that a
        /// handler resolves (service discovery), never a public host. Plain http to it is checked once it is resolved,
        /// at the address actually connected (<see cref="OriginGuard"/>).
        /// </summary>
        public static bool IsServiceName(Uri uri) =>
            uri.HostNameType == UriHostNameType.Dns && uri.Host.Length > 0 && uri.Host.IndexOf('.') < 0 && !IsLoopback(uri);

        /// <summary>The message for an endpoint whose name resolved to plain http at a host that is not loopback.</summary>
        public static string InsecureAfterResolution(Uri endpoint, Uri connected) =>
            "The token endpoint " + Describe(endpoint) + " resolved to " + Describe(connected) + ", plain http to a host that is not loopback, " +
            "so the client's credentials would cross the network in clear text; OAuthGen sent it none. Give the service an https endpoint, " +
            "or set OAuthClientOptions.AllowInsecureHttp = true to allow it explicitly (a test network, a TLS-terminating sidecar).";

        /// <summary>True for <c>localhost</c>, 127.0.0.0/8 and ::1 (also as an IPv4-mapped address): names that never leave the machine.</summary>
        public static bool IsLoopback(Uri uri)
        {
            var host = uri.Host;
            if (host.Length > 0 && host[host.Length - 1] == '.')
            {
                host = host.Substring(0, host.Length - 1);
            }

            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (uri.HostNameType != UriHostNameType.IPv4 && uri.HostNameType != UriHostNameType.IPv6)
            {
                return false;
            }

            if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
            {
                return false;
            }

            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            return IPAddress.IsLoopback(address);
        }

        /// <summary>Whether two absolute URIs share scheme, host and port (RFC 6454).</summary>
        public static bool SameOrigin(Uri a, Uri b) =>
            a.IsAbsoluteUri
            && b.IsAbsoluteUri
            && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;

        /// <summary>An address as it may be shown: scheme, host, port and path, never the query or user info.</summary>
        public static string Describe(Uri uri) =>
            uri.IsAbsoluteUri
                ? uri.Scheme + "://" + uri.Authority + uri.AbsolutePath
                : "(relative)";
    }
}
