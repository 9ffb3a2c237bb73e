using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Keycloak, one realm of a Keycloak server (<see href="https://www.keycloak.org/docs/latest/securing_apps/#_oidc"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://www.keycloak.org/docs/latest/securing_apps/#_oidc"/>.</para>
    /// <list type="bullet">
    /// <item><description>{domain} and {realm} from EndpointParameters.</description></item>
    /// <item><description>refresh_expires_in, session_state, not-before-policy read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict (templated issuer).</para>
    /// </remarks>
    [OAuthProvider("https://{domain}/realms/{realm}/protocol/openid-connect/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://{domain}/realms/{realm}/protocol/openid-connect/auth",
        DeviceAuthorizationEndpoint = "https://{domain}/realms/{realm}/protocol/openid-connect/auth/device",
        RevocationEndpoint = "https://{domain}/realms/{realm}/protocol/openid-connect/revoke",
        IntrospectionEndpoint = "https://{domain}/realms/{realm}/protocol/openid-connect/token/introspect",
        TokenType = typeof(KeycloakToken))]
    public partial class Keycloak
    {
    }

    /// <summary>The token Keycloak answers, with the fields of its own (<see href="https://www.keycloak.org/docs/latest/securing_apps/#_oidc"/>).</summary>
    public sealed class KeycloakToken : OAuthToken
    {
        /// <summary>How long the refresh token lasts (refresh_expires_in, https://www.keycloak.org/docs-api/latest/javadocs/org/keycloak/representations/AccessTokenResponse.html).</summary>
        [OAuthField("refresh_expires_in")]
        public TimeSpan? RefreshExpiresIn { get; set; }

        /// <summary>The session of the user at Keycloak (session_state).</summary>
        [OAuthField("session_state")]
        public string? SessionState { get; set; }

        /// <summary>The realm's not-before policy, epoch seconds (not-before-policy).</summary>
        [OAuthField("not-before-policy")]
        public long? NotBeforePolicy { get; set; }
    }
}
