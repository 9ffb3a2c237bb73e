using OAuthGen;

namespace OAuthGen.Tests.RealWorld
{
    // Slack: https://api.slack.com/methods/oauth.v2.access. The user token is under "authed_user" (the top-level
    // access_token is the bot's); errors are {"ok":false,"error":"..."} with HTTP 200. Scopes are comma-separated.
#pragma warning disable OAUTH011 // oauth.v2.access documents no PKCE
    [OAuthProvider("https://slack.com/api/oauth.v2.access", Grants = OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost, AuthorizationEndpoint = "https://slack.com/oauth/v2/authorize",
        ResponseRoot = "authed_user", ScopeSeparator = ",", UsePkce = false)]
    public partial class SlackUserAuth { }

    // Strava: https://developers.strava.com/docs/authentication/. An absolute "expires_at" in epoch seconds beside
    // expires_in; scopes in the authorization request are comma-separated.
    [OAuthProvider("https://www.strava.com/oauth/token", ClientAuth = ClientAuthMethod.ClientSecretPost,
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, AuthorizationEndpoint = "https://www.strava.com/oauth/authorize",
        ExpiresAtField = "expires_at", ScopeSeparator = ",", UsePkce = false)]
    public partial class StravaAuth { }

    // Deezer: https://developers.deezer.com/api/oauth. Without ?output=json the answer is form-encoded,
    // "access_token=...&expires=3600" ("expires=0" with the offline_access permission).
    [OAuthProvider("https://connect.deezer.com/oauth/access_token.php", ClientAuth = ClientAuthMethod.ClientSecretPost,
        Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://connect.deezer.com/oauth/auth.php",
        ExpiresInField = "expires", ScopeSeparator = ",", UsePkce = false)]
    public partial class DeezerAuth { }

    // WeChat (Weixin) website login: https://developers.weixin.qq.com/doc/oplatform/Website_App/WeChat_Login/Wechat_Login.html.
    // Errors are {"errcode":40029,"errmsg":"invalid code"} with HTTP 200. Its request shape (GET, appid/secret in the
    // query) is the "request" lane's; declared here with what exists, only the answer side is tested.
    [OAuthProvider("https://api.weixin.qq.com/sns/oauth2/access_token", ClientAuth = ClientAuthMethod.ClientSecretPost,
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, AuthorizationEndpoint = "https://open.weixin.qq.com/connect/qrconnect",
        ErrorField = "errcode", ErrorDescriptionField = "errmsg", UsePkce = false)]
    public partial class WeixinAuth { }
#pragma warning restore OAUTH011
}
