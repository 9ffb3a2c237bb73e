namespace OAuthGen.Providers
{
    /// <summary>
    /// Login with Amazon (<see href="https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body (Basic also accepted, OpenIddict XML).</description></item>
    /// <item><description>Its device flow renames the grant (grant_type=device_code), so it is not declared.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict; golang/oauth2 endpoints.go.</para>
    /// </remarks>
    [OAuthProvider("https://api.amazon.com/auth/o2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://www.amazon.com/ap/oa")]
    public partial class Amazon
    {
    }
}
