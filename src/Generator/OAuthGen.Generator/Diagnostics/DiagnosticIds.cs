namespace OAuthGen.Generator.Diagnostics
{
    /// <summary>
    /// The IDs of every OAuthGen diagnostic, shared by the analyzers and the code fixes. Each has a page at
    /// docs/diagnostics/{ID}.md and a line in AnalyzerReleases.Unshipped.md.
    /// </summary>
    public static class DiagnosticIds
    {
        /// <summary>The client secret is sent twice: the declared client authentication plus an [OAuthParameter] or [OAuthHeader].</summary>
        public const string SecretSentTwice = "OAUTH001";

        /// <summary>Hand-written code puts client_secret in a request body and also sets a Basic Authorization header.</summary>
        public const string SecretSentTwiceInCode = "OAUTH002";

        /// <summary>The provider class, or a type that contains it, is not partial.</summary>
        public const string ProviderNotPartial = "OAUTH003";

        /// <summary>The provider class is static, generic, file-local, a record or has a primary constructor.</summary>
        public const string ProviderShapeNotSupported = "OAUTH004";

        /// <summary>An endpoint is empty, not a URI, not http(s), or has a fragment.</summary>
        public const string InvalidEndpoint = "OAUTH005";

        /// <summary>An endpoint uses plain http to a host that is not loopback.</summary>
        public const string InsecureEndpoint = "OAUTH006";

        /// <summary>A grant is declared without the endpoint it needs.</summary>
        public const string GrantMissingEndpoint = "OAUTH007";

        /// <summary>The client credentials grant with ClientAuthMethod.None.</summary>
        public const string ClientCredentialsWithoutAuthentication = "OAUTH008";

        /// <summary>No grant is declared.</summary>
        public const string NoGrant = "OAUTH009";

        /// <summary>The resource owner password credentials grant.</summary>
        public const string PasswordGrant = "OAUTH010";

        /// <summary>The authorization code grant with PKCE turned off.</summary>
        public const string PkceDisabled = "OAUTH011";

        /// <summary>Token requests are sent as JSON.</summary>
        public const string JsonBody = "OAUTH012";

        /// <summary>A client secret or another credential is written as a string literal.</summary>
        public const string LiteralSecret = "OAUTH013";

        /// <summary>A scope has characters or spacing RFC 6749 §3.3 does not allow.</summary>
        public const string InvalidScope = "OAUTH014";

        /// <summary>Scopes are separated by commas instead of spaces.</summary>
        public const string CommaSeparatedScope = "OAUTH015";

        /// <summary>[OAuthHeader] sets a header the client controls.</summary>
        public const string ReservedHeader = "OAUTH016";

        /// <summary>[OAuthParameter] collides with a parameter the client sends.</summary>
        public const string ReservedParameter = "OAUTH017";

        /// <summary>The TokenType cannot be used: nothing is generated.</summary>
        public const string InvalidTokenType = "OAUTH018";

        /// <summary>An [OAuthField] property that can never be filled (unsupported type, no setter, static).</summary>
        public const string UnsupportedField = "OAUTH019";

        /// <summary>Two [OAuthField] properties of one token type read the same response field.</summary>
        public const string DuplicateField = "OAUTH020";

        /// <summary>An [OAuthField] names a standard response field, which the runtime reads itself.</summary>
        public const string StandardFieldShadowed = "OAUTH021";

        /// <summary>[OAuthProvider] gives no token endpoint (and no MetadataAddress), is declared twice, or does not bind: nothing is generated.</summary>
        public const string ProviderAttributeUnusable = "OAUTH022";

        /// <summary>An endpoint has a malformed <c>{name}</c> placeholder: unclosed, empty, or a name that is not letters, digits, '_' or '-'.</summary>
        public const string MalformedEndpointPlaceholder = "OAUTH023";

        /// <summary>A declaration names the token endpoint of a catalogue provider (OAuthGen.Providers) with settings that contradict it.</summary>
        public const string ContradictsCatalogue = "OAUTH045";

        /// <summary>PKCE is turned off for the authorization code grant where the provider requires it (PkceRequired, or a catalogue class of its token endpoint).</summary>
        public const string PkceRequired = "OAUTH046";

        /// <summary>Token request parameters in the URL with a client authentication that puts a secret among them.</summary>
        public const string SecretInQuery = "OAUTH030";

        /// <summary>An [OAuthParameterName] whose standard name is no parameter OAuthGen sends.</summary>
        public const string UnknownStandardParameter = "OAUTH031";

        /// <summary>Two parameters that [OAuthParameterName] makes send under one name.</summary>
        public const string ParameterNameCollision = "OAUTH032";

        /// <summary>An [OAuthParameterName] leaves out a parameter a declared grant cannot do without.</summary>
        public const string RequiredParameterOmitted = "OAUTH033";

        /// <summary>ExchangeAuthorizationCodeAsync called without the code verifier on a client that sends a PKCE challenge.</summary>
        public const string MissingCodeVerifier = "OAUTH034";

        /// <summary>An endpoint set in code that still contains a {placeholder}.</summary>
        public const string PlaceholderInEndpointOverride = "OAUTH035";
        /// <summary>ResponseRoot is not a dot-separated path of names: an empty segment, or a segment with spaces around it.</summary>
        public const string InvalidResponseRoot = "OAUTH024";

        /// <summary>A response field name (ExpiresInField, ExpiresAtField, ErrorField, ErrorDescriptionField) is empty or blank.</summary>
        public const string BlankResponseField = "OAUTH025";

        /// <summary>Two response field names name the same field, or one names a standard field of another meaning.</summary>
        public const string ConflictingResponseField = "OAUTH026";

        /// <summary>ScopeSeparator is empty.</summary>
        public const string EmptyScopeSeparator = "OAUTH027";
        /// <summary>ScopeInAssertion is set, but the provider does not declare the jwt-bearer grant.</summary>
        public const string ScopeInAssertionWithoutJwtBearer = "OAUTH040";

        /// <summary>An [OAuthHeader] value with a placeholder OAuthGen does not fill, or a stray brace.</summary>
        public const string MalformedHeaderValue = "OAUTH047";

        /// <summary>RefreshTokenEndpoint is set, but the provider does not declare the refresh token grant.</summary>
        public const string RefreshTokenEndpointWithoutRefreshGrant = "OAUTH048";

        /// <summary>RefreshTokenEndpoint is on another origin than the token endpoint.</summary>
        public const string RefreshTokenEndpointOtherOrigin = "OAUTH049";

        /// <summary>The metadata document bound to a provider class cannot be used: not JSON, not metadata, a member of the wrong type, or a second document.</summary>
        public const string MetadataDocumentUnusable = "OAUTH050";

        /// <summary>ClientAuth is a method the metadata document does not list in token_endpoint_auth_methods_supported.</summary>
        public const string MetadataClientAuthNotSupported = "OAUTH051";

        /// <summary>A declared grant is not in the metadata document's grant_types_supported.</summary>
        public const string MetadataGrantNotSupported = "OAUTH052";

        /// <summary>PKCE is on, and the metadata document's code_challenge_methods_supported does not list S256.</summary>
        public const string MetadataPkceNotSupported = "OAUTH053";

        /// <summary>The authorization code grant is declared, and the metadata document's response_types_supported has no "code".</summary>
        public const string MetadataResponseTypeNotSupported = "OAUTH054";

        /// <summary>An endpoint of the attribute differs from the one the metadata document gives.</summary>
        public const string MetadataEndpointDiffers = "OAUTH055";

        /// <summary>An AdditionalFiles item names in OAuthGenProvider a class that is no [OAuthProvider] class of the project.</summary>
        public const string MetadataDocumentUnbound = "OAUTH056";
    }
}
