using System;

// Also compiled into the generator (OAuthGen.Generator.csproj links this file), so that it reads declarations with
// the runtime's own names, values and defaults; there it lives in another namespace, beside the runtime's in tests.
#if OAUTHGEN_GENERATOR
namespace OAuthGen.Generator.Linked
#else
namespace OAuthGen
#endif
{
    /// <summary>
    /// Declares a token client for an OAuth 2.0 provider. Put it on a <c>partial</c> class; the OAuthGen source
    /// generator adds a constructor and one method per declared grant.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class OAuthProviderAttribute : Attribute
    {
        /// <summary>Declares a provider whose endpoints all come from its metadata: set <see cref="MetadataAddress"/>.</summary>
        public OAuthProviderAttribute()
        {
            TokenEndpoint = string.Empty;
        }

        /// <summary>Declares a provider whose token endpoint is <paramref name="tokenEndpoint"/>.</summary>
        /// <param name="tokenEndpoint">An absolute URI, or a URI relative to <c>HttpClient.BaseAddress</c>.</param>
        public OAuthProviderAttribute(string tokenEndpoint)
        {
            TokenEndpoint = tokenEndpoint;
        }

        /// <summary>The token endpoint: absolute, or relative to <c>HttpClient.BaseAddress</c>; empty when it comes from the metadata.</summary>
        public string TokenEndpoint { get; }

        /// <summary>The grants to generate methods for. Default: <see cref="OAuthGrant.ClientCredentials"/>.</summary>
        public OAuthGrant Grants { get; set; } = OAuthGrant.ClientCredentials;

        /// <summary>How the client authenticates. Default: <see cref="ClientAuthMethod.ClientSecretBasic"/>.</summary>
        public ClientAuthMethod ClientAuth { get; set; } = ClientAuthMethod.ClientSecretBasic;

        /// <summary>The request body encoding. Default: <see cref="BodyEncoding.Form"/>.</summary>
        public BodyEncoding Body { get; set; } = BodyEncoding.Form;

        /// <summary>The authorization endpoint, required by the authorization code grant.</summary>
        public string? AuthorizationEndpoint { get; set; }

        /// <summary>The device authorization endpoint (RFC 8628), required by the device code grant.</summary>
        public string? DeviceAuthorizationEndpoint { get; set; }

        /// <summary>The token revocation endpoint (RFC 7009).</summary>
        public string? RevocationEndpoint { get; set; }

        /// <summary>The token introspection endpoint (RFC 7662).</summary>
        public string? IntrospectionEndpoint { get; set; }

        /// <summary>
        /// The provider's metadata document (RFC 8414 or OpenID Connect discovery), such as
        /// <c>https://issuer.example/.well-known/openid-configuration</c>: endpoints not declared here are read from it at
        /// run time, once, and cached.
        /// </summary>
        public string? MetadataAddress { get; set; }

        /// <summary>Default scopes, space-separated, used when neither the call nor the options give one.</summary>
        public string? Scope { get; set; }

        /// <summary>When true, the client credentials method takes the scope as a required first parameter.</summary>
        public bool ScopeRequired { get; set; }

        /// <summary>
        /// Whether the jwt-bearer grant (<see cref="OAuthGrant.JwtBearer"/>) puts the scope in the assertion as its
        /// <c>scope</c> claim instead of sending a <c>scope</c> parameter, as Google service accounts require. Default: false.
        /// </summary>
        public bool ScopeInAssertion { get; set; }

        /// <summary>Whether the authorization code grant uses PKCE with S256 (RFC 7636). Default: true.</summary>
        public bool UsePkce { get; set; } = true;

        /// <summary>How the Basic header is encoded. Default: <see cref="BasicAuthEncoding.Rfc6749"/>.</summary>
        public BasicAuthEncoding BasicEncoding { get; set; } = BasicAuthEncoding.Rfc6749;

        /// <summary>A type deriving from <see cref="OAuthToken"/> with <see cref="OAuthFieldAttribute"/> properties, returned by every token method.</summary>
        public Type? TokenType { get; set; }
    }

    /// <summary>A fixed header sent with every token request of the provider.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class OAuthHeaderAttribute : Attribute
    {
        /// <summary>Sends the header <paramref name="name"/>: <paramref name="value"/> with every token request.</summary>
        public OAuthHeaderAttribute(string name, string value)
        {
            Name = name;
            Value = value;
        }

        /// <summary>The header name.</summary>
        public string Name { get; }

        /// <summary>The header value.</summary>
        public string Value { get; }
    }

    /// <summary>A fixed body parameter sent with every token request of the provider (for example <c>audience</c>).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class OAuthParameterAttribute : Attribute
    {
        /// <summary>Sends <paramref name="name"/>=<paramref name="value"/> in the body of every token request.</summary>
        public OAuthParameterAttribute(string name, string value)
        {
            Name = name;
            Value = value;
        }

        /// <summary>The parameter name.</summary>
        public string Name { get; }

        /// <summary>The parameter value.</summary>
        public string Value { get; }
    }

    /// <summary>
    /// Maps a property of a custom token type to a field of the token response. Supported types: <c>string</c>,
    /// <c>bool</c>, <c>int</c>, <c>long</c>, <c>double</c>, <c>TimeSpan</c> (seconds), <c>DateTimeOffset</c> (epoch
    /// seconds or milliseconds, or ISO 8601) and <c>string[]</c> (space-delimited or a JSON array), each also nullable.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class OAuthFieldAttribute : Attribute
    {
        /// <summary>Maps the property to the response field <paramref name="jsonName"/>.</summary>
        public OAuthFieldAttribute(string jsonName)
        {
            JsonName = jsonName;
        }

        /// <summary>The name of the field in the token response.</summary>
        public string JsonName { get; }

        /// <summary>
        /// Whether the field holds a credential (a key, a session token): its value is then redacted, like the access
        /// token's, from every exception, excerpt and log line about an answer. Fields whose names end in
        /// <c>token</c> or <c>_key</c>, or contain <c>secret</c>, <c>password</c> or <c>assertion</c>, are redacted anyway.
        /// </summary>
        public bool Secret { get; set; }
    }
}
