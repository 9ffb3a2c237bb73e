namespace OAuthGen.Providers
{
    /// <summary>
    /// Asana OAuth (<see href="https://developers.asana.com/docs/oauth"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.asana.com/docs/oauth"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body.</description></item>
    /// <item><description>The user object (data) stays in AdditionalFields.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML.</para>
    /// </remarks>
    [OAuthProvider("https://app.asana.com/-/oauth_token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://app.asana.com/-/oauth_authorize",
        RevocationEndpoint = "https://app.asana.com/-/oauth_revoke")]
    public partial class Asana
    {
    }
}
