namespace OAuthGen.Providers
{
    /// <summary>
    /// Stripe Connect OAuth (Standard accounts) (<see href="https://docs.stripe.com/connect/oauth-reference"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://docs.stripe.com/connect/oauth-reference"/>.</para>
    /// <list type="bullet">
    /// <item><description>The client secret is your secret key, in the body (Stripe also takes it as Bearer, golang/oauth2 internal/token.go).</description></item>
    /// <item><description>No PKCE in its documentation.</description></item>
    /// <item><description>stripe_user_id, stripe_publishable_key, livemode read into a typed token.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict; golang/oauth2.</para>
    /// </remarks>
#pragma warning disable OAUTH011 // The provider documents no PKCE.
    [OAuthProvider("https://connect.stripe.com/oauth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://connect.stripe.com/oauth/authorize",
        UsePkce = false,
        TokenType = typeof(StripeConnectToken))]
    public partial class StripeConnect
    {
    }
#pragma warning restore OAUTH011

    /// <summary>The token StripeConnect answers, with the fields of its own (<see href="https://docs.stripe.com/connect/oauth-reference"/>).</summary>
    public sealed class StripeConnectToken : OAuthToken
    {
        /// <summary>The connected account (stripe_user_id).</summary>
        [OAuthField("stripe_user_id")]
        public string? StripeUserId { get; set; }

        /// <summary>The connected account's publishable key (stripe_publishable_key; redacted like a secret).</summary>
        [OAuthField("stripe_publishable_key")]
        public string? StripePublishableKey { get; set; }

        /// <summary>Whether the token is for live mode (livemode).</summary>
        [OAuthField("livemode")]
        public bool? Livemode { get; set; }
    }
}
