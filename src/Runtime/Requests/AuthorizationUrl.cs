using System;
using System.Collections.Generic;

namespace OAuthGen.Infrastructure
{
    /// <summary>The URL that starts the authorization code flow (RFC 6749 §4.1.1), with PKCE S256 (RFC 7636) when the provider uses it.</summary>
    internal static class AuthorizationUrl
    {
        /// <summary>What the authorization URL carries itself; a caller may not pass these (or their wire names) again.</summary>
        private static readonly string[] OwnedParameters = { "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method" };

        public static AuthorizationRequest Create(Uri endpoint, OAuthClientOptions options, OAuthProviderInfo provider, Uri redirectUri, string? scope, string? state) =>
            Create(endpoint, options, provider, redirectUri, scope, state, ParameterNaming.For(provider), null);

        public static AuthorizationRequest Create(
            Uri endpoint,
            OAuthClientOptions options,
            OAuthProviderInfo provider,
            Uri redirectUri,
            string? scope,
            string? state,
            ParameterNaming naming,
            IEnumerable<KeyValuePair<string, string>>? parameters)
        {
            var extra = parameters is null ? null : ExtraParameters.Check(parameters, ExtraParameters.Owned(OwnedParameters, provider, naming, withDeclared: false), nameof(parameters));
            EndpointSecurity.RequireSecureTransport(endpoint, options.AllowInsecureHttp, provider.Name, EndpointResolver.Name(EndpointKind.Authorization));
            if (redirectUri is null)
            {
                throw new ArgumentNullException(nameof(redirectUri));
            }

            state ??= Base64Url.CreateRandom(32);
            var codeVerifier = provider.UsePkce ? Pkce.CreateCodeVerifier() : null;

            var query = new List<KeyValuePair<string, string>>
            {
                Pair("response_type", "code"),
                Pair("client_id", ClientAuthenticationStrategy.RequireClientId(options, provider)),
                Pair("redirect_uri", redirectUri.OriginalString),
            };
            if (scope is not null)
            {
                query.Add(Pair("scope", scope));
            }

            query.Add(Pair("state", state));
            if (codeVerifier is not null)
            {
                query.Add(Pair("code_challenge", Pkce.ComputeS256Challenge(codeVerifier)));
                query.Add(Pair("code_challenge_method", "S256"));
            }

            var wire = new List<KeyValuePair<string, string>>(naming.Apply(query, keepOmitted: true));
            if (extra is not null)
            {
                wire.AddRange(extra);
            }

            var separator = endpoint.Query.Length > 1 ? "&" : endpoint.Query.Length == 1 ? "" : "?";
            return new AuthorizationRequest(new Uri(endpoint.AbsoluteUri + separator + FormUrlEncoding.EncodeForm(wire)), state, codeVerifier);
        }

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
