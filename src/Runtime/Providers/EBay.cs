using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// eBay RESTful APIs (production; the sandbox through OAuthClientOptions.TokenEndpoint) (<see href="https://developer.ebay.com/api-docs/static/oauth-client-credentials-grant.html"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.ebay.com/api-docs/static/oauth-client-credentials-grant.html"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication; client credentials need a scope (api_scope by default).</description></item>
    /// <item><description>token_type "Application Access Token" / "User Access Token": the bearer handler sends Bearer anyway.</description></item>
    /// <item><description>redirect_uri is the RuName: pass new Uri("Your-RuName", UriKind.Relative).</description></item>
    /// </list>
    /// <para>Sources: provider docs; aspnet-contrib Ebay; requests-oauthlib ebay.py.</para>
    /// </remarks>
    [OAuthProvider("https://api.ebay.com/identity/v1/oauth2/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://auth.ebay.com/oauth2/authorize",
        Scope = "https://api.ebay.com/oauth/api_scope",
        TokenType = typeof(EBayToken))]
    public partial class EBay
    {
    }

    /// <summary>The token EBay answers, with the fields of its own (<see href="https://developer.ebay.com/api-docs/static/oauth-client-credentials-grant.html"/>).</summary>
    public sealed class EBayToken : OAuthToken
    {
        /// <summary>How long the refresh token lasts (refresh_token_expires_in, https://developer.ebay.com/api-docs/static/oauth-auth-code-grant-request.html).</summary>
        [OAuthField("refresh_token_expires_in")]
        public TimeSpan? RefreshTokenExpiresIn { get; set; }
    }
}
