using System;
using OAuthGen;

namespace QuickStart
{
    // Seed 000 (Afero): password grant, Basic header of the raw "id:secret", form body.
    [OAuthProvider("https://api.afero.io/oauth/token",
        Grants = OAuthGrant.Password | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        Body = BodyEncoding.Form,
        BasicEncoding = BasicAuthEncoding.Plain)]
    public partial class AferoAuth { }

    // Seed 001: client credentials, secret in the body, scope (the tenant) required, host per tenant.
    [OAuthProvider("configapi/v2/oauth/token",
        Grants = OAuthGrant.ClientCredentials,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        ScopeRequired = true)]
    public partial class ConfigApiAuth { }

    // Seed 002 (barapi): password grant, client id and secret in the body, scope sent even when empty.
    [OAuthProvider("https://barapi.cloud/oauth/token",
        Grants = OAuthGrant.Password,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Scope = "")]
    public partial class BarApiAuth { }

    // Seed 003 (an Apigee gateway): several grants and a typed response with the gateway's own fields.
    [OAuthProvider("https://gateway.example.com/oauth/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        AuthorizationEndpoint = "https://gateway.example.com/authorize",
        BasicEncoding = BasicAuthEncoding.Plain,
        TokenType = typeof(ConnectedHomeToken))]
    public partial class ConnectedHomeAuth { }

    public partial class ConnectedHomeToken : OAuthToken
    {
        [OAuthField("organization_name")] public string? OrganizationName { get; set; }
        [OAuthField("issued_at")] public DateTimeOffset? IssuedAt { get; set; }
        [OAuthField("refresh_count")] public int? RefreshCount { get; set; }
    }

    // Seed 004 (Podero): client credentials, Basic header, JSON body, an extra header, a trailing slash.
    [OAuthProvider("https://app.podero.com/oauth2/token/",
        Body = BodyEncoding.Json)]
    [OAuthHeader("Cache-Control", "no-cache")]
    public partial class PoderoAuth { }
}
