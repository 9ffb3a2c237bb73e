namespace OAuthGen.Providers
{
    /// <summary>
    /// Facebook Login (Graph API v21.0) (<see href="https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body (OpenIddict sends a POST).</description></item>
    /// <item><description>Legacy answers were form-encoded text/plain with expires (requests-oauthlib facebook.py): read by the sniffing reader.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML; golang/oauth2 endpoints.go.</para>
    /// </remarks>
    [OAuthProvider("https://graph.facebook.com/v21.0/oauth/access_token",
        Grants = OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://www.facebook.com/v21.0/dialog/oauth")]
    public partial class Facebook
    {
    }
}
