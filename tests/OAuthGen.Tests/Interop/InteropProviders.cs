// Providers declared as a user would for two authorization servers written by others (tests/servers). Endpoints are
// relative to HttpClient.BaseAddress (the server's origin + "/"), at the paths the servers publish: oidc-provider's
// discovery document lists /token and /auth; @node-oauth/oauth2-server answers at /token.
using OAuthGen;

namespace OAuthGen.Tests.Interop
{
    // oidc-provider, client "cc-basic": client credentials, secret in a Basic header.
    [OAuthProvider("token", Grants = OAuthGrant.ClientCredentials, ClientAuth = ClientAuthMethod.ClientSecretBasic)]
    public partial class OidcSecretBasicAuth { }

    // oidc-provider, client "cc-post": client credentials, secret in the body.
    [OAuthProvider("token", Grants = OAuthGrant.ClientCredentials, ClientAuth = ClientAuthMethod.ClientSecretPost)]
    public partial class OidcSecretPostAuth { }

    // oidc-provider, client "web": a confidential client, authorization code with PKCE S256 and rotating refresh tokens.
    [OAuthProvider("token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "auth",
        Scope = "openid")]
    public partial class OidcWebAuth { }

    // oidc-provider, client "spa": a public client (no secret), authorization code with PKCE S256 (required).
    [OAuthProvider("token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.None,
        AuthorizationEndpoint = "auth",
        Scope = "openid profile")]
    public partial class OidcSpaAuth { }

    // @node-oauth/oauth2-server, client "pw-client": password, refresh and client credentials, secret in a Basic header.
    [OAuthProvider("token", Grants = OAuthGrant.Password | OAuthGrant.RefreshToken | OAuthGrant.ClientCredentials)]
    public partial class NodeOAuthBasicAuth { }

    // The same client with its secret in the body, which the library also accepts.
    [OAuthProvider("token", Grants = OAuthGrant.Password | OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost)]
    public partial class NodeOAuthPostAuth { }
}
