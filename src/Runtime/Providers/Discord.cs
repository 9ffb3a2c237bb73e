namespace OAuthGen.Providers
{
    /// <summary>
    /// Discord OAuth2 (<see href="https://discord.com/developers/docs/topics/oauth2"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://discord.com/developers/docs/topics/oauth2"/>.</para>
    /// <list type="bullet">
    /// <item><description>The documented examples authenticate with Basic.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict; golang/oauth2 endpoints.go.</para>
    /// </remarks>
    [OAuthProvider("https://discord.com/api/oauth2/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://discord.com/oauth2/authorize",
        RevocationEndpoint = "https://discord.com/api/oauth2/token/revoke")]
    public partial class Discord
    {
    }
}
