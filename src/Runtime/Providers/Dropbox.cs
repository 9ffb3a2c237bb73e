namespace OAuthGen.Providers
{
    /// <summary>
    /// Dropbox OAuth 2 (<see href="https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic or the body, never both (golang/oauth2 internal/token.go comment).</description></item>
    /// <item><description>Refresh tokens only with token_access_type=offline on the authorization request.</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2.</para>
    /// </remarks>
    [OAuthProvider("https://api.dropboxapi.com/oauth2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://www.dropbox.com/oauth2/authorize")]
    public partial class Dropbox
    {
    }
}
