namespace OAuthGen.Providers
{
    /// <summary>
    /// Spotify Web API authorization (<see href="https://developer.spotify.com/documentation/web-api/tutorials/code-flow"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.spotify.com/documentation/web-api/tutorials/code-flow"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication (https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow).</description></item>
    /// <item><description>PKCE for clients without a secret (https://developer.spotify.com/documentation/web-api/tutorials/code-pkce-flow).</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict; golang/oauth2 endpoints.go.</para>
    /// </remarks>
    [OAuthProvider("https://accounts.spotify.com/api/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://accounts.spotify.com/authorize")]
    public partial class Spotify
    {
    }
}
