namespace OAuthGen.Providers
{
    /// <summary>
    /// DocuSign eSignature (production account server; the demo one through OAuthClientOptions.TokenEndpoint) (<see href="https://developers.docusign.com/platform/auth/reference/obtain-access-token/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.docusign.com/platform/auth/reference/obtain-access-token/"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// <item><description>Demo environment: https://account-d.docusign.com/oauth/token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (two environments).</para>
    /// </remarks>
    [OAuthProvider("https://account.docusign.com/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://account.docusign.com/oauth/auth")]
    public partial class DocuSign
    {
    }
}
