namespace OAuthGen.Providers
{
    /// <summary>
    /// Xero accounting API (<see href="https://developer.xero.com/documentation/guides/oauth2/auth-flow"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.xero.com/documentation/guides/oauth2/auth-flow"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// <item><description>Client credentials for custom connections only.</description></item>
    /// </list>
    /// <para>Sources: provider docs; aspnet-contrib Xero.</para>
    /// </remarks>
    [OAuthProvider("https://identity.xero.com/connect/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://login.xero.com/identity/connect/authorize",
        RevocationEndpoint = "https://identity.xero.com/connect/revocation")]
    public partial class Xero
    {
    }
}
