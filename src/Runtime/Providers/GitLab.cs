using System;

namespace OAuthGen.Providers
{
    /// <summary>
    /// GitLab.com (a self-managed instance through OAuthClientOptions.TokenEndpoint) (<see href="https://docs.gitlab.com/api/oauth2/"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://docs.gitlab.com/api/oauth2/"/>.</para>
    /// <list type="bullet">
    /// <item><description>created_at (epoch seconds) read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 endpoints.go.</para>
    /// </remarks>
    [OAuthProvider("https://gitlab.com/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://gitlab.com/oauth/authorize",
        DeviceAuthorizationEndpoint = "https://gitlab.com/oauth/authorize_device",
        RevocationEndpoint = "https://gitlab.com/oauth/revoke",
        IntrospectionEndpoint = "https://gitlab.com/oauth/introspect",
        TokenType = typeof(GitLabToken))]
    public partial class GitLab
    {
    }

    /// <summary>The token GitLab answers, with the fields of its own (<see href="https://docs.gitlab.com/api/oauth2/"/>).</summary>
    public sealed class GitLabToken : OAuthToken
    {
        /// <summary>When the token was created, epoch seconds (created_at).</summary>
        [OAuthField("created_at")]
        public DateTimeOffset? CreatedAt { get; set; }
    }
}
