namespace OAuthGen.Providers
{
    /// <summary>
    /// Box Platform OAuth 2.0 (<see href="https://developer.box.com/reference/post-oauth2-token/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.box.com/reference/post-oauth2-token/"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body (golang/oauth2 listed api.box.com as a broken Basic provider).</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2; OpenIddict.</para>
    /// </remarks>
    [OAuthProvider("https://api.box.com/oauth2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://account.box.com/api/oauth2/authorize",
        RevocationEndpoint = "https://api.box.com/oauth2/revoke")]
    public partial class Box
    {
    }
}
