namespace OAuthGen.Providers
{
    /// <summary>
    /// Battle.net (Blizzard), global region (<see href="https://develop.battle.net/documentation/guides/using-oauth"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://develop.battle.net/documentation/guides/using-oauth"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic client authentication.</description></item>
    /// <item><description>China: https://oauth.battlenet.com.cn/token through OAuthClientOptions.TokenEndpoint.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (templated issuer).</para>
    /// </remarks>
    [OAuthProvider("https://oauth.battle.net/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://oauth.battle.net/authorize")]
    public partial class BattleNet
    {
    }
}
