namespace OAuthGen.Providers
{
    /// <summary>
    /// Mailchimp Marketing API OAuth 2 (<see href="https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/"/>.</para>
    /// <list type="bullet">
    /// <item><description>expires_in: 0 means the token never expires (requests-oauthlib#509): ExpiresAt is null.</description></item>
    /// <item><description>"scope": null.</description></item>
    /// <item><description>No refresh token.</description></item>
    /// <item><description>No PKCE in its documentation.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict; requests-oauthlib mailchimp.py.</para>
    /// </remarks>
#pragma warning disable OAUTH011 // The provider documents no PKCE.
    [OAuthProvider("https://login.mailchimp.com/oauth2/token",
        Grants = OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://login.mailchimp.com/oauth2/authorize",
        UsePkce = false)]
    public partial class Mailchimp
    {
    }
#pragma warning restore OAUTH011
}
