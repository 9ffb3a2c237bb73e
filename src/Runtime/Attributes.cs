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

        /// <summary>
        /// The endpoint of the refresh token grant, when the provider has one of its own beside <see cref="TokenEndpoint"/>
        /// (Trovo: <c>/openplatform/refreshtoken</c>); null sends refreshes to the token endpoint. Written like the token
        /// endpoint (absolute or relative, <c>{name}</c> placeholders); a configured
        /// <c>OAuthClientOptions.TokenEndpoint</c> replaces it too.
        /// </summary>
        public string? RefreshTokenEndpoint { get; set; }

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

        /// <summary>
        /// Whether the provider refuses an authorization code exchanged without PKCE (Airtable, X): a fact about the
        /// provider for the analyzers, which report <see cref="UsePkce"/> = false beside it, and on any declaration of the
        /// token endpoint of a catalogue class that says so (OAUTH046). It changes no request. Default: false.
        /// </summary>
        public bool PkceRequired { get; set; }

        /// <summary>How the Basic header is encoded. Default: <see cref="BasicAuthEncoding.Rfc6749"/>.</summary>
        public BasicAuthEncoding BasicEncoding { get; set; } = BasicAuthEncoding.Rfc6749;

        /// <summary>
        /// Where the parameters of token requests go. Default: <see cref="ParameterLocation.Body"/>. With
        /// <see cref="ParameterLocation.Query"/> they are in the request URI, secrets included: see docs/security.md.
        /// </summary>
        public ParameterLocation Parameters { get; set; } = ParameterLocation.Body;

        /// <summary>
        /// The HTTP method of token requests. Default: <see cref="TokenRequestMethod.Post"/>.
        /// <see cref="TokenRequestMethod.Get"/> puts the parameters in the query string whatever <see cref="Parameters"/> says.
        /// </summary>
        public TokenRequestMethod Method { get; set; } = TokenRequestMethod.Post;

        /// <summary>A type deriving from <see cref="OAuthToken"/> with <see cref="OAuthFieldAttribute"/> properties, returned by every token method.</summary>
        public Type? TokenType { get; set; }

        /// <summary>
        /// The dot-separated path of the object of the token answer that holds the token fields, such as
        /// <c>authed_user</c> for Slack's user token; null when they are at the top level. Errors are looked for at the
        /// top level and in that object.
        /// </summary>
        public string? ResponseRoot { get; set; }

        /// <summary>The name of the field that holds the token's lifetime in seconds, when it is not <c>expires_in</c> (Deezer: <c>expires</c>).</summary>
        public string? ExpiresInField { get; set; }

        /// <summary>The name of the field that holds the token's absolute expiry: epoch seconds or milliseconds, or ISO 8601 (Strava: <c>expires_at</c>).</summary>
        public string? ExpiresAtField { get; set; }

        /// <summary>The name of the field that holds the error code, when it is not <c>error</c> (WeChat: <c>errcode</c>); a number is an error unless it is 0.</summary>
        public string? ErrorField { get; set; }

        /// <summary>The name of the field that holds the error's description, when it is not <c>error_description</c> (WeChat: <c>errmsg</c>).</summary>
        public string? ErrorDescriptionField { get; set; }

        /// <summary>How the provider joins scopes, in requests and answers. Default: a space (RFC 6749 §3.3); <c>","</c> for Strava or Slack.</summary>
        public string ScopeSeparator { get; set; } = " ";
    }

    /// <summary>
    /// A header sent with every token request of the provider. Its value is sent as written, but for
    /// <c>{client_id}</c>, which stands for the configured client id (Trovo's <c>Client-ID</c> header); write
    /// <c>{{</c> and <c>}}</c> for a literal brace.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class OAuthHeaderAttribute : Attribute
    {
        /// <summary>Sends the header <paramref name="name"/>: <paramref name="value"/> with every token request, <c>{client_id}</c> filled in.</summary>
        public OAuthHeaderAttribute(string name, string value)
        {
            Name = name;
            Value = value;
        }

        /// <summary>The header name.</summary>
        public string Name { get; }

        /// <summary>The header value as written: <c>{client_id}</c> for the client id, <c>{{</c> and <c>}}</c> for literal braces.</summary>
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
    /// Sends a standard parameter (<c>client_id</c>, <c>client_secret</c>, <c>redirect_uri</c>, <c>code</c>, ...) under
    /// another name, or leaves it out, in token requests and the authorization URL.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class OAuthParameterNameAttribute : Attribute
    {
        /// <summary>Sends the standard parameter <paramref name="standardName"/> as <paramref name="wireName"/>; a null <paramref name="wireName"/> leaves it out.</summary>
        public OAuthParameterNameAttribute(string standardName, string? wireName)
        {
            StandardName = standardName;
            WireName = wireName;
        }

        /// <summary>The parameter's name in RFC 6749 and its extensions.</summary>
        public string StandardName { get; }

        /// <summary>The name sent instead; null when the parameter is never sent.</summary>
        public string? WireName { get; }
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
