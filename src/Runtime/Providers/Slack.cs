using System;
using System.Diagnostics;
using OAuthGen.Infrastructure;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Slack apps installed with OAuth v2 (<see href="https://api.slack.com/authentication/oauth-v2"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://api.slack.com/methods/oauth.v2.access"/>.</para>
    /// <list type="bullet">
    /// <item><description>The token of the answer is the bot token (xoxb-); a user token, asked for with user_scope on the authorization request, is under authed_user: <see cref="SlackToken.AuthedUser"/> (<see href="https://api.slack.com/authentication/oauth-v2#exchanging"/>). An install that asks for user scopes only gets no top-level token: declare your own class with ResponseRoot = "authed_user" for it.</description></item>
    /// <item><description>Errors come with HTTP 200 as {"ok":false,"error":"invalid_code"} (<see href="https://api.slack.com/methods/oauth.v2.access"/>; spring-attic/spring-security-oauth#1429): an OAuthException whose Error is Slack's code.</description></item>
    /// <item><description>Scopes are comma-separated, in the authorization request and the answer (<see href="https://api.slack.com/authentication/oauth-v2#asking"/>).</description></item>
    /// <item><description>Tokens do not expire unless the app turns on token rotation; then the answers carry expires_in and refresh_token, and the refresh grant goes to the same method (<see href="https://api.slack.com/authentication/rotation"/>).</description></item>
    /// <item><description>The client secret in the body, as the guide's exchange example sends it; the method also reads Basic (<see href="https://api.slack.com/methods/oauth.v2.access"/>), and golang/oauth2 listed slack.com among the providers that refuse it.</description></item>
    /// <item><description>team, enterprise, authed_user, bot_user_id, app_id and is_enterprise_install read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 endpoints.go and internal/token.go; spring-attic/spring-security-oauth#1429 (form bodies only).</para>
    /// </remarks>
    [OAuthProvider("https://slack.com/api/oauth.v2.access",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://slack.com/oauth/v2/authorize",
        ScopeSeparator = ",",
        TokenType = typeof(SlackToken))]
    public partial class Slack
    {
    }

    /// <summary>The token Slack answers, with the fields of its own (<see href="https://api.slack.com/methods/oauth.v2.access"/>).</summary>
    public sealed class SlackToken : OAuthToken
    {
        /// <summary>The bot user of the app in the workspace (bot_user_id).</summary>
        [OAuthField("bot_user_id")]
        public string? BotUserId { get; set; }

        /// <summary>The app (app_id).</summary>
        [OAuthField("app_id")]
        public string? AppId { get; set; }

        /// <summary>Whether the app was installed on a whole Enterprise Grid organization (is_enterprise_install).</summary>
        [OAuthField("is_enterprise_install")]
        public bool? IsEnterpriseInstall { get; set; }

        /// <summary>The workspace the app was installed in (team); null when the answer has none.</summary>
        public SlackTeam? Team => AnswerObject.Of(AdditionalFields, "team") is { } team ? new SlackTeam(team.String("id"), team.String("name")) : null;

        /// <summary>The Enterprise Grid organization (enterprise); null outside one.</summary>
        public SlackTeam? Enterprise => AnswerObject.Of(AdditionalFields, "enterprise") is { } enterprise ? new SlackTeam(enterprise.String("id"), enterprise.String("name")) : null;

        /// <summary>The user who installed the app, with the user token when user scopes were asked for (authed_user).</summary>
        public SlackAuthedUser? AuthedUser => AnswerObject.Of(AdditionalFields, "authed_user") is { } user
            ? new SlackAuthedUser(user.String("id"), user.String("scope"), user.String("access_token"), user.String("token_type"), user.String("refresh_token"), user.Seconds("expires_in"))
            : null;
    }

    /// <summary>A Slack workspace or Enterprise Grid organization of a token answer (team, enterprise).</summary>
    public sealed class SlackTeam
    {
        internal SlackTeam(string? id, string? name)
        {
            Id = id;
            Name = name;
        }

        /// <summary>Its ID (T… for a workspace, E… for an organization).</summary>
        public string? Id { get; }

        /// <summary>Its name.</summary>
        public string? Name { get; }

        /// <inheritdoc />
        public override string ToString() => Name is null ? Id ?? string.Empty : Name + " (" + Id + ")";
    }

    /// <summary>
    /// The installing user of a Slack token answer (authed_user, <see href="https://api.slack.com/authentication/oauth-v2#exchanging"/>):
    /// its user token (xoxp-) when user scopes were asked for. <see cref="ToString"/> never shows the tokens.
    /// </summary>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed class SlackAuthedUser
    {
        internal SlackAuthedUser(string? id, string? scope, string? accessToken, string? tokenType, string? refreshToken, TimeSpan? expiresIn)
        {
            Id = id;
            Scope = scope;
            AccessToken = accessToken;
            TokenType = tokenType;
            RefreshToken = refreshToken;
            ExpiresIn = expiresIn;
        }

        /// <summary>The user's ID (id).</summary>
        public string? Id { get; }

        /// <summary>The user scopes granted, comma-separated (scope).</summary>
        public string? Scope { get; }

        /// <summary>The user token (access_token); null when no user scope was asked for.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? AccessToken { get; }

        /// <summary>"user" (token_type).</summary>
        public string? TokenType { get; }

        /// <summary>With token rotation: the user token's refresh token (refresh_token), for <see cref="Slack"/>'s RefreshTokenAsync.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? RefreshToken { get; }

        /// <summary>With token rotation: the user token's lifetime (expires_in).</summary>
        public TimeSpan? ExpiresIn { get; }

        /// <summary>Describes the user without any token.</summary>
        public override string ToString() => Redaction.Redact(
            "SlackAuthedUser { Id = " + (Id ?? "(none)") + ", Scope = " + (Scope ?? "(none)") + (AccessToken is null ? string.Empty : ", AccessToken = ***") + (RefreshToken is null ? string.Empty : ", RefreshToken = ***") + " }",
            new[] { AccessToken ?? string.Empty, RefreshToken ?? string.Empty });
    }
}
