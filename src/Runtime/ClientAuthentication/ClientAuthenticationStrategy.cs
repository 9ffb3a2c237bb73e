using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Stage 3: how the client proves who it is, one strategy per <see cref="ClientAuthMethod"/> (RFC 6749 §2.3:
    /// exactly one way per request). A strategy turns the options into <see cref="ClientCredentials"/>: the body
    /// parameters, the Basic header and the secrets to keep out of every message. Credentials that depend only on the
    /// options are made once and reused while the options' id and secret stay the same; a JWT assertion is single-use
    /// and made for every request. Adding a client authentication method is one strategy here.
    /// </summary>
    internal abstract class ClientAuthenticationStrategy
    {
        private static readonly ClientAuthenticationStrategy Basic = new ClientSecretBasicStrategy(WireNames.ClientSecretBasic);
        private static readonly ClientAuthenticationStrategy Post = new ClientSecretPostStrategy(WireNames.ClientSecretPost);
        private static readonly ClientAuthenticationStrategy PublicClient = new NoneStrategy(WireNames.NoClientAuthentication);
        private static readonly ClientAuthenticationStrategy PrivateKeyJwt = new JwtStrategy(WireNames.PrivateKeyJwt, symmetric: false);
        private static readonly ClientAuthenticationStrategy SecretJwt = new JwtStrategy(WireNames.ClientSecretJwt, symmetric: true);

        public static ClientAuthenticationStrategy For(ClientAuthMethod method) => method switch
        {
            ClientAuthMethod.ClientSecretBasic => Basic,
            ClientAuthMethod.ClientSecretPost => Post,
            ClientAuthMethod.None => PublicClient,
            ClientAuthMethod.PrivateKeyJwt => PrivateKeyJwt,
            ClientAuthMethod.ClientSecretJwt => SecretJwt,
            _ => new UnsupportedStrategy(null),
        };

        protected ClientAuthenticationStrategy(string? registeredName)
        {
            RegisteredName = registeredName;
        }

        /// <summary>The method's registered name (RFC 7591 §2), such as <c>client_secret_basic</c>; null for an unknown method.</summary>
        public string? RegisteredName { get; }

        /// <summary>Whether a request authenticated this way may be sent twice; a JWT assertion's <c>jti</c> may not be replayed (RFC 7523 §3).</summary>
        public virtual bool MayBeSentTwice => true;

        /// <summary>Whether the credentials are made anew for every request (they depend on more than the options).</summary>
        public virtual bool PerRequest => false;

        /// <summary>Whether <see cref="OAuthClientOptions.ClientSecret"/> must be set.</summary>
        public abstract bool SecretIsRequired { get; }

        /// <summary>The credentials for a request to <paramref name="endpoint"/>, of the provider whose issuer identifier is <paramref name="issuer"/> (null when unknown).</summary>
        public abstract ClientCredentials Create(OAuthClientOptions options, OAuthProviderInfo provider, Uri endpoint, string? issuer, DateTimeOffset now);

        /// <summary>Fails before anything is fetched or sent when the options lack what this method needs.</summary>
        public void RequireCredentials(OAuthClientOptions options, OAuthProviderInfo provider)
        {
            _ = RequireClientId(options, provider);
            if (SecretIsRequired)
            {
                _ = RequireClientSecret(options, provider);
            }
        }

        public static string RequireClientId(OAuthClientOptions options, OAuthProviderInfo provider) =>
            string.IsNullOrEmpty(options.ClientId)
                ? throw new InvalidOperationException("OAuthClientOptions.ClientId is empty: set it to the client id " + provider.Name + " issued.")
                : options.ClientId;

        public static string RequireClientSecret(OAuthClientOptions options, OAuthProviderInfo provider) =>
            options.ClientSecret
                ?? throw new InvalidOperationException("OAuthClientOptions.ClientSecret is not set, and " + provider.Name + " authenticates with " + provider.ClientAuthName + ".");

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);

        private sealed class ClientSecretBasicStrategy : ClientAuthenticationStrategy
        {
            public ClientSecretBasicStrategy(string registeredName)
                : base(registeredName)
            {
            }

            public override bool SecretIsRequired => true;

            public override ClientCredentials Create(OAuthClientOptions options, OAuthProviderInfo provider, Uri endpoint, string? issuer, DateTimeOffset now)
            {
                var clientId = RequireClientId(options, provider);
                var secret = RequireClientSecret(options, provider);
                var credentials = BasicAuthentication.EncodeCredentials(clientId, secret, provider.BasicEncoding);
                return new ClientCredentials(options, Array.Empty<KeyValuePair<string, string>>(), credentials, new[] { secret, credentials });
            }
        }

        private sealed class ClientSecretPostStrategy : ClientAuthenticationStrategy
        {
            public ClientSecretPostStrategy(string registeredName)
                : base(registeredName)
            {
            }

            public override bool SecretIsRequired => true;

            public override ClientCredentials Create(OAuthClientOptions options, OAuthProviderInfo provider, Uri endpoint, string? issuer, DateTimeOffset now)
            {
                var clientId = RequireClientId(options, provider);
                var secret = RequireClientSecret(options, provider);
                return new ClientCredentials(options, new[] { Pair("client_id", clientId), Pair("client_secret", secret) }, null, new[] { secret });
            }
        }

        private sealed class NoneStrategy : ClientAuthenticationStrategy
        {
            public NoneStrategy(string registeredName)
                : base(registeredName)
            {
            }

            public override bool SecretIsRequired => false;

            public override ClientCredentials Create(OAuthClientOptions options, OAuthProviderInfo provider, Uri endpoint, string? issuer, DateTimeOffset now) =>
                new ClientCredentials(options, new[] { Pair("client_id", RequireClientId(options, provider)) }, null, Array.Empty<string>());
        }

        private sealed class JwtStrategy : ClientAuthenticationStrategy
        {
            private readonly bool _symmetric;

            public JwtStrategy(string registeredName, bool symmetric)
                : base(registeredName)
            {
                _symmetric = symmetric;
            }

            public override bool SecretIsRequired => _symmetric;

            public override bool MayBeSentTwice => false;

            public override bool PerRequest => true;

            public override ClientCredentials Create(OAuthClientOptions options, OAuthProviderInfo provider, Uri endpoint, string? issuer, DateTimeOffset now)
            {
                var clientId = RequireClientId(options, provider);
                var signing = _symmetric
                    ? ClientAssertion.ForSecret(RequireClientSecret(options, provider))
                    : ClientAssertion.ForPrivateKey(options, provider.Name);
                // rfc7523bis (§4): the audience is the issuer, and the typ header says what the JWT is for, so that a
                // client assertion cannot be replayed elsewhere as another kind of token.
                var audienceIssuer = options.ClientAssertionProfile == ClientAssertionProfile.Rfc7523bis ? issuer : null;
                var assertion = ClientAssertion.Create(clientId, endpoint, signing, now, audienceIssuer);
                var parameters = new[]
                {
                    Pair("client_id", clientId),
                    Pair("client_assertion_type", ClientAssertion.Type),
                    Pair("client_assertion", assertion),
                };
                return new ClientCredentials(options, parameters, null, new[] { assertion });
            }
        }

        private sealed class UnsupportedStrategy : ClientAuthenticationStrategy
        {
            public UnsupportedStrategy(string? registeredName)
                : base(registeredName)
            {
            }

            public override bool SecretIsRequired => false;

            public override ClientCredentials Create(OAuthClientOptions options, OAuthProviderInfo provider, Uri endpoint, string? issuer, DateTimeOffset now) =>
                throw new NotSupportedException("Client authentication '" + provider.ClientAuthName + "' is not supported.");
        }
    }

    /// <summary>What one client authentication puts on a request, and what it was made from.</summary>
    internal sealed class ClientCredentials
    {
        public ClientCredentials(OAuthClientOptions options, KeyValuePair<string, string>[] parameters, string? basicParameter, string[] secrets)
        {
            ClientId = options.ClientId;
            ClientSecret = options.ClientSecret;
            Parameters = parameters;
            BasicParameter = basicParameter;
            Secrets = secrets;
        }

        /// <summary>The body parameters, in wire order.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

        /// <summary>The parameter of an <c>Authorization: Basic</c> header, or null for none.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? BasicParameter { get; }

        /// <summary>The secret values these credentials put on the request.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public IReadOnlyList<string> Secrets { get; }

        private string ClientId { get; }

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private string? ClientSecret { get; }

        /// <summary>Whether they were made from the options' current id and secret (compared by reference, O(1)).</summary>
        public bool MadeFrom(OAuthClientOptions options) =>
            ReferenceEquals(ClientId, options.ClientId) && ReferenceEquals(ClientSecret, options.ClientSecret);
    }
}
