namespace OAuthGen.Providers
{
    /// <summary>
    /// Twitch authentication (id.twitch.tv) (<see href="https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/"/>.</para>
    /// <list type="bullet">
    /// <item><description>Scope answered as a JSON array (read as a space-separated string).</description></item>
    /// <item><description>Errors as {"status":400,"message":...} with no error field: an OAuthException without Error (openiddict#2142).</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 endpoints.go; OpenIddict.</para>
    /// </remarks>
    [OAuthProvider("https://id.twitch.tv/oauth2/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://id.twitch.tv/oauth2/authorize",
        DeviceAuthorizationEndpoint = "https://id.twitch.tv/oauth2/device",
        RevocationEndpoint = "https://id.twitch.tv/oauth2/revoke")]
    public partial class Twitch
    {
    }
}
