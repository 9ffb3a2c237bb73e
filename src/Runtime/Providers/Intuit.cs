using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Intuit (QuickBooks Online) OAuth 2.0 (<see href="https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// <item><description>x_refresh_token_expires_in read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (QuickBooksOnline).</para>
    /// </remarks>
    [OAuthProvider("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://appcenter.intuit.com/connect/oauth2",
        RevocationEndpoint = "https://developer.api.intuit.com/v2/oauth2/tokens/revoke",
        TokenType = typeof(IntuitToken))]
    public partial class Intuit
    {
    }

    /// <summary>The token Intuit answers, with the fields of its own (<see href="https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0"/>).</summary>
    public sealed class IntuitToken : OAuthToken
    {
        /// <summary>How long the refresh token lasts (x_refresh_token_expires_in).</summary>
        [OAuthField("x_refresh_token_expires_in")]
        public TimeSpan? RefreshTokenExpiresIn { get; set; }
    }
}
