namespace OAuthGen.Providers
{
    /// <summary>
    /// HubSpot public apps (<see href="https://developers.hubspot.com/docs/api/oauth-quickstart-guide"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.hubspot.com/docs/api/oauth-quickstart-guide"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML.</para>
    /// </remarks>
    [OAuthProvider("https://api.hubapi.com/oauth/v1/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://app.hubspot.com/oauth/authorize")]
    public partial class HubSpot
    {
    }
}
