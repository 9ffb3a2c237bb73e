using OAuthGen;

namespace OAuthGen.Tests.RealWorld
{
    // Microsoft identity platform: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
    // POST https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token, client_secret in the body, scope {resource}/.default.
    [OAuthProvider("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Scope = "https://graph.microsoft.com/.default",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        AuthorizationEndpoint = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
        DeviceAuthorizationEndpoint = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/devicecode")]
    public partial class EntraAuth { }

    // Mailchimp: https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/
    // Tokens do not expire ("expires_in": 0), no refresh token, and no PKCE in its documentation. RefreshToken is
    // declared only so that UserTokenManager (which needs a refresh client) can hold the token: Mailchimp never issues
    // one, and the tests check that the manager never asks again.
#pragma warning disable OAUTH011 // Mailchimp documents no PKCE
    [OAuthProvider("https://login.mailchimp.com/oauth2/token",
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        AuthorizationEndpoint = "https://login.mailchimp.com/oauth2/authorize",
        UsePkce = false)]
    public partial class MailchimpAuth { }
#pragma warning restore OAUTH011
}
