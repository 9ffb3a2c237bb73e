using OAuthGen;

namespace OAuthGen.Tests.RealWorld
{
    // WeChat (Weixin) website login: https://developers.weixin.qq.com/doc/oplatform/en/Website_App/WeChat_Login/Wechat_Login.html
    // GET https://api.weixin.qq.com/sns/oauth2/access_token?appid=APPID&secret=SECRET&code=CODE&grant_type=authorization_code
    // No redirect_uri in the token request, no PKCE, client_id and client_secret under WeChat's own names.
#pragma warning disable OAUTH030, OAUTH011 // the query and no PKCE are how WeChat documents it; docs/security.md says what the query costs
    [OAuthProvider("https://api.weixin.qq.com/sns/oauth2/access_token",
        Grants = OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://open.weixin.qq.com/connect/qrconnect",
        Method = TokenRequestMethod.Get,
        UsePkce = false)]
    [OAuthParameterName("client_id", "appid")]
    [OAuthParameterName("client_secret", "secret")]
    [OAuthParameterName("redirect_uri", null)]
    public partial class WeChatAuth { }
#pragma warning restore OAUTH030, OAUTH011

    // DigitalOcean: https://docs.digitalocean.com/reference/api/oauth/
    // POST https://cloud.digitalocean.com/v1/oauth/token?grant_type=authorization_code&code=...&client_id=...&client_secret=...&redirect_uri=...
#pragma warning disable OAUTH030, OAUTH011 // as DigitalOcean documents it
    [OAuthProvider("https://cloud.digitalocean.com/v1/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://cloud.digitalocean.com/v1/oauth/authorize",
        Parameters = ParameterLocation.Query,
        UsePkce = false)]
    public partial class DigitalOceanAuth { }
#pragma warning restore OAUTH030, OAUTH011

    // Dropbox: https://developers.dropbox.com/oauth-guide (token_access_type=offline on the authorization URL for a refresh token).
    [OAuthProvider("https://api.dropboxapi.com/oauth2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://www.dropbox.com/oauth2/authorize")]
    public partial class DropboxAuth { }

    // Google: https://developers.google.com/identity/protocols/oauth2/web-server (access_type=offline, prompt=consent).
    [OAuthProvider("https://oauth2.googleapis.com/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://accounts.google.com/o/oauth2/v2/auth")]
    public partial class GoogleWebAuth { }

    // Microsoft Entra v1.0 endpoint: the resource is a per-call parameter of the client credentials request.
    // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow (v1: resource=...)
    [OAuthProvider("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token",
        ClientAuth = ClientAuthMethod.ClientSecretPost)]
    public partial class EntraV1Auth { }
}
