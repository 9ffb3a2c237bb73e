using OAuthGen.Infrastructure;

namespace OAuthGen.Providers
{
    /// <summary>
    /// Shopify apps, authorization code grant, per shop (<see href="https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant"/>.</para>
    /// <list type="bullet">
    /// <item><description>{shop} from EndpointParameters: the shop's myshopify.com subdomain (acme for acme.myshopify.com), in the token and authorization endpoints (golang/oauth2 endpoints.Shopify, OpenIddict).</description></item>
    /// <item><description>The code exchange sends client_id, client_secret and code only: no grant_type, no redirect_uri (aspnet-contrib Shopify sends the same).</description></item>
    /// <item><description>Scopes are comma-separated (scope=write_orders,read_customers), in the authorization request and the answer.</description></item>
    /// <item><description>Offline tokens do not expire; online tokens (grant_options[]=per-user on the authorization request) carry expires_in, associated_user_scope and associated_user, read into a typed token.</description></item>
    /// <item><description>No PKCE in its documentation. Embedded apps use token exchange instead, which this class does not declare.</description></item>
    /// </list>
    /// <para>Sources: provider docs; aspnet-contrib Shopify; OpenIddict handlers; golang/oauth2 endpoints.go.</para>
    /// </remarks>
#pragma warning disable OAUTH011 // The provider documents no PKCE.
    [OAuthProvider("https://{shop}.myshopify.com/admin/oauth/access_token",
        Grants = OAuthGrant.AuthorizationCode,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://{shop}.myshopify.com/admin/oauth/authorize",
        ScopeSeparator = ",",
        UsePkce = false,
        TokenType = typeof(ShopifyToken))]
    [OAuthParameterName("grant_type", null)]
    [OAuthParameterName("redirect_uri", null)]
    public partial class Shopify
    {
    }
#pragma warning restore OAUTH011

    /// <summary>The token Shopify answers, with the user of an online token (<see href="https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant"/>).</summary>
    public sealed class ShopifyToken : OAuthToken
    {
        /// <summary>An online token's scopes for its user, comma-separated (associated_user_scope).</summary>
        [OAuthField("associated_user_scope")]
        public string? AssociatedUserScope { get; set; }

        /// <summary>The user of an online token (associated_user); null for an offline token.</summary>
        public ShopifyAssociatedUser? AssociatedUser => AnswerObject.Of(AdditionalFields, "associated_user") is { } user
            ? new ShopifyAssociatedUser(user.Int64("id"), user.String("first_name"), user.String("last_name"), user.String("email"), user.Boolean("email_verified"), user.Boolean("account_owner"), user.String("locale"), user.Boolean("collaborator"))
            : null;
    }

    /// <summary>The staff member an online Shopify token acts for (associated_user).</summary>
    public sealed class ShopifyAssociatedUser
    {
        internal ShopifyAssociatedUser(long? id, string? firstName, string? lastName, string? email, bool? emailVerified, bool? accountOwner, string? locale, bool? collaborator)
        {
            Id = id;
            FirstName = firstName;
            LastName = lastName;
            Email = email;
            EmailVerified = emailVerified;
            AccountOwner = accountOwner;
            Locale = locale;
            Collaborator = collaborator;
        }

        /// <summary>The user's ID (id).</summary>
        public long? Id { get; }

        /// <summary>first_name.</summary>
        public string? FirstName { get; }

        /// <summary>last_name.</summary>
        public string? LastName { get; }

        /// <summary>email.</summary>
        public string? Email { get; }

        /// <summary>email_verified.</summary>
        public bool? EmailVerified { get; }

        /// <summary>Whether the user owns the shop (account_owner).</summary>
        public bool? AccountOwner { get; }

        /// <summary>locale.</summary>
        public string? Locale { get; }

        /// <summary>Whether the user is a collaborator account (collaborator).</summary>
        public bool? Collaborator { get; }

        /// <inheritdoc />
        public override string ToString() => "ShopifyAssociatedUser { Id = " + (Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)") + " }";
    }
}
