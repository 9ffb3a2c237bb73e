namespace OAuthGen.Providers
{
    /// <summary>
    /// Zoom OAuth apps (user-level) (<see href="https://developers.zoom.us/docs/integrations/oauth/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.zoom.us/docs/integrations/oauth/"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// <item><description>Server-to-server apps use grant_type=account_credentials, which this class does not send.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML; golang/oauth2 endpoints.go.</para>
    /// </remarks>
    [OAuthProvider("https://zoom.us/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://zoom.us/oauth/authorize",
        RevocationEndpoint = "https://zoom.us/oauth/revoke")]
    public partial class Zoom
    {
    }
}
