using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// LinkedIn (Microsoft) 3-legged OAuth (<see href="https://learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow"/>.</para>
    /// <list type="bullet">
    /// <item><description>Client secret in the body only (golang/oauth2 linkedin.Endpoint: AuthStyleInParams).</description></item>
    /// <item><description>Refresh tokens for approved partners only.</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 linkedin/linkedin.go.</para>
    /// </remarks>
    [OAuthProvider("https://www.linkedin.com/oauth/v2/accessToken",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://www.linkedin.com/oauth/v2/authorization",
        IntrospectionEndpoint = "https://www.linkedin.com/oauth/v2/introspectToken",
        TokenType = typeof(LinkedInToken))]
    public partial class LinkedIn
    {
    }

    /// <summary>The token LinkedIn answers, with the fields of its own (<see href="https://learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow"/>).</summary>
    public sealed class LinkedInToken : OAuthToken
    {
        /// <summary>How long the refresh token lasts (refresh_token_expires_in, https://learn.microsoft.com/linkedin/shared/authentication/programmatic-refresh-tokens).</summary>
        [OAuthField("refresh_token_expires_in")]
        public TimeSpan? RefreshTokenExpiresIn { get; set; }
    }
}
