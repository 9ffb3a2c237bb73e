namespace OAuthGen.Providers
{
    /// <summary>
    /// Yandex ID (<see href="https://yandex.com/dev/id/doc/en/codes/code-url"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://yandex.com/dev/id/doc/en/codes/code-url"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// </list>
    /// <para>Sources: provider docs; aspnet-contrib Yandex.</para>
    /// </remarks>
    [OAuthProvider("https://oauth.yandex.com/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://oauth.yandex.com/authorize")]
    public partial class Yandex
    {
    }
}
