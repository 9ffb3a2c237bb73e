// The five documented providers of docs/providers/seeds, declared as a user would. The end-to-end tests use the clients
// generated from this file, the generator and analyzer tests compile this same text (it is also an embedded
// resource), and tests/Consumers/Net8Consumer compiles it with warnings as errors and XML documentation on.
using System;
using OAuthGen;

namespace OAuthGen.Tests.Seeds
{
    /// <summary>Seed 000 (Afero): password grant, Basic header of the raw "id:secret" as the document shows, form body.</summary>
    [OAuthProvider("https://api.afero.io/oauth/token",
        Grants = OAuthGrant.Password | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        Body = BodyEncoding.Form,
        BasicEncoding = BasicAuthEncoding.Plain)]
    public partial class AferoAuth { }

    /// <summary>
    /// Seed 001: client credentials, secret in the body, scope (the tenant) required; the host varies per tenant,
    /// so the endpoint is relative to HttpClient.BaseAddress.
    /// </summary>
    [OAuthProvider("configapi/v2/oauth/token",
        Grants = OAuthGrant.ClientCredentials,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        ScopeRequired = true)]
    public partial class ConfigApiAuth { }

    /// <summary>
    /// Seed 002 (barapi): password grant with client_id and client_secret in the form body, and scope sent even
    /// when empty ("scope": "" in the document's example).
    /// </summary>
    [OAuthProvider("https://barapi.cloud/oauth/token",
        Grants = OAuthGrant.Password,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Scope = "")]
    public partial class BarApiAuth { }

    /// <summary>
    /// Seed 003 (an Apigee gateway): several grants, a raw Basic header, and a typed response with the gateway's
    /// own fields, every one of them a string.
    /// </summary>
    [OAuthProvider("https://gateway.example.com/oauth/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        AuthorizationEndpoint = "https://gateway.example.com/authorize",
        BasicEncoding = BasicAuthEncoding.Plain,
        TokenType = typeof(ConnectedHomeToken))]
    public partial class ConnectedHomeAuth { }

    /// <summary>The gateway's token response, with its own fields typed.</summary>
    public partial class ConnectedHomeToken : OAuthToken
    {
        /// <summary>The developer organization.</summary>
        [OAuthField("organization_name")] public string? OrganizationName { get; set; }

        /// <summary>When the token was issued: "1487281223451", epoch milliseconds as a string.</summary>
        [OAuthField("issued_at")] public DateTimeOffset? IssuedAt { get; set; }

        /// <summary>How often the token was refreshed: "0".</summary>
        [OAuthField("refresh_count")] public int? RefreshCount { get; set; }

        /// <summary>The refresh token's lifetime: "0".</summary>
        [OAuthField("refresh_token_expires_in")] public TimeSpan? RefreshTokenExpiresIn { get; set; }

        /// <summary>The API products: "[Basic Plan]", a string, not JSON.</summary>
        [OAuthField("api_product_list")] public string? ApiProductList { get; set; }

        /// <summary>The application.</summary>
        [OAuthField("application_name")] public string? ApplicationName { get; set; }

        /// <summary>The application's status.</summary>
        [OAuthField("status")] public string? Status { get; set; }
    }

    /// <summary>Seed 004 (Podero): client credentials, Basic header, JSON body, an extra header, a trailing slash.</summary>
    [OAuthProvider("https://app.podero.com/oauth2/token/",
        Body = BodyEncoding.Json)]
    [OAuthHeader("Cache-Control", "no-cache")]
    public partial class PoderoAuth { }
}
