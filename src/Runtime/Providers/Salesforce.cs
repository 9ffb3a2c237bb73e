using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Salesforce (login.salesforce.com; a My Domain or test.salesforce.com through OAuthClientOptions.TokenEndpoint) (<see href="https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm"/>.</para>
    /// <list type="bullet">
    /// <item><description>No expires_in: the bearer handler retries once after a 401 with a new token.</description></item>
    /// <item><description>instance_url, id, issued_at (epoch ms string), signature read into a typed token.</description></item>
    /// <item><description>Client credentials only on a My Domain: set OAuthClientOptions.TokenEndpoint.</description></item>
    /// </list>
    /// <para>Sources: provider docs; aspnet-contrib Salesforce; jsforce TokenResponse.</para>
    /// </remarks>
    [OAuthProvider("https://login.salesforce.com/services/oauth2/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://login.salesforce.com/services/oauth2/authorize",
        RevocationEndpoint = "https://login.salesforce.com/services/oauth2/revoke",
        IntrospectionEndpoint = "https://login.salesforce.com/services/oauth2/introspect",
        TokenType = typeof(SalesforceToken))]
    public partial class Salesforce
    {
    }

    /// <summary>The token Salesforce answers, with the fields of its own (<see href="https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm"/>).</summary>
    public sealed class SalesforceToken : OAuthToken
    {
        /// <summary>The org's instance, the base address of its REST API (instance_url).</summary>
        [OAuthField("instance_url")]
        public string? InstanceUrl { get; set; }

        /// <summary>The identity URL of the user (id).</summary>
        [OAuthField("id")]
        public string? Id { get; set; }

        /// <summary>When the token was issued (issued_at, epoch milliseconds as a string).</summary>
        [OAuthField("issued_at")]
        public DateTimeOffset? IssuedAt { get; set; }

        /// <summary>HMAC-SHA256 of id and issued_at with the consumer secret (signature).</summary>
        [OAuthField("signature")]
        public string? Signature { get; set; }
    }
}
