using Microsoft.CodeAnalysis;

namespace OAuthGen.Generator.Diagnostics
{
    /// <summary>Every OAuthGen diagnostic. Severities and their reasons are on the docs/diagnostics pages.</summary>
    internal static class DiagnosticDescriptors
    {
        public const string UsageCategory = "OAuthGen.Usage";
        public const string SecurityCategory = "OAuthGen.Security";

        private const string HelpLinkBase = "https://github.com/oauthgen/oauthgen/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor SecretSentTwice = Create(
            DiagnosticIds.SecretSentTwice,
            "The client secret is sent twice",
            "{0} sends a second client credential: ClientAuth = {1} already authenticates the client in {2}; remove this attribute (RFC 6749 §2.3.1: one authentication method per request)",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor SecretSentTwiceInCode = Create(
            DiagnosticIds.SecretSentTwiceInCode,
            "A token request sends the client secret in the body and in a Basic header",
            "The request body carries '{0}' while this method also sets a Basic Authorization header; authenticate once, in the header or in the body (RFC 6749 §2.3.1: one authentication method per request)",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ProviderNotPartial = Create(
            DiagnosticIds.ProviderNotPartial,
            "The provider class must be partial",
            "Add 'partial' to '{0}': OAuthGen writes the client of '{1}' in another part of it, and generates nothing without 'partial'",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ProviderShapeNotSupported = Create(
            DiagnosticIds.ProviderShapeNotSupported,
            "The provider class cannot have generated members",
            "OAuthGen generates nothing for '{0}' because it {1}; declare the provider as a plain partial class (not static, generic, file-local or a record, and without a primary constructor)",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidEndpoint = Create(
            DiagnosticIds.InvalidEndpoint,
            "The endpoint is not a usable URI",
            "The {0} {1}; write an absolute https URI, or a path relative to HttpClient.BaseAddress, without a fragment",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InsecureEndpoint = Create(
            DiagnosticIds.InsecureEndpoint,
            "The endpoint does not use TLS",
            "The {0} '{1}' uses plain http to a host that is not loopback, so credentials and tokens cross the network in clear text; use https (RFC 6749 §3.1, §3.2)",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor GrantMissingEndpoint = Create(
            DiagnosticIds.GrantMissingEndpoint,
            "A grant is declared without the endpoint it needs",
            "The {0} grant needs {1}, and '{2}' declares none; set {1} on [OAuthProvider]",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ClientCredentialsWithoutAuthentication = Create(
            DiagnosticIds.ClientCredentialsWithoutAuthentication,
            "The client credentials grant needs client authentication",
            "The client credentials grant is only for confidential clients, but ClientAuth is None; use ClientSecretBasic (the default), ClientSecretPost or a JWT method (RFC 6749 §4.4)",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor NoGrant = Create(
            DiagnosticIds.NoGrant,
            "The provider declares no grant",
            "'{0}' declares no grant, so it gets no token method; {1}",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor PasswordGrant = Create(
            DiagnosticIds.PasswordGrant,
            "The password grant is discouraged",
            "The resource owner password credentials grant must not be used (RFC 9700 §2.4); use AuthorizationCode with PKCE for users, ClientCredentials for services, unless this provider offers nothing else",
            SecurityCategory,
            DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor PkceDisabled = Create(
            DiagnosticIds.PkceDisabled,
            "The authorization code grant without PKCE",
            "The authorization code grant is declared with PKCE turned off; remove 'UsePkce = false' (RFC 9700 §2.1.1, RFC 7636)",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ScopeInAssertionWithoutJwtBearer = Create(
            DiagnosticIds.ScopeInAssertionWithoutJwtBearer,
            "ScopeInAssertion without the jwt-bearer grant",
            "'{0}' sets ScopeInAssertion, which only the jwt-bearer grant uses; add OAuthGrant.JwtBearer to Grants, or remove 'ScopeInAssertion = true'",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor JsonBody = Create(
            DiagnosticIds.JsonBody,
            "Token requests are sent as JSON",
            "'{0}' sends its token requests as JSON, while RFC 6749 specifies application/x-www-form-urlencoded (§4, Appendix B); keep Body = BodyEncoding.Json only for a provider that requires it",
            UsageCategory,
            DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor LiteralSecret = Create(
            DiagnosticIds.LiteralSecret,
            "A secret is written as a string literal",
            "The {0} is written as a string literal; read it from configuration or a secret store, so it stays out of source control and binaries",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InvalidScope = Create(
            DiagnosticIds.InvalidScope,
            "The scope is not valid",
            "The scope \"{0}\" {1}; a scope is a list of tokens of printable ASCII characters except '\"' and '\\', separated by single spaces (RFC 6749 §3.3)",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor CommaSeparatedScope = Create(
            DiagnosticIds.CommaSeparatedScope,
            "Scopes are separated by commas",
            "The scope \"{0}\" separates its scopes with commas, so the provider reads one scope; separate them with spaces: \"{1}\" (RFC 6749 §3.3)",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ReservedHeader = Create(
            DiagnosticIds.ReservedHeader,
            "[OAuthHeader] sets a header the client controls",
            "[OAuthHeader(\"{0}\")] sets a header the client writes itself: {1}; remove it",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ReservedParameter = Create(
            DiagnosticIds.ReservedParameter,
            "[OAuthParameter] collides with a parameter the client sends",
            "[OAuthParameter(\"{0}\")] collides with the '{0}' parameter that the client sends {1}; remove it",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InvalidTokenType = Create(
            DiagnosticIds.InvalidTokenType,
            "The token type cannot be used",
            "OAuthGen generates nothing for '{2}' because its TokenType '{0}' {1}; declare a non-abstract class that derives from OAuthToken, with a parameterless constructor '{2}' can call",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnsupportedField = Create(
            DiagnosticIds.UnsupportedField,
            "The [OAuthField] property is never filled",
            "The [OAuthField] property '{0}' is never filled because it {1}",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DuplicateField = Create(
            DiagnosticIds.DuplicateField,
            "Two [OAuthField] properties read the same field",
            "'{0}' reads the response field \"{1}\", which '{2}' reads already; map each field once",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor StandardFieldShadowed = Create(
            DiagnosticIds.StandardFieldShadowed,
            "[OAuthField] names a standard response field",
            "[OAuthField(\"{0}\")] on '{1}' is never filled: the runtime reads \"{0}\" itself into {2}; remove the property and use {2}",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ProviderAttributeUnusable = Create(
            DiagnosticIds.ProviderAttributeUnusable,
            "The [OAuthProvider] declaration cannot be used",
            "OAuthGen generates nothing for '{0}' because its [OAuthProvider] {1}",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor MalformedEndpointPlaceholder = Create(
            DiagnosticIds.MalformedEndpointPlaceholder,
            "The endpoint has a malformed placeholder",
            "The {0} {1}; write each placeholder as {{name}} with a name of letters, digits, '_' or '-', filled from OAuthClientOptions.EndpointParameters",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ContradictsCatalogue = Create(
            DiagnosticIds.ContradictsCatalogue,
            "The declaration contradicts the catalogue provider of its token endpoint",
            "'{0}' names the token endpoint of OAuthGen.Providers.{1}, which {2}; use OAuthGen.Providers.{1}, or declare what it does",
            UsageCategory,
            DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor PkceRequired = Create(
            DiagnosticIds.PkceRequired,
            "PKCE is off where the provider requires it",
            "'{0}' turns PKCE off (UsePkce = false), but the provider of its token endpoint requires PKCE ({1}), so it will refuse every code exchanged without a verifier; {2}remove 'UsePkce = false'",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor SecretInQuery = Create(
            DiagnosticIds.SecretInQuery,
            "Token request secrets are sent in the URL",
            "'{0}' sends its token request parameters in the URL ({1}) with ClientAuth = {2}, so the {3} is in the request URI, where proxies, servers and older HTTP logging keep it; use ClientSecretBasic if the provider accepts it, or suppress with the reason if it documents only this",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnknownStandardParameter = Create(
            DiagnosticIds.UnknownStandardParameter,
            "[OAuthParameterName] names no standard parameter",
            "[OAuthParameterName(\"{0}\", ...)] renames '{0}', which is no parameter OAuthGen sends; name one of {1}",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ParameterNameCollision = Create(
            DiagnosticIds.ParameterNameCollision,
            "Two parameters are sent under one name",
            "'{0}' would be sent for both {1} and {2}; give each its own wire name",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor RequiredParameterOmitted = Create(
            DiagnosticIds.RequiredParameterOmitted,
            "[OAuthParameterName] leaves out a parameter the grant needs",
            "[OAuthParameterName(\"{0}\", null)] leaves out '{0}', without which {1} cannot work; give it a wire name instead",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MissingCodeVerifier = Create(
            DiagnosticIds.MissingCodeVerifier,
            "The code is exchanged without its PKCE code verifier",
            "'{0}' sends a PKCE code challenge with its authorization requests (UsePkce is on), so the provider will refuse this code without its verifier; pass the CodeVerifier of the AuthorizationRequest that asked for the code, or pass codeVerifier: null where the code did not come from it",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor PlaceholderInEndpointOverride = Create(
            DiagnosticIds.PlaceholderInEndpointOverride,
            "An endpoint set in code contains a placeholder",
            "The {0} set here contains the placeholder '{1}', which is only filled in declared endpoints and would be sent as written; put the value in the URI, or declare the endpoint with the placeholder and set OAuthClientOptions.EndpointParameters",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InvalidResponseRoot = Create(
            DiagnosticIds.InvalidResponseRoot,
            "ResponseRoot is not a path of field names",
            "ResponseRoot '{0}' of '{1}' {2}; write the names of the nested objects separated by single dots, as in \"authed_user\" or \"data.token\"",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor BlankResponseField = Create(
            DiagnosticIds.BlankResponseField,
            "A response field name is blank",
            "{0} of '{1}' is blank; write the name of the field the provider sends, or remove the argument to read the standard one",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ConflictingResponseField = Create(
            DiagnosticIds.ConflictingResponseField,
            "A response field name is read twice",
            "{0} = \"{1}\" of '{2}' {3}; give each declared field its own name, and no standard field name of another meaning",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor EmptyScopeSeparator = Create(
            DiagnosticIds.EmptyScopeSeparator,
            "ScopeSeparator is empty",
            "ScopeSeparator of '{0}' is empty, which would run scopes together; write the separator the provider documents, such as \",\", or remove the argument for a space",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor MalformedHeaderValue = Create(
            DiagnosticIds.MalformedHeaderValue,
            "The header value has a placeholder OAuthGen does not fill",
            "The value of the {0} header of '{1}' {2}; OAuthGen generates nothing for the class until it is fixed",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor RefreshTokenEndpointWithoutRefreshGrant = Create(
            DiagnosticIds.RefreshTokenEndpointWithoutRefreshGrant,
            "RefreshTokenEndpoint without the refresh token grant",
            "'{0}' sets RefreshTokenEndpoint, which only the refresh token grant uses; add OAuthGrant.RefreshToken to Grants, or remove RefreshTokenEndpoint",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor RefreshTokenEndpointOtherOrigin = Create(
            DiagnosticIds.RefreshTokenEndpointOtherOrigin,
            "The refresh token endpoint is on another origin than the token endpoint",
            "The refresh token endpoint of '{0}' is on {1}, the token endpoint on {2}: every refresh sends the client secret and the refresh token to a host the token endpoint does not name; check the address against the provider's documentation, and suppress with the reason if it documents this",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MetadataDocumentUnusable = Create(
            DiagnosticIds.MetadataDocumentUnusable,
            "The metadata document cannot be used",
            "The metadata document '{0}' bound to '{1}' {2}; OAuthGen generates nothing for '{1}' until the document is fixed, or its AdditionalFiles item no longer names the class in OAuthGenProvider",
            UsageCategory,
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor MetadataClientAuthNotSupported = Create(
            DiagnosticIds.MetadataClientAuthNotSupported,
            "The metadata document does not list the client authentication method",
            "'{0}' authenticates with ClientAuthMethod.{1} ('{2}'), which its metadata document '{3}' does not list in token_endpoint_auth_methods_supported ({4}); set ClientAuth to a method listed there",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MetadataGrantNotSupported = Create(
            DiagnosticIds.MetadataGrantNotSupported,
            "The metadata document does not list the grant",
            "'{0}' declares OAuthGrant.{1} ('{2}'), which its metadata document '{3}' does not list in grant_types_supported ({4}); remove it from Grants, or check that the document is current",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MetadataPkceNotSupported = Create(
            DiagnosticIds.MetadataPkceNotSupported,
            "The metadata document does not list the S256 code challenge method",
            "'{0}' sends a PKCE code challenge with the method S256, which its metadata document '{1}' does not list in code_challenge_methods_supported ({2}); check with the provider that it accepts S256, and set UsePkce = false only if it supports no PKCE at all ('plain' protects nothing, RFC 7636 §7.2)",
            SecurityCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MetadataResponseTypeNotSupported = Create(
            DiagnosticIds.MetadataResponseTypeNotSupported,
            "The metadata document does not list the 'code' response type",
            "'{0}' declares OAuthGrant.AuthorizationCode, and its metadata document '{1}' lists no 'code' in response_types_supported ({2}), so the server issues no authorization code; remove AuthorizationCode from Grants, or check that the document is this provider's",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MetadataEndpointDiffers = Create(
            DiagnosticIds.MetadataEndpointDiffers,
            "The endpoint differs from the metadata document's",
            "The {0} of '{1}' is '{2}', and its metadata document '{3}' gives '{4}'; the attribute's value is used: remove it to use the document's, or correct the document",
            UsageCategory,
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MetadataDocumentUnbound = Create(
            DiagnosticIds.MetadataDocumentUnbound,
            "The metadata document names no provider class",
            "The AdditionalFiles item '{0}' names '{1}' in OAuthGenProvider, and no [OAuthProvider] class of this project has that name; write the provider class's name (or Namespace.Class), or remove OAuthGenProvider",
            UsageCategory,
            DiagnosticSeverity.Warning,
            WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>The documentation page of a diagnostic.</summary>
        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, params string[] customTags) =>
            new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id), customTags: customTags);
    }
}
