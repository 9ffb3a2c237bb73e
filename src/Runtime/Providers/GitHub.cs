namespace OAuthGen.Providers
{
    /// <summary>
    /// GitHub OAuth apps and GitHub Apps acting for a user (<see href="https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps"/>.</para>
    /// <list type="bullet">
    /// <item><description>Answers form-encoded unless asked for JSON (every OAuthGen request sends Accept: application/json).</description></item>
    /// <item><description>Errors such as bad_verification_code come with HTTP 200 (golang/oauth2#274, #441).</description></item>
    /// <item><description>Tokens of classic OAuth apps carry no expires_in.</description></item>
    /// <item><description>Refresh tokens only for GitHub Apps with expiring user tokens (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens).</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 endpoints.go; OpenIddict XML.</para>
    /// </remarks>
    [OAuthProvider("https://github.com/login/oauth/access_token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://github.com/login/oauth/authorize",
        DeviceAuthorizationEndpoint = "https://github.com/login/device/code")]
    public partial class GitHub
    {
    }
}
