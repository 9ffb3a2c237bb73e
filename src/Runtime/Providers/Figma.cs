namespace OAuthGen.Providers
{
    /// <summary>
    /// Figma REST API OAuth (<see href="https://developers.figma.com/docs/rest-api/authentication/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.figma.com/docs/rest-api/authentication/"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication on the api.figma.com endpoints.</description></item>
    /// <item><description>Refresh goes to another endpoint (https://api.figma.com/v1/oauth/refresh): not declared here.</description></item>
    /// </list>
    /// <para>Sources: provider docs.</para>
    /// </remarks>
    [OAuthProvider("https://api.figma.com/v1/oauth/token",
        Grants = OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://www.figma.com/oauth",
        TokenType = typeof(FigmaToken))]
    public partial class Figma
    {
    }

    /// <summary>The token Figma answers, with the fields of its own (<see href="https://developers.figma.com/docs/rest-api/authentication/"/>).</summary>
    public sealed class FigmaToken : OAuthToken
    {
        /// <summary>The user, as a string (user_id_string).</summary>
        [OAuthField("user_id_string")]
        public string? UserId { get; set; }
    }
}
