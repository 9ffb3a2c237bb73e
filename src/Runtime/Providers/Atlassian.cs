namespace OAuthGen.Providers
{
    /// <summary>
    /// Atlassian Cloud OAuth 2.0 (3LO) apps (<see href="https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/"/>.</para>
    /// <list type="bullet">
    /// <item><description>JSON request body, as documented.</description></item>
    /// <item><description>Audience=api.atlassian.com on the authorization request (in the declared authorization endpoint).</description></item>
    /// <item><description>Rotating refresh tokens with the offline_access scope.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (audience required).</para>
    /// </remarks>
    [OAuthProvider("https://auth.atlassian.com/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Body = BodyEncoding.Json,
        AuthorizationEndpoint = "https://auth.atlassian.com/authorize?audience=api.atlassian.com")]
    public partial class Atlassian
    {
    }
}
