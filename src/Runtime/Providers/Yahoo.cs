namespace OAuthGen.Providers
{
    /// <summary>
    /// Yahoo OAuth 2.0 (authorization code flow) (<see href="https://developer.yahoo.com/oauth2/guide/flows_authcode/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.yahoo.com/oauth2/guide/flows_authcode/"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// <item><description>xoauth_yahoo_guid read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; aspnet-contrib Yahoo.</para>
    /// </remarks>
    [OAuthProvider("https://api.login.yahoo.com/oauth2/get_token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://api.login.yahoo.com/oauth2/request_auth",
        TokenType = typeof(YahooToken))]
    public partial class Yahoo
    {
    }

    /// <summary>The token Yahoo answers, with the fields of its own (<see href="https://developer.yahoo.com/oauth2/guide/flows_authcode/"/>).</summary>
    public sealed class YahooToken : OAuthToken
    {
        /// <summary>The user's GUID (xoauth_yahoo_guid).</summary>
        [OAuthField("xoauth_yahoo_guid")]
        public string? YahooGuid { get; set; }
    }
}
