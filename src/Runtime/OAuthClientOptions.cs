using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace OAuthGen
{
    /// <summary>The client's registration with a provider. Bindable from configuration.</summary>
    public class OAuthClientOptions
    {
        /// <summary>The default limit on the size of a token response: 1 MiB.</summary>
        public const int DefaultMaxResponseBytes = 1024 * 1024;

        /// <summary>The client identifier issued by the provider.</summary>
        public string ClientId { get; set; } = string.Empty;

        /// <summary>The client secret. Never printed: <see cref="ToString"/> redacts it, and the debugger does not show it.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? ClientSecret { get; set; }

        /// <summary>Overrides the token endpoint of the attribute, for example with a sandbox host. May be relative to <c>HttpClient.BaseAddress</c>.</summary>
        public Uri? TokenEndpoint { get; set; }

        /// <summary>Overrides the authorization endpoint of the attribute.</summary>
        public Uri? AuthorizationEndpoint { get; set; }

        /// <summary>Overrides the metadata document of the attribute (RFC 8414 / OpenID Connect discovery).</summary>
        public Uri? MetadataAddress { get; set; }

        /// <summary>
        /// Values for the <c>{name}</c> placeholders of the declared endpoints, such as <c>tenant</c> in
        /// <c>https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token</c>. Each value fills one path segment: it is
        /// URI-escaped, and an empty value or one with <c>/</c>, <c>\</c>, <c>?</c>, <c>#</c> or <c>..</c> is refused. Names
        /// compare case-insensitively, as configuration keys do (configuration: <c>OAuth:Name:EndpointParameters:tenant</c>).
        /// A placeholder without a value fails start-up validation and the first request. Empty by default.
        /// </summary>
        public IDictionary<string, string> EndpointParameters { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The private key for <c>private_key_jwt</c> client authentication, as PEM (RSA or EC, PKCS#8 or traditional).
        /// Read on .NET 8 and later; elsewhere set <see cref="SigningKey"/>.
        /// </summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? SigningKeyPem { get; set; }

        /// <summary>The private key for <c>private_key_jwt</c> and the jwt-bearer grant, as a key object; takes precedence over <see cref="SigningKeyPem"/>.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public Microsoft.IdentityModel.Tokens.SecurityKey? SigningKey { get; set; }

        /// <summary>The <c>kid</c> of the signing key, as registered with the provider.</summary>
        public string? SigningKeyId { get; set; }

        /// <summary>
        /// The provider's issuer identifier (RFC 8414 §2), such as <c>https://id.example/</c>. The audience of JWT client
        /// assertions under <see cref="ClientAssertionProfile.Rfc7523bis"/>; when null, the <c>issuer</c> of the provider's
        /// metadata once it has been fetched.
        /// </summary>
        public string? Issuer { get; set; }

        /// <summary>
        /// The rules JWT client assertions (<c>private_key_jwt</c>, <c>client_secret_jwt</c>) follow. Default:
        /// <see cref="ClientAssertionProfile.Rfc7523bis"/>, which falls back to the RFC 7523 form while the issuer is unknown.
        /// </summary>
        public ClientAssertionProfile ClientAssertionProfile { get; set; }

        /// <summary>The <c>iss</c> of the jwt-bearer grant's assertion; <see cref="ClientId"/> when null (a Google service account's email).</summary>
        public string? AssertionIssuer { get; set; }

        /// <summary>The <c>aud</c> of the jwt-bearer grant's assertion; the token endpoint when null.</summary>
        public string? AssertionAudience { get; set; }

        /// <summary>The scope to request when a call gives none; overrides the attribute's <c>Scope</c>.</summary>
        public string? Scope { get; set; }

        /// <summary>The largest token response accepted, in bytes. Default: <see cref="DefaultMaxResponseBytes"/>.</summary>
        public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

        /// <summary>
        /// Allows plain http to an endpoint that is not on this machine. Off by default: a token request over http
        /// puts the client's credentials and its tokens on the network in clear text, so it is refused before anything
        /// is sent. http to <c>localhost</c>, 127.0.0.0/8 or ::1 is always allowed.
        /// </summary>
        public bool AllowInsecureHttp { get; set; }

        /// <summary>
        /// Retries a request once after a transient failure where that is safe: client credentials after a connection
        /// failure or a 502, 503 or 504; a refresh token after a 503 or a connection failure before it was sent; honouring
        /// <c>Retry-After</c> up to 5 seconds. Authorization codes, passwords and JWT client assertions are never sent
        /// twice. Default: true.
        /// </summary>
        public bool RetryTransientFailures { get; set; } = true;

        /// <summary>Describes the options without the secret.</summary>
        public override string ToString() =>
            $"OAuthClientOptions {{ ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "(none)" : "***")}, SigningKey = {(SigningKey is null && SigningKeyPem is null ? "(none)" : "***")}, TokenEndpoint = {TokenEndpoint?.OriginalString ?? "(attribute)"}, Scope = {Scope ?? "(none)"} }}";
    }
}
