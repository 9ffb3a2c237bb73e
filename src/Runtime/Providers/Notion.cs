namespace OAuthGen.Providers
{
    /// <summary>
    /// Notion public integrations (<see href="https://developers.notion.com/reference/create-a-token"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developers.notion.com/reference/create-a-token"/>.</para>
    /// <list type="bullet">
    /// <item><description>Basic and a JSON body, as documented.</description></item>
    /// <item><description>Owner=user on the authorization request.</description></item>
    /// <item><description>bot_id, workspace_id, workspace_name, workspace_icon, duplicated_template_id read into a typed token; the owner object stays in AdditionalFields.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict XML; aspnet-contrib Notion.</para>
    /// </remarks>
    [OAuthProvider("https://api.notion.com/v1/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        Body = BodyEncoding.Json,
        AuthorizationEndpoint = "https://api.notion.com/v1/oauth/authorize?owner=user",
        TokenType = typeof(NotionToken))]
    public partial class Notion
    {
    }

    /// <summary>The token Notion answers, with the fields of its own (<see href="https://developers.notion.com/reference/create-a-token"/>).</summary>
    public sealed class NotionToken : OAuthToken
    {
        /// <summary>The bot of the integration in the workspace (bot_id).</summary>
        [OAuthField("bot_id")]
        public string? BotId { get; set; }

        /// <summary>The workspace the user authorized (workspace_id).</summary>
        [OAuthField("workspace_id")]
        public string? WorkspaceId { get; set; }

        /// <summary>Its name (workspace_name).</summary>
        [OAuthField("workspace_name")]
        public string? WorkspaceName { get; set; }

        /// <summary>Its icon (workspace_icon).</summary>
        [OAuthField("workspace_icon")]
        public string? WorkspaceIcon { get; set; }

        /// <summary>The page duplicated from the integration's template, if any (duplicated_template_id).</summary>
        [OAuthField("duplicated_template_id")]
        public string? DuplicatedTemplateId { get; set; }
    }
}
