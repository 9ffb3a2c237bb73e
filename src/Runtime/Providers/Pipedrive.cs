namespace OAuthGen.Providers
{
    /// <summary>
    /// Pipedrive Marketplace apps (<see href="https://pipedrive.readme.io/docs/marketplace-oauth-authorization"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://pipedrive.readme.io/docs/marketplace-oauth-authorization"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// <item><description>api_domain read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML; golang/oauth2 endpoints.go.</para>
    /// </remarks>
    [OAuthProvider("https://oauth.pipedrive.com/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://oauth.pipedrive.com/oauth/authorize",
        TokenType = typeof(PipedriveToken))]
    public partial class Pipedrive
    {
    }

    /// <summary>The token Pipedrive answers, with the fields of its own (<see href="https://pipedrive.readme.io/docs/marketplace-oauth-authorization"/>).</summary>
    public sealed class PipedriveToken : OAuthToken
    {
        /// <summary>The company's API address (api_domain).</summary>
        [OAuthField("api_domain")]
        public string? ApiDomain { get; set; }
    }
}
