namespace OAuthGen.Providers
{
    /// <summary>
    /// Google OAuth 2.0 for web server, installed and TV/limited-input applications (<see href="https://developers.google.com/identity/protocols/oauth2/web-server"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.google.com/identity/protocols/oauth2/web-server"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body only (golang/oauth2 google.Endpoint uses AuthStyleInParams).</description></item>
    /// <item><description>Refresh tokens only when the authorization request asks access_type=offline.</description></item>
    /// <item><description>Device answers say verification_url (https://developers.google.com/identity/protocols/oauth2/limited-input-device).</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 google/google.go; OpenIddict.</para>
    /// </remarks>
    [OAuthProvider("https://oauth2.googleapis.com/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://accounts.google.com/o/oauth2/v2/auth",
        DeviceAuthorizationEndpoint = "https://oauth2.googleapis.com/device/code",
        RevocationEndpoint = "https://oauth2.googleapis.com/revoke")]
    public partial class Google
    {
    }
}
