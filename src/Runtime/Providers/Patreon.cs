namespace OAuthGen.Providers
{
    /// <summary>
    /// Patreon API v2 OAuth (<see href="https://docs.patreon.com/#oauth"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://docs.patreon.com/#oauth"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML.</para>
    /// </remarks>
    [OAuthProvider("https://www.patreon.com/api/oauth2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://www.patreon.com/oauth2/authorize")]
    public partial class Patreon
    {
    }
}
