namespace OAuthGen.Providers
{
    /// <summary>
    /// Auth0 Authentication API, per tenant domain (<see href="https://auth0.com/docs/api/authentication"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://auth0.com/docs/api/authentication"/>.</para>
    /// <list type="bullet">
    /// <item><description>{domain} from EndpointParameters (tenant or custom domain).</description></item>
    /// <item><description>Client credentials need an audience parameter: add [OAuthParameter("audience", ...)] to your own declaration, or use the per-call parameters when available.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (templated issuer).</para>
    /// </remarks>
    [OAuthProvider("https://{domain}/oauth/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://{domain}/authorize",
        DeviceAuthorizationEndpoint = "https://{domain}/oauth/device/code",
        RevocationEndpoint = "https://{domain}/oauth/revoke")]
    public partial class Auth0
    {
    }
}
