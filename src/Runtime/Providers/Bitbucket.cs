namespace OAuthGen.Providers
{
    /// <summary>
    /// Bitbucket Cloud OAuth 2.0 consumers (<see href="https://developer.atlassian.com/cloud/bitbucket/oauth-2/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.atlassian.com/cloud/bitbucket/oauth-2/"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 endpoints.go.</para>
    /// </remarks>
    [OAuthProvider("https://bitbucket.org/site/oauth2/access_token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://bitbucket.org/site/oauth2/authorize")]
    public partial class Bitbucket
    {
    }
}
