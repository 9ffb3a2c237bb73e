namespace OAuthGen.Providers
{
    /// <summary>
    /// Zoho Accounts, per data centre (<see href="https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html"/>.</para>
    /// <list type="bullet">
    /// <item><description>{region} from EndpointParameters: com, eu, in, com.au, jp, ca, sa, com.cn (the accounts-server of the callback).</description></item>
    /// <item><description>Refresh tokens only with access_type=offline.</description></item>
    /// <item><description>api_domain read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (7 data centres); aspnet-contrib Zoho.</para>
    /// </remarks>
    [OAuthProvider("https://accounts.zoho.{region}/oauth/v2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://accounts.zoho.{region}/oauth/v2/auth",
        TokenType = typeof(ZohoToken))]
    public partial class Zoho
    {
    }

    /// <summary>The token Zoho answers, with the fields of its own (<see href="https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html"/>).</summary>
    public sealed class ZohoToken : OAuthToken
    {
        /// <summary>The data centre's API address to call with the token (api_domain).</summary>
        [OAuthField("api_domain")]
        public string? ApiDomain { get; set; }
    }
}
