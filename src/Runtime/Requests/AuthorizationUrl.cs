using System;
using System.Collections.Generic;

namespace OAuthGen.Infrastructure
{
    /// <summary>The URL that starts the authorization code flow (RFC 6749 §4.1.1), with PKCE S256 (RFC 7636) when the provider uses it.</summary>
    internal static class AuthorizationUrl
    {
        public static AuthorizationRequest Create(Uri endpoint, OAuthClientOptions options, OAuthProviderInfo provider, Uri redirectUri, string? scope, string? state)
        {
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

            var separator = endpoint.Query.Length > 1 ? "&" : endpoint.Query.Length == 1 ? "" : "?";
            return new AuthorizationRequest(new Uri(endpoint.AbsoluteUri + separator + FormUrlEncoding.EncodeForm(query)), state, codeVerifier);
        }

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
