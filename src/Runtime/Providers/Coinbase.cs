namespace OAuthGen.Providers
{
    /// <summary>
    /// Coinbase App OAuth2 (<see href="https://docs.cdp.coinbase.com/coinbase-app/authentication-authorization/oauth2/integrations"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://docs.cdp.coinbase.com/coinbase-app/authentication-authorization/oauth2/integrations"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML.</para>
    /// </remarks>
    [OAuthProvider("https://login.coinbase.com/oauth2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://login.coinbase.com/oauth2/auth",
        RevocationEndpoint = "https://login.coinbase.com/oauth2/revoke")]
    public partial class Coinbase
    {
    }
}
