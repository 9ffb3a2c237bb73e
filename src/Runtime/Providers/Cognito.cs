namespace OAuthGen.Providers
{
    /// <summary>
    /// Amazon Cognito user pool, per domain (<see href="https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html"/>.</para>
    /// <list type="bullet">
    /// <item><description>{domain} from EndpointParameters (the user pool domain, e.g. auth.example.com or mypool.auth.eu-west-1.amazoncognito.com).</description></item>
    /// <item><description>Basic client authentication.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (templated issuer).</para>
    /// </remarks>
    [OAuthProvider("https://{domain}/oauth2/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://{domain}/oauth2/authorize",
        RevocationEndpoint = "https://{domain}/oauth2/revoke")]
    public partial class Cognito
    {
    }
}
