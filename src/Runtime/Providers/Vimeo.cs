namespace OAuthGen.Providers
{
    /// <summary>
    /// Vimeo API (<see href="https://developer.vimeo.com/api/authentication"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.vimeo.com/api/authentication"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// <item><description>Tokens do not expire.</description></item>
    /// <item><description>User and app objects stay in AdditionalFields.</description></item>
    /// <item><description>Client credentials use another endpoint (https://api.vimeo.com/oauth/authorize/client): not declared.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML.</para>
    /// </remarks>
    [OAuthProvider("https://api.vimeo.com/oauth/access_token",
        Grants = OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://api.vimeo.com/oauth/authorize")]
    public partial class Vimeo
    {
    }
}
