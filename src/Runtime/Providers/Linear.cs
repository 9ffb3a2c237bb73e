namespace OAuthGen.Providers
{
    /// <summary>
    /// Linear OAuth 2.0 (<see href="https://linear.app/developers/oauth-2-0-authentication"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://linear.app/developers/oauth-2-0-authentication"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body.</description></item>
    /// </list>
    /// <para>Sources: provider docs; aspnet-contrib Linear.</para>
    /// </remarks>
    [OAuthProvider("https://api.linear.app/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://linear.app/oauth/authorize",
        RevocationEndpoint = "https://api.linear.app/oauth/revoke")]
    public partial class Linear
    {
    }
}
