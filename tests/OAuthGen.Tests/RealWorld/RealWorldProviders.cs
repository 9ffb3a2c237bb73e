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
}
