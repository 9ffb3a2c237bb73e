using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Microsoft identity platform (Entra ID) v2.0 endpoints, per tenant (<see href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow"/>.</para>
    /// <list type="bullet">
    /// <item><description>{tenant} from EndpointParameters (a tenant id, a domain, common, organizations or consumers).</description></item>
    /// <item><description>Client credentials need scope {resource}/.default.</description></item>
    /// <item><description>ext_expires_in read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 microsoft.AzureADEndpoint.</para>
    /// </remarks>
    [OAuthProvider("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
        DeviceAuthorizationEndpoint = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/devicecode",
        TokenType = typeof(MicrosoftEntraToken))]
    public partial class MicrosoftEntra
    {
    }

    /// <summary>The token MicrosoftEntra answers, with the fields of its own (<see href="https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow"/>).</summary>
    public sealed class MicrosoftEntraToken : OAuthToken
    {
        /// <summary>How long the token stays usable when Entra ID is degraded (ext_expires_in, https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#successful-response-1).</summary>
        [OAuthField("ext_expires_in")]
        public TimeSpan? ExtExpiresIn { get; set; }
    }
}
