namespace OAuthGen.Providers
{
    /// <summary>
    /// Okta, the default custom authorization server of an Okta org (<see href="https://developer.okta.com/docs/reference/api/oidc/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.okta.com/docs/reference/api/oidc/"/>.</para>
    /// <list type="bullet">
    /// <item><description>{domain} from EndpointParameters (your Okta domain); another authorization server than default: set OAuthClientOptions.TokenEndpoint.</description></item>
    /// <item><description>client_secret_basic is the default method of an Okta app.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (templated issuer).</para>
    /// </remarks>
    [OAuthProvider("https://{domain}/oauth2/default/v1/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://{domain}/oauth2/default/v1/authorize",
        DeviceAuthorizationEndpoint = "https://{domain}/oauth2/default/v1/device/authorize",
        RevocationEndpoint = "https://{domain}/oauth2/default/v1/revoke",
        IntrospectionEndpoint = "https://{domain}/oauth2/default/v1/introspect")]
    public partial class Okta
    {
    }
}
