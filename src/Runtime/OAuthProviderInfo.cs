using System;
using System.Collections.Generic;
using System.Text;

namespace OAuthGen
{
    /// <summary>
    /// What a provider declaration says, as data: for tools, logs and the runtime. Generated clients expose it as
    /// their static <c>Provider</c> property.
    /// </summary>
    public sealed class OAuthProviderInfo
    {
        private static readonly IReadOnlyList<KeyValuePair<string, string>> None = new KeyValuePair<string, string>[0];
        private static readonly IReadOnlyList<string> NoNames = new string[0];
        private static readonly IReadOnlyList<KeyValuePair<string, string?>> NoRenames = new KeyValuePair<string, string?>[0];

        /// <summary>Creates the description of a provider. Generated code calls this; so may tests.</summary>
        public OAuthProviderInfo(
            string name,
            string tokenEndpoint,
            OAuthGrant grants = OAuthGrant.ClientCredentials,
            ClientAuthMethod clientAuth = ClientAuthMethod.ClientSecretBasic,
            BodyEncoding body = BodyEncoding.Form,
            BasicAuthEncoding basicEncoding = BasicAuthEncoding.Rfc6749,
            string? authorizationEndpoint = null,
            string? deviceAuthorizationEndpoint = null,
            string? revocationEndpoint = null,
            string? scope = null,
            bool scopeRequired = false,
            bool usePkce = true,
            IReadOnlyList<KeyValuePair<string, string>>? headers = null,
            IReadOnlyList<KeyValuePair<string, string>>? parameters = null,
            string? introspectionEndpoint = null,
            string? metadataAddress = null,
            IReadOnlyList<string>? secretFields = null,
            ParameterLocation parameterLocation = ParameterLocation.Body,
            TokenRequestMethod method = TokenRequestMethod.Post,
            IReadOnlyList<KeyValuePair<string, string?>>? parameterNames = null,
            string? responseRoot = null,
            string? expiresInField = null,
            string? expiresAtField = null,
            string? errorField = null,
            string? errorDescriptionField = null,
            string scopeSeparator = " ",
            string? refreshTokenEndpoint = null)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            TokenEndpoint = tokenEndpoint ?? throw new ArgumentNullException(nameof(tokenEndpoint));
            Grants = grants;
            ClientAuth = clientAuth;
            Body = body;
            BasicEncoding = basicEncoding;
            AuthorizationEndpoint = authorizationEndpoint;
            DeviceAuthorizationEndpoint = deviceAuthorizationEndpoint;
            RevocationEndpoint = revocationEndpoint;
            RefreshTokenEndpoint = refreshTokenEndpoint;
            Scope = scope;
            ScopeRequired = scopeRequired;
            UsePkce = usePkce;
            Headers = headers ?? None;
            foreach (var header in Headers)
            {
                if (Infrastructure.HeaderValueTemplate.HasBraces(header.Value) && Infrastructure.HeaderValueTemplate.Parse(header.Value, out _) is { } problem)
                {
                    throw new ArgumentException("The value of the " + header.Key + " header of " + name + " " + problem + ".", nameof(headers));
                }
            }

            Parameters = parameters ?? None;
            IntrospectionEndpoint = introspectionEndpoint;
            MetadataAddress = metadataAddress;
            SecretFields = secretFields ?? NoNames;
            Method = method;
            ParameterLocation = method == TokenRequestMethod.Get ? ParameterLocation.Query : parameterLocation;
            ParameterNames = parameterNames ?? NoRenames;
            ResponseRoot = responseRoot;
            ExpiresInField = expiresInField;
            ExpiresAtField = expiresAtField;
            ErrorField = errorField;
            ErrorDescriptionField = errorDescriptionField;
            ScopeSeparator = string.IsNullOrEmpty(scopeSeparator) ? " " : scopeSeparator;
            ResponseShape = Infrastructure.ResponseShape.Of(this);
        }

        /// <summary>The name of the declaring class.</summary>
        public string Name { get; }

        /// <summary>The token endpoint as declared: absolute, relative to <c>HttpClient.BaseAddress</c>, or empty when it comes from the metadata.</summary>
        public string TokenEndpoint { get; }

        /// <summary>The declared grants.</summary>
        public OAuthGrant Grants { get; }

        /// <summary>The client authentication method.</summary>
        public ClientAuthMethod ClientAuth { get; }

        /// <summary>The request body encoding.</summary>
        public BodyEncoding Body { get; }

        /// <summary>How the Basic header is encoded.</summary>
        public BasicAuthEncoding BasicEncoding { get; }

        /// <summary>The refresh token grant's own endpoint as declared, if any; null when refreshes go to <see cref="TokenEndpoint"/>.</summary>
        public string? RefreshTokenEndpoint { get; }

        /// <summary>The authorization endpoint, if declared.</summary>
        public string? AuthorizationEndpoint { get; }

        /// <summary>The device authorization endpoint, if declared.</summary>
        public string? DeviceAuthorizationEndpoint { get; }

        /// <summary>The revocation endpoint, if declared.</summary>
        public string? RevocationEndpoint { get; }

        /// <summary>The introspection endpoint, if declared.</summary>
        public string? IntrospectionEndpoint { get; }

        /// <summary>The metadata document that supplies the endpoints not declared, if any.</summary>
        public string? MetadataAddress { get; }

        /// <summary>The default scope, if declared.</summary>
        public string? Scope { get; }

        /// <summary>Whether the client credentials grant requires a scope.</summary>
        public bool ScopeRequired { get; }

        /// <summary>Whether the authorization code grant uses PKCE.</summary>
        public bool UsePkce { get; }

        /// <summary>The fixed headers sent with every token request, in declaration order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>The fixed body parameters sent with every token request, in declaration order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

        /// <summary>Where token request parameters go: <see cref="ParameterLocation.Query"/> whenever <see cref="Method"/> is GET.</summary>
        public ParameterLocation ParameterLocation { get; }

        /// <summary>The HTTP method of token requests.</summary>
        public TokenRequestMethod Method { get; }

        /// <summary>The standard parameters sent under another name (<c>[OAuthParameterName]</c>): standard name, then wire name or null when left out.</summary>
        public IReadOnlyList<KeyValuePair<string, string?>> ParameterNames { get; }

        /// <summary>
        /// The response fields that <c>[OAuthField(..., Secret = true)]</c> marks as credentials: their values are
        /// redacted, like the access token's, from every message, excerpt and log about an answer.
        /// </summary>
        public IReadOnlyList<string> SecretFields { get; }

        /// <summary>The dot-separated path of the answer's object that holds the token fields; null for the top level.</summary>
        public string? ResponseRoot { get; }

        /// <summary>The field read as the lifetime in seconds besides <c>expires_in</c>, if declared.</summary>
        public string? ExpiresInField { get; }

        /// <summary>The field read as the absolute expiry, if declared.</summary>
        public string? ExpiresAtField { get; }

        /// <summary>The field read as the error code besides <c>error</c>, if declared.</summary>
        public string? ErrorField { get; }

        /// <summary>The field read as the error description besides <c>error_description</c>, if declared.</summary>
        public string? ErrorDescriptionField { get; }

        /// <summary>How the provider joins scopes: a space unless declared otherwise.</summary>
        public string ScopeSeparator { get; }

        /// <summary>Where the reader finds the token fields of this provider's answers; null when they are standard.</summary>
        internal Infrastructure.ResponseShape? ResponseShape { get; }

        /// <summary>The registered name of the client authentication method, such as <c>client_secret_basic</c>.</summary>
        public string ClientAuthName => Infrastructure.ClientAuthenticationStrategy.For(ClientAuth).RegisteredName ?? ClientAuth.ToString();

        /// <summary>The declared grants as their <c>grant_type</c> values, space-separated.</summary>
        public string GrantNames
        {
            get
            {
                var names = new StringBuilder();
                foreach (var grant in Infrastructure.GrantDescriptor.All)
                {
                    if (grant.Flag is { } flag && (Grants & flag) != 0)
                    {
                        names.Append(names.Length > 0 ? " " : string.Empty).Append(grant.ShortName);
                    }
                }

                return names.ToString();
            }
        }

        /// <summary>Describes the provider; header and parameter values are left out, since they may carry keys.</summary>
        public override string ToString()
        {
            var text = new StringBuilder()
                .Append(Name).Append(" { TokenEndpoint = ").Append(TokenEndpoint)
                .Append(", Grants = ").Append(GrantNames)
                .Append(", ClientAuth = ").Append(ClientAuthName)
                .Append(", Body = ").Append(Body == BodyEncoding.Json ? "json" : "form");
            if (ParameterLocation == ParameterLocation.Query)
            {
                text.Append(", Parameters = ").Append(Method == TokenRequestMethod.Get ? "GET query" : "POST query");
            }

            foreach (var rename in ParameterNames)
            {
                text.Append(", ").Append(rename.Key).Append(" as ").Append(rename.Value ?? "(left out)");
            }

            foreach (var header in Headers)
            {
                text.Append(", Header ").Append(header.Key);
            }

            foreach (var parameter in Parameters)
            {
                text.Append(", Parameter ").Append(parameter.Key);
            }

            return text.Append(" }").ToString();
        }
    }
}
