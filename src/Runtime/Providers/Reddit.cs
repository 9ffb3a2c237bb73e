namespace OAuthGen.Providers
{
    /// <summary>
    /// Reddit OAuth2 (<see href="https://github.com/reddit-archive/reddit/wiki/OAuth2"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://github.com/reddit-archive/reddit/wiki/OAuth2"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic always, with an empty secret for installed apps (OpenIddict note).</description></item>
    /// <item><description>A descriptive User-Agent is required: set it on the HttpClient (aspnet-contrib Reddit).</description></item>
    /// <item><description>Refresh tokens only with duration=permanent on the authorization request.</description></item>
    /// </list>
    /// <para>Sources: provider wiki; OpenIddict XML; aspnet-contrib Reddit.</para>
    /// </remarks>
    [OAuthProvider("https://www.reddit.com/api/v1/access_token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://www.reddit.com/api/v1/authorize",
        RevocationEndpoint = "https://www.reddit.com/api/v1/revoke_token")]
    public partial class Reddit
    {
    }
}
