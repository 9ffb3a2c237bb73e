using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Airtable OAuth integrations (<see href="https://airtable.com/developers/web/api/oauth-reference"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://airtable.com/developers/web/api/oauth-reference"/>.</para>
    /// <list type="bullet">
    /// <item><description>PKCE required (PkceRequired: OAUTH046 reports a declaration of this token endpoint that turns it off).</description></item>
    /// <item><description>Basic client authentication for confidential clients.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML; aspnet-contrib Airtable.</para>
    /// </remarks>
    [OAuthProvider("https://airtable.com/oauth2/v1/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://airtable.com/oauth2/v1/authorize",
        PkceRequired = true,
        TokenType = typeof(AirtableToken))]
    public partial class Airtable
    {
    }

    /// <summary>The token Airtable answers, with the fields of its own (<see href="https://airtable.com/developers/web/api/oauth-reference"/>).</summary>
    public sealed class AirtableToken : OAuthToken
    {
        /// <summary>How long the refresh token lasts (refresh_expires_in).</summary>
        [OAuthField("refresh_expires_in")]
        public TimeSpan? RefreshExpiresIn { get; set; }
    }
}
