namespace OAuthGen.Providers
{
    /// <summary>
    /// Trovo open platform, authorization code grant (<see href="https://developer.trovo.live/docs/APIs.html"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.trovo.live/docs/APIs.html"/>.</para>
    /// <list type="bullet">
    /// <item><description>The code is exchanged at /openplatform/exchangetoken and a token refreshed at /openplatform/refreshtoken, another endpoint (<see href="https://developer.trovo.live/docs/APIs.html#_4-3-refresh-access-token"/>; OpenIddict resolves the refresh endpoint per grant the same way).</description></item>
    /// <item><description>Both requests carry the client id in a Client-ID header, filled from OAuthClientOptions.ClientId, and not in the body, which holds client_secret, grant_type and code with redirect_uri, or refresh_token (OpenIddict Exchange handlers; aspnet-contrib Trovo sends the same).</description></item>
    /// <item><description>The body is JSON: a form body is answered with HTTP 500 (OpenIddict Exchange handlers).</description></item>
    /// <item><description>The authorization page is open.trovo.live/page/login.html; scopes are joined with '+' there (send them space-separated: the URL encodes a space as '+' only in a form query, so check the scope Trovo grants).</description></item>
    /// <item><description>token_type is "OAuth", and API calls send "Authorization: OAuth {token}" with the Client-ID header, not Bearer.</description></item>
    /// <item><description>Errors as {"status":..., "error":..., "message":...}, status a Trovo code (11714 for an expired or invalid token).</description></item>
    /// <item><description>No PKCE in its documentation. Revocation (/openplatform/revoke) takes access_token, not RFC 7009's token, and is not declared.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict handlers; aspnet-contrib Trovo.</para>
    /// </remarks>
#pragma warning disable OAUTH011 // The provider documents no PKCE.
    [OAuthProvider("https://open-api.trovo.live/openplatform/exchangetoken",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Body = BodyEncoding.Json,
        RefreshTokenEndpoint = "https://open-api.trovo.live/openplatform/refreshtoken",
        AuthorizationEndpoint = "https://open.trovo.live/page/login.html",
        UsePkce = false)]
    [OAuthHeader("Client-ID", "{client_id}")]
    [OAuthParameterName("client_id", null)]
    public partial class Trovo
    {
    }
#pragma warning restore OAUTH011
}
