namespace OAuthGen.Providers
{
    /// <summary>
    /// PayPal REST API (live; the sandbox through OAuthClientOptions.TokenEndpoint) (<see href="https://developer.paypal.com/api/rest/authentication/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.paypal.com/api/rest/authentication/"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic, form body only (a JSON body gives "Grant type is null", plutov/paypal#41).</description></item>
    /// <item><description>expires_in may be a string (golang/oauth2 internal/token.go).</description></item>
    /// <item><description>Sandbox: https://api-m.sandbox.paypal.com/v1/oauth2/token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2; OpenIddict.</para>
    /// </remarks>
    [OAuthProvider("https://api-m.paypal.com/v1/oauth2/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://www.paypal.com/signin/authorize")]
    public partial class PayPal
    {
    }
}
