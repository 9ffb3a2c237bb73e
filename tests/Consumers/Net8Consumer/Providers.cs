// The five seed providers (tests/OAuthGen.Tests/Seeds/SeedDeclarations.cs), with nullable reference types.
using System;
using OAuthGen;

namespace Net8Consumer;

/// <summary>Seed 000 (Afero): password grant, raw Basic header, form body.</summary>
[OAuthProvider("https://api.afero.io/oauth/token",
    Grants = OAuthGrant.Password | OAuthGrant.RefreshToken,
    ClientAuth = ClientAuthMethod.ClientSecretBasic,
    Body = BodyEncoding.Form,
    BasicEncoding = BasicAuthEncoding.Plain)]
public partial class AferoAuth { }

/// <summary>Seed 001: client credentials, secret in the body, scope (the tenant) required, relative endpoint.</summary>
[OAuthProvider("configapi/v2/oauth/token",
    Grants = OAuthGrant.ClientCredentials,
    ClientAuth = ClientAuthMethod.ClientSecretPost,
    ScopeRequired = true)]
public partial class ConfigApiAuth { }

/// <summary>Seed 002 (barapi): password grant, client credentials in the body, an empty scope.</summary>
[OAuthProvider("https://barapi.cloud/oauth/token",
    Grants = OAuthGrant.Password,
    ClientAuth = ClientAuthMethod.ClientSecretPost,
    Scope = "")]
public partial class BarApiAuth { }

/// <summary>Seed 003 (an Apigee gateway): several grants and a typed token.</summary>
[OAuthProvider("https://gateway.example.com/oauth/token",
    Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
    AuthorizationEndpoint = "https://gateway.example.com/authorize",
    BasicEncoding = BasicAuthEncoding.Plain,
    TokenType = typeof(ConnectedHomeToken))]
public partial class ConnectedHomeAuth { }

/// <summary>The gateway's token response, with its own fields.</summary>
public partial class ConnectedHomeToken : OAuthToken
{
    /// <summary>The developer organization.</summary>
    [OAuthField("organization_name")] public string? OrganizationName { get; set; }

    /// <summary>When the token was issued.</summary>
    [OAuthField("issued_at")] public DateTimeOffset? IssuedAt { get; set; }

    /// <summary>How often the token was refreshed.</summary>
    [OAuthField("refresh_count")] public int? RefreshCount { get; set; }

    /// <summary>The refresh token's lifetime.</summary>
    [OAuthField("refresh_token_expires_in")] public TimeSpan? RefreshTokenExpiresIn { get; set; }

    /// <summary>The API products, as the gateway's string.</summary>
    [OAuthField("api_product_list")] public string? ApiProductList { get; set; }

    /// <summary>The application.</summary>
    [OAuthField("application_name")] public string? ApplicationName { get; set; }

    /// <summary>The token status.</summary>
    [OAuthField("status")] public string? Status { get; set; }
}

/// <summary>Seed 004 (Podero): client credentials, Basic header, JSON body, an extra header.</summary>
[OAuthProvider("https://app.podero.com/oauth2/token/",
    Body = BodyEncoding.Json)]
[OAuthHeader("Cache-Control", "no-cache")]
public partial class PoderoAuth { }
