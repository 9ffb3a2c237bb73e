namespace OAuthGen.Providers
{
    /// <summary>
    /// X (formerly Twitter) OAuth 2.0 user context (<see href="https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token"/>.</para>
    /// <list type="bullet">
    /// <item><description>PKCE required (PkceRequired: OAUTH046 reports a declaration of this token endpoint that turns it off).</description></item>
    /// <item><description>Basic for confidential clients.</description></item>
    /// <item><description>Refresh tokens only with the offline.access scope.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML; aspnet-contrib Twitter.</para>
    /// </remarks>
    [OAuthProvider("https://api.x.com/2/oauth2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://x.com/i/oauth2/authorize",
        PkceRequired = true,
        RevocationEndpoint = "https://api.x.com/2/oauth2/revoke")]
    public partial class X
    {
    }
}
