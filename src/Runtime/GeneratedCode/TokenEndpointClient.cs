using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// The entry points generated clients call, one per grant and endpoint operation: each checks its arguments, writes
    /// the grant's own parameters and hands the request to the stages (<see cref="TokenRequestPipeline"/>). Public only
    /// for generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class TokenEndpointClient
    {
        /// <summary>Creates the plain <see cref="OAuthToken"/> of providers without a custom token type.</summary>
        public static readonly Func<IReadOnlyDictionary<string, JsonElement>, OAuthToken> CreateDefaultToken = _ => new OAuthToken();

        private static readonly TokenFieldSet<OAuthToken> DefaultTokenFields = new TokenFieldSet<OAuthToken>(new string[0], _ => new OAuthToken());

        private static readonly TimeSpan SlowDownIncrement = TimeSpan.FromSeconds(5);

        private readonly TimeProvider _timeProvider;
        private readonly TokenRequestPipeline _pipeline;

        /// <summary>Creates the client of <paramref name="provider"/> for the registration in <paramref name="options"/>.</summary>
        public TokenEndpointClient(HttpClient httpClient, OAuthClientOptions options, OAuthProviderInfo provider, TimeProvider? timeProvider = null)
        {
            _ = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            Options = options ?? throw new ArgumentNullException(nameof(options));
            Provider = provider ?? throw new ArgumentNullException(nameof(provider));
            _timeProvider = timeProvider ?? TimeProvider.System;
            _pipeline = new TokenRequestPipeline(httpClient, options, provider, _timeProvider);
        }

        /// <summary>The client's registration.</summary>
        public OAuthClientOptions Options { get; }

        /// <summary>The provider.</summary>
        public OAuthProviderInfo Provider { get; }

        /// <summary>The client credentials grant (RFC 6749 §4.4).</summary>
        public Task<TToken> RequestClientCredentialsTokenAsync<TToken>(
            string? scope,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestClientCredentialsTokenAsyncCore(scope, null, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> RequestClientCredentialsTokenAsync<TToken>(
            string? scope,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestClientCredentialsTokenAsyncCore(scope, null, new TokenFactory<TToken>(fields), cancellationToken);

        /// <summary>The client credentials grant with the caller's own parameters (<c>resource</c>, <c>audience</c>...).</summary>
        public Task<TToken> RequestClientCredentialsTokenAsync<TToken>(
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestClientCredentialsTokenAsyncCore(scope, parameters, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> RequestClientCredentialsTokenAsync<TToken>(
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestClientCredentialsTokenAsyncCore(scope, parameters, new TokenFactory<TToken>(fields), cancellationToken);

        private Task<TToken> RequestClientCredentialsTokenAsyncCore<TToken>(
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            var resolvedScope = ResolveScope(scope);
            if (Provider.ScopeRequired && string.IsNullOrEmpty(resolvedScope))
            {
                throw new ArgumentException(Provider.Name + " requires a scope: pass one, or set OAuthClientOptions.Scope.", nameof(scope));
            }

            var body = new TokenRequestBody(GrantDescriptor.ClientCredentialsGrant);
            body.AddScope(resolvedScope);
            return SendTokenRequestAsync(body, parameters, factory, cancellationToken);
        }

        /// <summary>The resource owner password credentials grant (RFC 6749 §4.3).</summary>
        public Task<TToken> RequestPasswordTokenAsync<TToken>(
            string username,
            string password,
            string? scope,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestPasswordTokenAsyncCore(username, password, scope, null, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> RequestPasswordTokenAsync<TToken>(
            string username,
            string password,
            string? scope,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestPasswordTokenAsyncCore(username, password, scope, null, new TokenFactory<TToken>(fields), cancellationToken);

        /// <summary>The password grant with the caller's own parameters.</summary>
        public Task<TToken> RequestPasswordTokenAsync<TToken>(
            string username,
            string password,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestPasswordTokenAsyncCore(username, password, scope, parameters, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> RequestPasswordTokenAsync<TToken>(
            string username,
            string password,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestPasswordTokenAsyncCore(username, password, scope, parameters, new TokenFactory<TToken>(fields), cancellationToken);

        private Task<TToken> RequestPasswordTokenAsyncCore<TToken>(
            string username,
            string password,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(username, nameof(username));
            ThrowIfNull(password, nameof(password));
            var body = new TokenRequestBody(GrantDescriptor.PasswordGrant);
            body.Add("username", username);
            body.AddSecret("password", password);
            body.AddScope(ResolveScope(scope));
            return SendTokenRequestAsync(body, parameters, factory, cancellationToken);
        }

        /// <summary>The authorization code grant's token request (RFC 6749 §4.1.3), with the PKCE verifier when given.</summary>
        public Task<TToken> ExchangeAuthorizationCodeAsync<TToken>(
            string code,
            Uri redirectUri,
            string? codeVerifier,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            ExchangeAuthorizationCodeAsyncCore(code, redirectUri, codeVerifier, null, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> ExchangeAuthorizationCodeAsync<TToken>(
            string code,
            Uri redirectUri,
            string? codeVerifier,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            ExchangeAuthorizationCodeAsyncCore(code, redirectUri, codeVerifier, null, new TokenFactory<TToken>(fields), cancellationToken);

        /// <summary>The authorization code grant's token request with the caller's own parameters.</summary>
        public Task<TToken> ExchangeAuthorizationCodeAsync<TToken>(
            string code,
            Uri redirectUri,
            string? codeVerifier,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            ExchangeAuthorizationCodeAsyncCore(code, redirectUri, codeVerifier, parameters, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> ExchangeAuthorizationCodeAsync<TToken>(
            string code,
            Uri redirectUri,
            string? codeVerifier,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            ExchangeAuthorizationCodeAsyncCore(code, redirectUri, codeVerifier, parameters, new TokenFactory<TToken>(fields), cancellationToken);

        private Task<TToken> ExchangeAuthorizationCodeAsyncCore<TToken>(
            string code,
            Uri redirectUri,
            string? codeVerifier,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(code, nameof(code));
            ThrowIfNull(redirectUri, nameof(redirectUri));
            var body = new TokenRequestBody(GrantDescriptor.AuthorizationCodeGrant);
            body.AddSecret("code", code);
            body.Add("redirect_uri", redirectUri.OriginalString);
            if (codeVerifier is not null)
            {
                body.AddSecret("code_verifier", codeVerifier);
            }

            return SendTokenRequestAsync(body, parameters, factory, cancellationToken);
        }

        /// <summary>The refresh token grant (RFC 6749 §6).</summary>
        public Task<TToken> RefreshTokenAsync<TToken>(
            string refreshToken,
            string? scope,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RefreshTokenAsyncCore(refreshToken, scope, null, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> RefreshTokenAsync<TToken>(
            string refreshToken,
            string? scope,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RefreshTokenAsyncCore(refreshToken, scope, null, new TokenFactory<TToken>(fields), cancellationToken);

        /// <summary>The refresh token grant with the caller's own parameters.</summary>
        public Task<TToken> RefreshTokenAsync<TToken>(
            string refreshToken,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RefreshTokenAsyncCore(refreshToken, scope, parameters, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> RefreshTokenAsync<TToken>(
            string refreshToken,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RefreshTokenAsyncCore(refreshToken, scope, parameters, new TokenFactory<TToken>(fields), cancellationToken);

        private Task<TToken> RefreshTokenAsyncCore<TToken>(
            string refreshToken,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(refreshToken, nameof(refreshToken));
            var body = new TokenRequestBody(GrantDescriptor.RefreshTokenGrant);
            body.AddSecret("refresh_token", refreshToken);
            body.AddScope(scope);
            return SendTokenRequestAsync(body, parameters, factory, cancellationToken);
        }

        /// <summary>Starts the device authorization grant (RFC 8628 §3.1).</summary>
        public Task<DeviceAuthorization> RequestDeviceAuthorizationAsync(string? scope, CancellationToken cancellationToken) =>
            RequestDeviceAuthorizationAsync(scope, null, cancellationToken);

        /// <summary>Starts the device authorization grant with the caller's own parameters.</summary>
        public Task<DeviceAuthorization> RequestDeviceAuthorizationAsync(string? scope, IEnumerable<KeyValuePair<string, string>>? parameters, CancellationToken cancellationToken)
        {
            var body = new TokenRequestBody(GrantDescriptor.DeviceAuthorization);
            body.AddScope(ResolveScope(scope));
            body.AddExtra(parameters, _pipeline.OwnedParameters(body.Grant));
            return _pipeline.SendAsync(body, static (answer, _) => ResponseMapping.ReadDeviceAuthorization(answer), (object?)null, cancellationToken);
        }

        /// <summary>
        /// Polls for the token of a device authorization (RFC 8628 §3.4, §3.5): at the given interval, five seconds slower
        /// after each <c>slow_down</c>, until the user decides or the codes expire.
        /// </summary>
        public Task<TToken> PollDeviceTokenAsync<TToken>(
            DeviceAuthorization authorization,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            PollDeviceTokenAsyncCore(authorization, null, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> PollDeviceTokenAsync<TToken>(
            DeviceAuthorization authorization,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            PollDeviceTokenAsyncCore(authorization, null, new TokenFactory<TToken>(fields), cancellationToken);

        /// <summary>Polls for the token of a device authorization, each poll with the caller's own parameters.</summary>
        public Task<TToken> PollDeviceTokenAsync<TToken>(
            DeviceAuthorization authorization,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            PollDeviceTokenAsyncCore(authorization, parameters, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> PollDeviceTokenAsync<TToken>(
            DeviceAuthorization authorization,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            PollDeviceTokenAsyncCore(authorization, parameters, new TokenFactory<TToken>(fields), cancellationToken);

        private async Task<TToken> PollDeviceTokenAsyncCore<TToken>(
            DeviceAuthorization authorization,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(authorization, nameof(authorization));
            var interval = authorization.Interval;
            var expires = authorization.IssuedAt + authorization.ExpiresIn;
            // Checked once, before the first poll, rather than on every one.
            var extra = parameters is null ? null : ExtraParameters.Check(parameters, _pipeline.OwnedParameters(GrantDescriptor.DeviceCodeGrant), nameof(parameters));
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var body = new TokenRequestBody(GrantDescriptor.DeviceCodeGrant);
                body.AddSecret("device_code", authorization.DeviceCode);
                try
                {
                    return await SendTokenRequestAsync(body, extra, factory, cancellationToken).ConfigureAwait(false);
                }
                catch (OAuthException e) when (e.Error == "authorization_pending")
                {
                }
                catch (OAuthException e) when (e.Error == "slow_down")
                {
                    interval += SlowDownIncrement;
                }

                if (_timeProvider.GetUtcNow() + interval >= expires)
                {
                    throw new OAuthException(
                        "The device code of " + Provider.Name + " expired before the user approved the request.", "expired_token", null, null, null, null);
                }

#if NET
                await Task.Delay(interval, _timeProvider, cancellationToken).ConfigureAwait(false);
#else
                await _timeProvider.Delay(interval, cancellationToken).ConfigureAwait(false);
#endif
            }
        }

        /// <summary>The token exchange grant (RFC 8693 §2.1).</summary>
        public Task<TToken> ExchangeTokenAsync<TToken>(
            TokenExchangeRequest request,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            ExchangeTokenAsyncCore(request, null, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> ExchangeTokenAsync<TToken>(
            TokenExchangeRequest request,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            ExchangeTokenAsyncCore(request, null, new TokenFactory<TToken>(fields), cancellationToken);

        /// <summary>The token exchange grant with the caller's own parameters.</summary>
        public Task<TToken> ExchangeTokenAsync<TToken>(
            TokenExchangeRequest request,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            ExchangeTokenAsyncCore(request, parameters, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> ExchangeTokenAsync<TToken>(
            TokenExchangeRequest request,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            ExchangeTokenAsyncCore(request, parameters, new TokenFactory<TToken>(fields), cancellationToken);

        private Task<TToken> ExchangeTokenAsyncCore<TToken>(
            TokenExchangeRequest request,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(request, nameof(request));
            if (string.IsNullOrEmpty(request.SubjectToken) || string.IsNullOrEmpty(request.SubjectTokenType))
            {
                throw new ArgumentException("A token exchange needs a SubjectToken and a SubjectTokenType.", nameof(request));
            }

            var body = new TokenRequestBody(GrantDescriptor.TokenExchangeGrant);
            body.AddSecret("subject_token", request.SubjectToken);
            body.Add("subject_token_type", request.SubjectTokenType);
            if (request.ActorToken is not null)
            {
                body.AddSecret("actor_token", request.ActorToken);
                body.Add("actor_token_type", request.ActorTokenType ?? TokenTypeIdentifiers.AccessToken);
            }

            body.AddOptional("requested_token_type", request.RequestedTokenType);
            body.AddOptional("audience", request.Audience);
            body.AddOptional("resource", request.Resource);
            body.AddScope(request.Scope);
            return SendTokenRequestAsync(body, parameters, factory, cancellationToken);
        }

        /// <summary>
        /// The jwt-bearer grant (RFC 7523 §2.1) with an assertion signed here with the options' key: iss =
        /// <see cref="OAuthClientOptions.AssertionIssuer"/> or the client id, sub = <paramref name="subject"/> or iss, aud =
        /// <see cref="OAuthClientOptions.AssertionAudience"/> or the token endpoint, and the scope as a claim when
        /// <paramref name="scopeInAssertion"/>, else as a parameter.
        /// </summary>
        public Task<TToken> RequestJwtBearerTokenAsync<TToken>(
            string? scope,
            string? subject,
            bool scopeInAssertion,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestJwtBearerTokenAsyncCore(scope, subject, scopeInAssertion, null, Factory(createToken), cancellationToken);

        /// <summary>The same, with the caller's own parameters.</summary>
        public Task<TToken> RequestJwtBearerTokenAsync<TToken>(
            string? scope,
            string? subject,
            bool scopeInAssertion,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestJwtBearerTokenAsyncCore(scope, subject, scopeInAssertion, parameters, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> RequestJwtBearerTokenAsync<TToken>(
            string? scope,
            string? subject,
            bool scopeInAssertion,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestJwtBearerTokenAsyncCore(scope, subject, scopeInAssertion, null, new TokenFactory<TToken>(fields), cancellationToken);

        /// <summary>The same, with the token type's fields and the caller's own parameters.</summary>
        public Task<TToken> RequestJwtBearerTokenAsync<TToken>(
            string? scope,
            string? subject,
            bool scopeInAssertion,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestJwtBearerTokenAsyncCore(scope, subject, scopeInAssertion, parameters, new TokenFactory<TToken>(fields), cancellationToken);

        private async Task<TToken> RequestJwtBearerTokenAsyncCore<TToken>(
            string? scope,
            string? subject,
            bool scopeInAssertion,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            var resolvedScope = ResolveScope(scope);
            var issuer = string.IsNullOrEmpty(Options.AssertionIssuer) ? ClientAuthenticationStrategy.RequireClientId(Options, Provider) : Options.AssertionIssuer!;
            var signing = ClientAssertion.ForPrivateKey(Options, Provider.Name, "uses the jwt-bearer grant");
            var audience = Options.AssertionAudience;
            if (string.IsNullOrEmpty(audience))
            {
                audience = (await _pipeline.Endpoints.ResolveAsync(EndpointKind.Token, cancellationToken).ConfigureAwait(false)).AbsoluteUri;
            }

            var assertion = ClientAssertion.CreateGrant(
                issuer, string.IsNullOrEmpty(subject) ? issuer : subject!, audience!, scopeInAssertion ? resolvedScope : null, signing, _timeProvider.GetUtcNow());
            var body = new TokenRequestBody(GrantDescriptor.JwtBearerGrant);
            body.AddSecret("assertion", assertion);
            if (!scopeInAssertion)
            {
                body.AddScope(resolvedScope);
            }

            return await SendTokenRequestAsync(body, parameters, factory, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The jwt-bearer grant (RFC 7523 §2.1) with an assertion made elsewhere (a workload identity, a signing service).</summary>
        public Task<TToken> RequestJwtBearerTokenWithAssertionAsync<TToken>(
            string assertion,
            string? scope,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestJwtBearerTokenWithAssertionAsyncCore(assertion, scope, null, Factory(createToken), cancellationToken);

        /// <summary>The same, with the caller's own parameters.</summary>
        public Task<TToken> RequestJwtBearerTokenWithAssertionAsync<TToken>(
            string assertion,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestJwtBearerTokenWithAssertionAsyncCore(assertion, scope, parameters, Factory(createToken), cancellationToken);

        /// <summary>The same, with the token type's <see cref="OAuthFieldAttribute"/> fields read in the one pass over the answer.</summary>
        public Task<TToken> RequestJwtBearerTokenWithAssertionAsync<TToken>(
            string assertion,
            string? scope,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestJwtBearerTokenWithAssertionAsyncCore(assertion, scope, null, new TokenFactory<TToken>(fields), cancellationToken);

        /// <summary>The same, with the token type's fields and the caller's own parameters.</summary>
        public Task<TToken> RequestJwtBearerTokenWithAssertionAsync<TToken>(
            string assertion,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            ITokenFieldSet<TToken> fields,
            CancellationToken cancellationToken)
            where TToken : OAuthToken =>
            RequestJwtBearerTokenWithAssertionAsyncCore(assertion, scope, parameters, new TokenFactory<TToken>(fields), cancellationToken);

        private Task<TToken> RequestJwtBearerTokenWithAssertionAsyncCore<TToken>(
            string assertion,
            string? scope,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(assertion, nameof(assertion));
            if (assertion.Length == 0)
            {
                throw new ArgumentException("The assertion is empty: pass the signed JWT the provider is to accept.", nameof(assertion));
            }

            var body = new TokenRequestBody(GrantDescriptor.JwtBearerGrant);
            body.AddSecret("assertion", assertion);
            body.AddScope(ResolveScope(scope));
            return SendTokenRequestAsync(body, parameters, factory, cancellationToken);
        }

        /// <summary>Revokes a token (RFC 7009 §2.1). An unknown or already revoked token is not an error.</summary>
        public Task RevokeTokenAsync(string token, string? tokenTypeHint, CancellationToken cancellationToken) =>
            RevokeTokenAsync(token, tokenTypeHint, null, cancellationToken);

        /// <summary>Revokes a token, with the caller's own parameters.</summary>
        public Task RevokeTokenAsync(string token, string? tokenTypeHint, IEnumerable<KeyValuePair<string, string>>? parameters, CancellationToken cancellationToken)
        {
            ThrowIfNull(token, nameof(token));
            var body = new TokenRequestBody(GrantDescriptor.Revocation);
            body.AddSecret("token", token);
            body.AddOptional("token_type_hint", tokenTypeHint);
            body.AddExtra(parameters, _pipeline.OwnedParameters(body.Grant));
            return _pipeline.SendAsync(body, static (answer, _) => ResponseMapping.ReadRevocation(answer), (object?)null, cancellationToken);
        }

        /// <summary>Asks the provider about a token (RFC 7662 §2.1).</summary>
        public Task<TokenIntrospection> IntrospectTokenAsync(string token, string? tokenTypeHint, CancellationToken cancellationToken) =>
            IntrospectTokenAsync(token, tokenTypeHint, null, cancellationToken);

        /// <summary>Asks the provider about a token, with the caller's own parameters.</summary>
        public Task<TokenIntrospection> IntrospectTokenAsync(string token, string? tokenTypeHint, IEnumerable<KeyValuePair<string, string>>? parameters, CancellationToken cancellationToken)
        {
            ThrowIfNull(token, nameof(token));
            var body = new TokenRequestBody(GrantDescriptor.Introspection);
            body.AddSecret("token", token);
            body.AddOptional("token_type_hint", tokenTypeHint);
            body.AddExtra(parameters, _pipeline.OwnedParameters(body.Grant));
            return _pipeline.SendAsync(body, static (answer, _) => ResponseMapping.ReadIntrospection(answer), (object?)null, cancellationToken);
        }

        /// <summary>
        /// The URL that starts the authorization code flow (RFC 6749 §4.1.1), with PKCE S256 when the provider uses it.
        /// An authorization endpoint that comes from the provider's metadata must have been fetched: use
        /// <c>CreateAuthorizationRequestAsync</c> then.
        /// </summary>
        public AuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, string? scope, string? state) =>
            CreateAuthorizationRequest(redirectUri, scope, state, null);

        /// <summary>
        /// The URL that starts the authorization code flow, with the caller's own parameters after the standard ones
        /// (<c>access_type=offline</c>, <c>token_access_type=offline</c>, <c>login_hint</c>, <c>prompt</c>).
        /// </summary>
        public AuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, string? scope, string? state, IEnumerable<KeyValuePair<string, string>>? parameters) =>
            AuthorizationUrl.Create(_pipeline.Endpoints.ResolveWithoutFetching(EndpointKind.Authorization), Options, Provider, redirectUri, ResolveScope(scope), state, _pipeline.Naming, parameters);

        /// <summary>The URL that starts the authorization code flow, fetching the provider's metadata first if need be.</summary>
        public Task<AuthorizationRequest> CreateAuthorizationRequestAsync(Uri redirectUri, string? scope, string? state, CancellationToken cancellationToken) =>
            CreateAuthorizationRequestAsync(redirectUri, scope, state, null, cancellationToken);

        /// <summary>The same, with the caller's own parameters after the standard ones.</summary>
        public async Task<AuthorizationRequest> CreateAuthorizationRequestAsync(
            Uri redirectUri,
            string? scope,
            string? state,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            CancellationToken cancellationToken)
        {
            var endpoint = await _pipeline.Endpoints.ResolveAsync(EndpointKind.Authorization, cancellationToken).ConfigureAwait(false);
            return AuthorizationUrl.Create(endpoint, Options, Provider, redirectUri, ResolveScope(scope), state, _pipeline.Naming, parameters);
        }

        private string? ResolveScope(string? scope) => scope ?? Options.Scope ?? Provider.Scope;

        private static TokenFactory<TToken> Factory<TToken>(Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken)
            where TToken : OAuthToken =>
            // Only OAuthToken itself is made by CreateDefaultToken: it needs no field at all, so AdditionalFields is not read for it.
            ReferenceEquals(createToken, CreateDefaultToken) ? new TokenFactory<TToken>((TokenFieldSet<TToken>)(object)DefaultTokenFields) : new TokenFactory<TToken>(createToken);

        private Task<TToken> SendTokenRequestAsync<TToken>(
            TokenRequestBody body,
            IEnumerable<KeyValuePair<string, string>>? parameters,
            TokenFactory<TToken> factory,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            body.AddExtra(parameters, _pipeline.OwnedParameters(body.Grant));
            // Fail on missing credentials before anything is fetched or sent.
            _pipeline.Authentication.RequireCredentials(Options, Provider);
            return _pipeline.SendAsync(
                body,
                static (answer, state) => ResponseMapping.CreateToken(answer, state.Factory, state.RequestedScope),
                (Factory: factory, RequestedScope: body.Scope),
                cancellationToken);
        }

        private static void ThrowIfNull(object? value, string name)
        {
            if (value is null)
            {
                throw new ArgumentNullException(name);
            }
        }
    }
}
