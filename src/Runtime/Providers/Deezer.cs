namespace OAuthGen.Providers
{
    /// <summary>
    /// Deezer API OAuth (<see href="https://developers.deezer.com/api/oauth"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.deezer.com/api/oauth"/>.</para>
    /// <list type="bullet">
    /// <item><description>The code exchange is a GET of access_token.php?app_id=...&amp;secret=...&amp;code=..., as documented: the client id goes as app_id, the secret as secret, in the query (so in the URL: see docs/security.md), without grant_type or redirect_uri.</description></item>
    /// <item><description>The answer is form-encoded (access_token=...&amp;expires=3600), declared text/html (provider-quirks, OpenIddict Exchange handlers): read by the sniffing reader. Adding output=json to the endpoint gets JSON instead (OpenIddict, aspnet-contrib Deezer).</description></item>
    /// <item><description>The lifetime is expires, not expires_in (ExpiresInField); expires=0 (the offline_access permission) means no expiry.</description></item>
    /// <item><description>Permissions go as perms, comma-separated, on the authorization request (perms=basic_access,email); app_id there too.</description></item>
    /// <item><description>A refused code is answered with HTTP 200 and a plain-text body ("wrong code"): an OAuthException without Error.</description></item>
    /// <item><description>OpenIddict appends the state to redirect_uri for Deezer (Handlers 1765–1782); pass the same redirect URI you authorized with. No refresh token, no PKCE in its documentation.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML and handlers; aspnet-contrib Deezer.</para>
    /// </remarks>
#pragma warning disable OAUTH011 // The provider documents no PKCE.
#pragma warning disable OAUTH030 // Deezer reads the secret from the query string only.
    [OAuthProvider("https://connect.deezer.com/oauth/access_token.php",
        Grants = OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Method = TokenRequestMethod.Get,
        AuthorizationEndpoint = "https://connect.deezer.com/oauth/auth.php",
        ExpiresInField = "expires",
        ScopeSeparator = ",",
        UsePkce = false)]
    [OAuthParameterName("client_id", "app_id")]
    [OAuthParameterName("client_secret", "secret")]
    [OAuthParameterName("scope", "perms")]
    [OAuthParameterName("grant_type", null)]
    [OAuthParameterName("redirect_uri", null)]
    public partial class Deezer
    {
    }
#pragma warning restore OAUTH030
#pragma warning restore OAUTH011
}
