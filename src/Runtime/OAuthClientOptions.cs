using System;

namespace OAuthGen
{
    /// <summary>The client's registration with a provider. Bindable from configuration.</summary>
    public class OAuthClientOptions
    {
        /// <summary>The default limit on the size of a token response: 1 MiB.</summary>
        public const int DefaultMaxResponseBytes = 1024 * 1024;

        /// <summary>The client identifier issued by the provider.</summary>
        public string ClientId { get; set; } = string.Empty;

        /// <summary>The client secret. Never printed: <see cref="ToString"/> redacts it.</summary>
        public string? ClientSecret { get; set; }

        /// <summary>Overrides the token endpoint of the attribute, for example with a sandbox host. May be relative to <c>HttpClient.BaseAddress</c>.</summary>
        public Uri? TokenEndpoint { get; set; }

        /// <summary>Overrides the authorization endpoint of the attribute.</summary>
        public Uri? AuthorizationEndpoint { get; set; }

        /// <summary>The scope to request when a call gives none; overrides the attribute's <c>Scope</c>.</summary>
        public string? Scope { get; set; }

        /// <summary>The largest token response accepted, in bytes. Default: <see cref="DefaultMaxResponseBytes"/>.</summary>
        public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

        /// <summary>Describes the options without the secret.</summary>
        public override string ToString() =>
            $"OAuthClientOptions {{ ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "(none)" : "***")}, TokenEndpoint = {TokenEndpoint?.OriginalString ?? "(attribute)"}, Scope = {Scope ?? "(none)"} }}";
    }
}
