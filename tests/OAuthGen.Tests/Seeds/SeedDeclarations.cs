// The five documented providers of shared/seeds, declared as a user would. The end-to-end tests use the clients
// generated from this file, and the generator tests compile this same text (it is also an embedded resource).
using System;
using OAuthGen;

namespace OAuthGen.Tests.Seeds
{
    // Seed 000 (Afero): password grant, Basic header of the raw "id:secret" as the document shows, form body.
    [OAuthProvider("https://api.afero.io/oauth/token",
        Grants = OAuthGrant.Password | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        Body = BodyEncoding.Form,
        BasicEncoding = BasicAuthEncoding.Plain)]
    public partial class AferoAuth { }

    // Seed 001: client credentials, secret in the body, scope (the tenant) required; the host varies per tenant,
    // so the endpoint is relative to HttpClient.BaseAddress.
    [OAuthProvider("configapi/v2/oauth/token",
        Grants = OAuthGrant.ClientCredentials,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        ScopeRequired = true)]
    public partial class ConfigApiAuth { }

    // Seed 002 (barapi): password grant with client_id and client_secret in the form body, and scope sent even
    // when empty ("scope": "" in the document's example).
    [OAuthProvider("https://barapi.cloud/oauth/token",
        Grants = OAuthGrant.Password,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Scope = "")]
    public partial class BarApiAuth { }

    // Seed 003 (an Apigee gateway): several grants, a raw Basic header, and a typed response with the gateway's
    // own fields, every one of them a string.
    [OAuthProvider("https://gateway.example.com/oauth/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        AuthorizationEndpoint = "https://gateway.example.com/authorize",
        BasicEncoding = BasicAuthEncoding.Plain,
        TokenType = typeof(ConnectedHomeToken))]
    public partial class ConnectedHomeAuth { }

    public partial class ConnectedHomeToken : OAuthToken
    {
        [OAuthField("organization_name")] public string? OrganizationName { get; set; }
        [OAuthField("issued_at")] public DateTimeOffset? IssuedAt { get; set; }   // "1487281223451" (epoch ms as a string)
        [OAuthField("refresh_count")] public int? RefreshCount { get; set; }       // "0"
        [OAuthField("refresh_token_expires_in")] public TimeSpan? RefreshTokenExpiresIn { get; set; }   // "0"
        [OAuthField("api_product_list")] public string? ApiProductList { get; set; }   // "[Basic Plan]", a string, not JSON
        [OAuthField("application_name")] public string? ApplicationName { get; set; }
        [OAuthField("status")] public string? Status { get; set; }
    }

    // Seed 004 (Podero): client credentials, Basic header, JSON body, an extra header, a trailing slash.
    [OAuthProvider("https://app.podero.com/oauth2/token/",
        Body = BodyEncoding.Json)]
    [OAuthHeader("Cache-Control", "no-cache")]
    public partial class PoderoAuth { }
}
