namespace OAuthGen.Providers
{
    /// <summary>
    /// Huawei Account Kit (OAuth 2.0 v3) (<see href="https://developer.huawei.com/consumer/en/doc/HMSCore-Guides/open-platform-oauth-0000001053629189"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.huawei.com/consumer/en/doc/HMSCore-Guides/open-platform-oauth-0000001053629189"/>.</para>
    /// <list type="bullet">
    /// <item><description>Numeric error with sub_error (OpenIddict maps them; here Error is the number as a string).</description></item>
    /// <item><description>Its device flow renames the grant, so it is not declared.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (Exchange handlers).</para>
    /// </remarks>
    [OAuthProvider("https://oauth-login.cloud.huawei.com/oauth2/v3/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://oauth-login.cloud.huawei.com/oauth2/v3/authorize",
        RevocationEndpoint = "https://oauth-login.cloud.huawei.com/oauth2/v3/revoke")]
    public partial class Huawei
    {
    }
}
