using System;
using System.Collections.Generic;

namespace OAuthGen.Infrastructure
{
    /// <summary>Where the client's authentication parameters go in a request body, as each RFC's example has them.</summary>
    internal enum AuthenticationPlacement
    {
        /// <summary>Right after grant_type (token requests).</summary>
        AfterGrantType,

        /// <summary>First (device authorization, RFC 8628 §3.1).</summary>
        First,

        /// <summary>Last (revocation and introspection, RFC 7009 §2.1, RFC 7662 §2.1).</summary>
        Last,
    }

    /// <summary>
    /// Stage 2: what one grant (or other endpoint operation) is on the wire: its <c>grant_type</c>, the endpoint it goes to,
    /// the parameters it owns (written by its entry point in <see cref="TokenEndpointClient"/>), the names it reserves
    /// (an <c>[OAuthParameter]</c> may not take them), and whether it may be sent twice (<see cref="TokenRetryPolicy"/>).
    /// Adding a grant is one descriptor here.
    /// </summary>
    internal sealed class GrantDescriptor
    {
        // Before the descriptors: static fields are initialized in the order they are written.
        private static int s_count;

        /// <summary>What any client authentication may put in a body.</summary>
        public static readonly IReadOnlyList<string> ClientAuthenticationParameters = new[] { "client_id", "client_secret", "client_assertion_type", "client_assertion" };

        public static readonly GrantDescriptor ClientCredentialsGrant =
            Grant(OAuthGrant.ClientCredentials, "client_credentials", WireNames.ClientCredentials, TokenRetryPolicy.Repeatable, "scope");

        public static readonly GrantDescriptor PasswordGrant =
            Grant(OAuthGrant.Password, "password", WireNames.Password, TokenRetryPolicy.Never, "username", "password", "scope");

        public static readonly GrantDescriptor AuthorizationCodeGrant =
            Grant(OAuthGrant.AuthorizationCode, "authorization_code", WireNames.AuthorizationCode, TokenRetryPolicy.Never, "code", "redirect_uri", "code_verifier");

        // A refresh token may be rotated once used: sent again only when the provider cannot have used it.
        // Sent to the provider's own refresh endpoint when it declares one (Trovo), else to the token endpoint.
        public static readonly GrantDescriptor RefreshTokenGrant =
            new GrantDescriptor(OAuthGrant.RefreshToken, "refresh_token", "refresh_token", WireNames.RefreshToken, EndpointKind.RefreshToken, AuthenticationPlacement.AfterGrantType, TokenRetryPolicy.WhenUndelivered, new[] { "refresh_token", "scope" });

        // Device polling has its own schedule (RFC 8628 §3.5).
        public static readonly GrantDescriptor DeviceCodeGrant =
            Grant(OAuthGrant.DeviceCode, "device_code", WireNames.DeviceCode, TokenRetryPolicy.Never, "device_code");

        public static readonly GrantDescriptor TokenExchangeGrant =
            Grant(
                OAuthGrant.TokenExchange,
                "token_exchange",
                WireNames.TokenExchange,
                TokenRetryPolicy.Never,
                "subject_token",
                "subject_token_type",
                "actor_token",
                "actor_token_type",
                "requested_token_type",
                "audience",
                "resource",
                "scope");

        // A self-signed assertion carries a jti that may not be replayed (RFC 7523 §3), and a prebuilt one may too.
        public static readonly GrantDescriptor JwtBearerGrant =
            Grant(OAuthGrant.JwtBearer, "jwt-bearer", WireNames.JwtBearer, TokenRetryPolicy.Never, "assertion", "scope");

        public static readonly GrantDescriptor DeviceAuthorization =
            new GrantDescriptor(null, "device_authorization", "device_authorization", null, EndpointKind.DeviceAuthorization, AuthenticationPlacement.First, TokenRetryPolicy.Never, new[] { "scope" });

        public static readonly GrantDescriptor Revocation =
            new GrantDescriptor(null, "revocation", "revocation", null, EndpointKind.Revocation, AuthenticationPlacement.Last, TokenRetryPolicy.Never, new[] { "token", "token_type_hint" });

        public static readonly GrantDescriptor Introspection =
            new GrantDescriptor(null, "introspection", "introspection", null, EndpointKind.Introspection, AuthenticationPlacement.Last, TokenRetryPolicy.Never, new[] { "token", "token_type_hint" });

        /// <summary>Every descriptor, token grants first.</summary>
        public static readonly IReadOnlyList<GrantDescriptor> All = new[]
        {
            ClientCredentialsGrant, PasswordGrant, AuthorizationCodeGrant, RefreshTokenGrant, DeviceCodeGrant, TokenExchangeGrant, JwtBearerGrant, DeviceAuthorization, Revocation, Introspection,
        };

        private GrantDescriptor(
            OAuthGrant? flag,
            string shortName,
            string operation,
            string? grantType,
            EndpointKind endpoint,
            AuthenticationPlacement placement,
            TokenRetryPolicy retryPolicy,
            string[] ownedParameters)
        {
            Index = s_count++;
            Flag = flag;
            ShortName = shortName;
            Operation = operation;
            GrantType = grantType;
            Endpoint = endpoint;
            Placement = placement;
            RetryPolicy = retryPolicy;
            OwnedParameters = ownedParameters;
            var reserved = new List<string>();
            if (grantType is not null)
            {
                reserved.Add("grant_type");
            }

            reserved.AddRange(ClientAuthenticationParameters);
            reserved.AddRange(ownedParameters);
            ReservedParameters = reserved;
        }

        /// <summary>The position in <see cref="All"/>, for per-client tables of what is precomputed per descriptor.</summary>
        public int Index { get; }

        /// <summary>The <see cref="OAuthGrant"/> that declares it; null for an endpoint operation that needs no grant.</summary>
        public OAuthGrant? Flag { get; }

        /// <summary>Its name in <see cref="OAuthProviderInfo.GrantNames"/>: the grant type without its URN prefix.</summary>
        public string ShortName { get; }

        /// <summary>The grant type, or the name of the endpoint's operation: for telemetry and retries.</summary>
        public string Operation { get; }

        /// <summary>The <c>grant_type</c> sent, or null for a request that is not a token request.</summary>
        public string? GrantType { get; }

        public bool IsTokenRequest => GrantType is not null;

        /// <summary>Whether the grant's assertion says who the client is (RFC 7523 §2.1), so that a public client sends no <c>client_id</c> beside it.</summary>
        public bool AssertionIdentifiesClient => Flag == OAuthGrant.JwtBearer;

        public EndpointKind Endpoint { get; }

        public AuthenticationPlacement Placement { get; }

        /// <summary>Whether it may be sent twice, before the client authentication and the options have their say (<c>TokenRetry.For</c>).</summary>
        public TokenRetryPolicy RetryPolicy { get; }

        /// <summary>The parameters its entry point writes, besides grant_type and the client authentication.</summary>
        public IReadOnlyList<string> OwnedParameters { get; }

        /// <summary>The names no declared <c>[OAuthParameter]</c> may use in this request.</summary>
        public IReadOnlyList<string> ReservedParameters { get; }

        /// <summary>The descriptor whose <see cref="Operation"/> is <paramref name="operation"/>, if any.</summary>
        public static GrantDescriptor? Find(string operation)
        {
            foreach (var descriptor in All)
            {
                if (string.Equals(descriptor.Operation, operation, StringComparison.Ordinal))
                {
                    return descriptor;
                }
            }

            return null;
        }

        private static GrantDescriptor Grant(OAuthGrant flag, string shortName, string grantType, TokenRetryPolicy retryPolicy, params string[] ownedParameters) =>
            new GrantDescriptor(flag, shortName, grantType, grantType, EndpointKind.Token, AuthenticationPlacement.AfterGrantType, retryPolicy, ownedParameters);
    }
}
