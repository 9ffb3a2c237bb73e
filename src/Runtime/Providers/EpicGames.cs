using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Epic Account Services (<see href="https://dev.epicgames.com/docs/web-api-ref/authentication"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://dev.epicgames.com/docs/web-api-ref/authentication"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic built from the raw id:secret, without form-encoding (OpenIddict Exchange handlers).</description></item>
    /// <item><description>account_id read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict.</para>
    /// </remarks>
    [OAuthProvider("https://api.epicgames.dev/epic/oauth/v2/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        BasicEncoding = BasicAuthEncoding.Plain,
        AuthorizationEndpoint = "https://www.epicgames.com/id/authorize",
        TokenType = typeof(EpicGamesToken))]
    public partial class EpicGames
    {
    }

    /// <summary>The token EpicGames answers, with the fields of its own (<see href="https://dev.epicgames.com/docs/web-api-ref/authentication"/>).</summary>
    public sealed class EpicGamesToken : OAuthToken
    {
        /// <summary>The Epic account of the user (account_id).</summary>
        [OAuthField("account_id")]
        public string? AccountId { get; set; }

        /// <summary>How long the refresh token lasts (refresh_expires).</summary>
        [OAuthField("refresh_expires")]
        public TimeSpan? RefreshExpiresIn { get; set; }
    }
}
