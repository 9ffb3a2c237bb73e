using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Builds, sends and reads the requests of one provider: token requests for every grant, device authorization,
    /// revocation and introspection. Generated clients delegate to it; it is public only for them.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class TokenEndpointClient
    {
        /// <summary>Creates the plain <see cref="OAuthToken"/> of providers without a custom token type.</summary>
        public static readonly Func<IReadOnlyDictionary<string, JsonElement>, OAuthToken> CreateDefaultToken = _ => new OAuthToken();

        private const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
        private const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
        private static readonly TimeSpan DefaultDevicePollInterval = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan SlowDownIncrement = TimeSpan.FromSeconds(5);
        private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new MediaTypeWithQualityHeaderValue("application/json");

        private readonly HttpClient _httpClient;
        private readonly TimeProvider _timeProvider;

        /// <summary>Creates the client of <paramref name="provider"/> for the registration in <paramref name="options"/>.</summary>
        public TokenEndpointClient(HttpClient httpClient, OAuthClientOptions options, OAuthProviderInfo provider, TimeProvider? timeProvider = null)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            Options = options ?? throw new ArgumentNullException(nameof(options));
            Provider = provider ?? throw new ArgumentNullException(nameof(provider));
            _timeProvider = timeProvider ?? TimeProvider.System;
        }

        private enum Endpoint
        {
            Token,
            Authorization,
            DeviceAuthorization,
            Revocation,
            Introspection,
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
            where TToken : OAuthToken
        {
            var resolvedScope = ResolveScope(scope);
            if (Provider.ScopeRequired && string.IsNullOrEmpty(resolvedScope))
            {
                throw new ArgumentException(Provider.Name + " requires a scope: pass one, or set OAuthClientOptions.Scope.", nameof(scope));
            }

            var body = TokenRequestBody.ForGrant("client_credentials");
            AddScope(body, resolvedScope);
            return SendTokenRequestAsync(body, createToken, cancellationToken);
        }

        /// <summary>The resource owner password credentials grant (RFC 6749 §4.3).</summary>
        public Task<TToken> RequestPasswordTokenAsync<TToken>(
            string username,
            string password,
            string? scope,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(username, nameof(username));
            ThrowIfNull(password, nameof(password));
            var body = TokenRequestBody.ForGrant("password");
            body.Add("username", username);
            body.AddSecret("password", password);
            AddScope(body, ResolveScope(scope));
            return SendTokenRequestAsync(body, createToken, cancellationToken);
        }

        /// <summary>The authorization code grant's token request (RFC 6749 §4.1.3), with the PKCE verifier when given.</summary>
        public Task<TToken> ExchangeAuthorizationCodeAsync<TToken>(
            string code,
            Uri redirectUri,
            string? codeVerifier,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(code, nameof(code));
            ThrowIfNull(redirectUri, nameof(redirectUri));
            var body = TokenRequestBody.ForGrant("authorization_code");
            body.AddSecret("code", code);
            body.Add("redirect_uri", redirectUri.OriginalString);
            if (codeVerifier is not null)
            {
                body.AddSecret("code_verifier", codeVerifier);
            }

            return SendTokenRequestAsync(body, createToken, cancellationToken);
        }

        /// <summary>The refresh token grant (RFC 6749 §6).</summary>
        public Task<TToken> RefreshTokenAsync<TToken>(
            string refreshToken,
            string? scope,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(refreshToken, nameof(refreshToken));
            var body = TokenRequestBody.ForGrant("refresh_token");
            body.AddSecret("refresh_token", refreshToken);
            AddScope(body, scope);
            return SendTokenRequestAsync(body, createToken, cancellationToken);
        }

        /// <summary>Starts the device authorization grant (RFC 8628 §3.1).</summary>
        public Task<DeviceAuthorization> RequestDeviceAuthorizationAsync(string? scope, CancellationToken cancellationToken)
        {
            var body = TokenRequestBody.ForOperation("device_authorization", authenticationFirst: true);
            AddScope(body, ResolveScope(scope));
            return SendAsync(Endpoint.DeviceAuthorization, body, ReadDeviceAuthorization, cancellationToken);
        }

        /// <summary>
        /// Polls for the token of a device authorization (RFC 8628 §3.4, §3.5): at the given interval, five seconds slower
        /// after each <c>slow_down</c>, until the user decides or the codes expire.
        /// </summary>
        public async Task<TToken> PollDeviceTokenAsync<TToken>(
            DeviceAuthorization authorization,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            ThrowIfNull(authorization, nameof(authorization));
            var interval = authorization.Interval;
            var expires = authorization.IssuedAt + authorization.ExpiresIn;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var body = TokenRequestBody.ForGrant(DeviceCodeGrant);
                body.AddSecret("device_code", authorization.DeviceCode);
                try
                {
                    return await SendTokenRequestAsync(body, createToken, cancellationToken).ConfigureAwait(false);
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
            where TToken : OAuthToken
        {
            ThrowIfNull(request, nameof(request));
            if (string.IsNullOrEmpty(request.SubjectToken) || string.IsNullOrEmpty(request.SubjectTokenType))
            {
                throw new ArgumentException("A token exchange needs a SubjectToken and a SubjectTokenType.", nameof(request));
            }

            var body = TokenRequestBody.ForGrant(TokenExchangeGrant);
            body.AddSecret("subject_token", request.SubjectToken);
            body.Add("subject_token_type", request.SubjectTokenType);
            if (request.ActorToken is not null)
            {
                body.AddSecret("actor_token", request.ActorToken);
                body.Add("actor_token_type", request.ActorTokenType ?? TokenTypeIdentifiers.AccessToken);
            }

            AddOptional(body, "requested_token_type", request.RequestedTokenType);
            AddOptional(body, "audience", request.Audience);
            AddOptional(body, "resource", request.Resource);
            AddScope(body, request.Scope);
            return SendTokenRequestAsync(body, createToken, cancellationToken);
        }

        /// <summary>Revokes a token (RFC 7009 §2.1). An unknown or already revoked token is not an error.</summary>
        public Task RevokeTokenAsync(string token, string? tokenTypeHint, CancellationToken cancellationToken)
        {
            ThrowIfNull(token, nameof(token));
            var body = TokenRequestBody.ForOperation("revocation", authenticationFirst: false);
            body.AddSecret("token", token);
            AddOptional(body, "token_type_hint", tokenTypeHint);
            return SendAsync(Endpoint.Revocation, body, ReadRevocation, cancellationToken);
        }

        /// <summary>Asks the provider about a token (RFC 7662 §2.1).</summary>
        public Task<TokenIntrospection> IntrospectTokenAsync(string token, string? tokenTypeHint, CancellationToken cancellationToken)
        {
            ThrowIfNull(token, nameof(token));
            var body = TokenRequestBody.ForOperation("introspection", authenticationFirst: false);
            body.AddSecret("token", token);
            AddOptional(body, "token_type_hint", tokenTypeHint);
            return SendAsync(Endpoint.Introspection, body, ReadIntrospection, cancellationToken);
        }

        /// <summary>
        /// The URL that starts the authorization code flow (RFC 6749 §4.1.1), with PKCE S256 when the provider uses it.
        /// An authorization endpoint that comes from the provider's metadata must have been fetched: use
        /// <see cref="CreateAuthorizationRequestAsync"/> then.
        /// </summary>
        public AuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, string? scope, string? state) =>
            BuildAuthorizationRequest(ResolveEndpoint(Endpoint.Authorization, ProviderMetadata.TryGetCached), redirectUri, scope, state);

        /// <summary>The URL that starts the authorization code flow, fetching the provider's metadata first if need be.</summary>
        public async Task<AuthorizationRequest> CreateAuthorizationRequestAsync(Uri redirectUri, string? scope, string? state, CancellationToken cancellationToken)
        {
            var endpoint = await ResolveEndpointAsync(Endpoint.Authorization, cancellationToken).ConfigureAwait(false);
            return BuildAuthorizationRequest(endpoint, redirectUri, scope, state);
        }

        private AuthorizationRequest BuildAuthorizationRequest(Uri endpoint, Uri redirectUri, string? scope, string? state)
        {
            EndpointSecurity.RequireSecureTransport(endpoint, Options.AllowInsecureHttp, Provider.Name, Name(Endpoint.Authorization));
            ThrowIfNull(redirectUri, nameof(redirectUri));
            state ??= Base64Url.CreateRandom(32);
            var codeVerifier = Provider.UsePkce ? Pkce.CreateCodeVerifier() : null;

            var query = new List<KeyValuePair<string, string>>
            {
                Pair("response_type", "code"),
                Pair("client_id", RequireClientId()),
                Pair("redirect_uri", redirectUri.OriginalString),
            };
            var resolvedScope = ResolveScope(scope);
            if (resolvedScope is not null)
            {
                query.Add(Pair("scope", resolvedScope));
            }

            query.Add(Pair("state", state));
            if (codeVerifier is not null)
            {
                query.Add(Pair("code_challenge", Pkce.ComputeS256Challenge(codeVerifier)));
                query.Add(Pair("code_challenge_method", "S256"));
            }

            var separator = endpoint.Query.Length > 1 ? "&" : endpoint.Query.Length == 1 ? "" : "?";
            return new AuthorizationRequest(new Uri(endpoint.AbsoluteUri + separator + FormUrlEncoding.EncodeForm(query)), state, codeVerifier);
        }

        private string? ResolveScope(string? scope) => scope ?? Options.Scope ?? Provider.Scope;

        private static void AddScope(TokenRequestBody body, string? scope)
        {
            // An empty scope is sent as "scope=": some providers (seed 002) document it that way.
            if (scope is not null)
            {
                body.Add("scope", scope);
            }
        }

        private static void AddOptional(TokenRequestBody body, string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                body.Add(name, value!);
            }
        }

        private Task<TToken> SendTokenRequestAsync<TToken>(
            TokenRequestBody body,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            // Fail on missing credentials before anything is fetched or sent.
            _ = RequireClientId();
            if (Provider.ClientAuth is ClientAuthMethod.ClientSecretBasic or ClientAuthMethod.ClientSecretPost or ClientAuthMethod.ClientSecretJwt)
            {
                _ = RequireClientSecret();
            }

            foreach (var parameter in Provider.Parameters)
            {
                body.Add(parameter.Key, parameter.Value);
            }

            return SendAsync(Endpoint.Token, body, answer => CreateToken(answer, createToken), cancellationToken);
        }

        private async Task<TResult> SendAsync<TResult>(Endpoint kind, TokenRequestBody body, Func<Answer, TResult> read, CancellationToken cancellationToken)
        {
            var endpoint = await ResolveEndpointAsync(kind, cancellationToken).ConfigureAwait(false);
            EndpointSecurity.RequireSecureTransport(endpoint, Options.AllowInsecureHttp, Provider.Name, Name(kind));
            using var request = CreateRequest(endpoint, body);
            using var telemetry = new TokenRequestTelemetry(Provider.Name, body.Operation, endpoint);

            // HttpClient.Timeout covers only the headers when streaming, so the body read gets the same budget.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_httpClient.Timeout != Timeout.InfiniteTimeSpan)
            {
                timeout.CancelAfter(_httpClient.Timeout);
            }

            try
            {
                // Only to the endpoint's origin, and once more after a transient failure where that is safe (TokenRetryPolicy).
                var retry = TokenRetry.For(body.Operation, Provider.ClientAuth, Options.RetryTransientFailures);
                using var exchange = await TokenRequestSender.SendAsync(_httpClient, request, endpoint, retry, _timeProvider, body.Secrets, timeout.Token).ConfigureAwait(false);
                var response = exchange.Response;
                var receivedAt = _timeProvider.GetUtcNow();
                telemetry.StatusCode = response.StatusCode;
                var (bytes, length) = await BoundedContent.ReadAsync(response.Content, Options.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
                try
                {
                    var result = read(new Answer(response.StatusCode, response.IsSuccessStatusCode, bytes, length, receivedAt, body.Secrets, TokenRetry.RetryAfter(response, receivedAt), Provider.SecretFields));
                    telemetry.Succeeded();
                    return result;
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
                }
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw telemetry.Failed(new OAuthException(
                    "The request to " + endpoint.GetLeftPart(UriPartial.Path) + " timed out after " + _httpClient.Timeout.TotalSeconds + " s (HttpClient.Timeout).", e));
            }
            catch (HttpRequestException e)
            {
                throw telemetry.Failed(new OAuthException(
                    "The request to " + endpoint.GetLeftPart(UriPartial.Path) + " failed: " + Redaction.Redact(FailureText.Of(e), body.Secrets), e));
            }
            catch (System.IO.IOException e)
            {
                // The answer broke off while its body was read (HttpIOException: the connection closed or was reset).
                throw telemetry.Failed(new OAuthException(
                    "The answer from " + endpoint.GetLeftPart(UriPartial.Path) + " broke off before its end: " + Redaction.Redact(FailureText.Of(e), body.Secrets), e));
            }
            catch (Exception e)
            {
                telemetry.Failed(e);
                throw;
            }
        }

        private HttpRequestMessage CreateRequest(Uri endpoint, TokenRequestBody body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
            request.Headers.Accept.Add(AcceptJson);
            AddClientAuthentication(request, body, endpoint);
            request.Content = body.ToContent(Provider.Body);
            foreach (var header in Provider.Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    request.Content.Headers.Remove(header.Key);
                    request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return request;
        }

        // RFC 6749 §2.3: exactly one way of authenticating per request.
        private void AddClientAuthentication(HttpRequestMessage request, TokenRequestBody body, Uri endpoint)
        {
            switch (Provider.ClientAuth)
            {
                case ClientAuthMethod.ClientSecretBasic:
                    var credentials = BasicAuthentication.EncodeCredentials(RequireClientId(), RequireClientSecret(), Provider.BasicEncoding);
                    body.AddSecretValue(RequireClientSecret());
                    body.AddSecretValue(credentials);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                    break;
                case ClientAuthMethod.ClientSecretPost:
                    body.AddSecretValue(RequireClientSecret());
                    body.AddClientAuthentication(new[] { Pair("client_id", RequireClientId()), Pair("client_secret", RequireClientSecret()) });
                    break;
                case ClientAuthMethod.None:
                    body.AddClientAuthentication(new[] { Pair("client_id", RequireClientId()) });
                    break;
                case ClientAuthMethod.PrivateKeyJwt:
                case ClientAuthMethod.ClientSecretJwt:
                    var signing = Provider.ClientAuth == ClientAuthMethod.ClientSecretJwt
                        ? ClientAssertion.ForSecret(RequireClientSecret())
                        : ClientAssertion.ForPrivateKey(Options, Provider.Name);
                    var assertion = ClientAssertion.Create(RequireClientId(), endpoint, signing, _timeProvider.GetUtcNow());
                    body.AddSecretValue(assertion);
                    body.AddClientAuthentication(new[]
                    {
                        Pair("client_id", RequireClientId()),
                        Pair("client_assertion_type", ClientAssertion.Type),
                        Pair("client_assertion", assertion),
                    });
                    break;
                default:
                    throw new NotSupportedException("Client authentication '" + Provider.ClientAuthName + "' is not supported.");
            }
        }

        private static TToken CreateToken<TToken>(Answer answer, Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken)
            where TToken : OAuthToken
        {
            var read = ReadAnswer(answer, "a token");
            if (string.IsNullOrEmpty(read.AccessToken))
            {
                throw answer.Redactor().Failure("The token endpoint answered " + Describe(answer.Status) + " without an access_token.", answer.Status);
            }

            var token = createToken(read.AdditionalFields);
            token.AccessToken = read.AccessToken!;
            token.TokenType = read.TokenType;
            token.RefreshToken = read.RefreshToken;
            token.Scope = read.Scope;
            token.IdToken = read.IdToken;
            token.AdditionalFields = read.AdditionalFields;
            token.ExpiresIn = read.ExpiresIn;
            if (read.ExpiresIn is { } lifetime)
            {
                token.ExpiresAt = lifetime < DateTimeOffset.MaxValue - answer.ReceivedAt ? answer.ReceivedAt + lifetime : DateTimeOffset.MaxValue;
            }

            return token;
        }

        private static DeviceAuthorization ReadDeviceAuthorization(Answer answer)
        {
            var read = ReadAnswer(answer, "a device authorization");
            var fields = read.AdditionalFields;
            var deviceCode = TokenFieldReader.GetString(fields, "device_code");
            var userCode = TokenFieldReader.GetString(fields, "user_code");
            // "verification_url": the name some providers (Google) used before RFC 8628 settled on "verification_uri".
            var verificationUri = TokenFieldReader.GetString(fields, "verification_uri") ?? TokenFieldReader.GetString(fields, "verification_url");
            if (string.IsNullOrEmpty(deviceCode) || string.IsNullOrEmpty(userCode)
                || !Uri.TryCreate(verificationUri, UriKind.Absolute, out var verification))
            {
                throw answer.Redactor().Failure(
                    "The device authorization endpoint answered " + Describe(answer.Status) + " without device_code, user_code and verification_uri.", answer.Status);
            }

            Uri.TryCreate(TokenFieldReader.GetString(fields, "verification_uri_complete"), UriKind.Absolute, out var complete);
            var interval = TokenFieldReader.GetTimeSpan(fields, "interval") is { } seconds && seconds > TimeSpan.Zero ? seconds : DefaultDevicePollInterval;
            return new DeviceAuthorization(
                deviceCode!,
                userCode!,
                verification!,
                complete,
                read.ExpiresIn ?? TimeSpan.FromMinutes(5),
                interval,
                answer.ReceivedAt);
        }

        private static bool ReadRevocation(Answer answer)
        {
            // RFC 7009 §2.2: any 200 is success, whatever its body; only errors are read.
            if (!answer.IsSuccess || answer.Length > 0)
            {
                var read = TokenResponseReader.Read(new ReadOnlySpan<byte>(answer.Bytes, 0, answer.Length), out _);
                ThrowIfError(answer, read);
            }

            return true;
        }

        private static TokenIntrospection ReadIntrospection(Answer answer)
        {
            var read = ReadAnswer(answer, "an introspection result");
            var fields = read.AdditionalFields;
            bool? active;
            try
            {
                active = TokenFieldReader.GetBoolean(fields, "active");
            }
            catch (OAuthException)
            {
                active = null;
            }

            if (active is null)
            {
                throw answer.Redactor().Failure("The introspection endpoint answered without a boolean 'active' member.", answer.Status);
            }

            return new TokenIntrospection
            {
                Active = active.Value,
                Scope = read.Scope,
                TokenType = read.TokenType,
                ClientId = TokenFieldReader.GetString(fields, "client_id"),
                Username = TokenFieldReader.GetString(fields, "username"),
                Subject = TokenFieldReader.GetString(fields, "sub"),
                ExpiresAt = TokenFieldReader.GetDateTimeOffset(fields, "exp"),
                AdditionalFields = fields,
            };
        }

        /// <summary>The answer read as an OAuth response, or an <see cref="OAuthException"/> saying why it is none.</summary>
        private static TokenResponse ReadAnswer(Answer answer, string expected)
        {
            var read = TokenResponseReader.Read(new ReadOnlySpan<byte>(answer.Bytes, 0, answer.Length), out var problem);
            ThrowIfError(answer, read);
            if (read is null)
            {
                var redactor = answer.Redactor();
                throw redactor.Failure("The provider answered " + Describe(answer.Status) + " instead of " + expected + ": " + problem + redactor.ExcerptSuffix, answer.Status);
            }

            return read;
        }

        private static void ThrowIfError(Answer answer, TokenResponse? read)
        {
            if (read?.Error is not null)
            {
                throw ProviderError(read, answer);
            }

            if (!answer.IsSuccess)
            {
                var redactor = answer.Redactor();
                throw redactor.Failure(
                    "The provider answered " + Describe(answer.Status) + RetryAfterText(answer) + " without an OAuth error" + redactor.ExcerptSuffix, answer.Status, retryAfter: answer.RetryAfter);
            }
        }

        private static OAuthException ProviderError(TokenResponse read, Answer answer)
        {
            var redactor = answer.Redactor();
            var message = new StringBuilder("The provider answered ").Append(Describe(answer.Status))
                .Append(" with error '").Append(redactor.Printable(read.Error!, 100)).Append('\'');
            if (!string.IsNullOrEmpty(read.ErrorDescription))
            {
                message.Append(": ").Append(redactor.Printable(read.ErrorDescription!, 300));
            }

            if (message[message.Length - 1] != '.')
            {
                message.Append('.');
            }

            return redactor.Failure(message.ToString(), answer.Status, read.Error, read.ErrorDescription, read.ErrorUri, answer.RetryAfter);
        }

        private static string RetryAfterText(Answer answer) =>
            answer.RetryAfter is { } wait ? ", asking to retry after " + Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " s," : string.Empty;

        private static string Describe(HttpStatusCode status) => "HTTP " + (int)status + " (" + status + ")";

        private async Task<Uri> ResolveEndpointAsync(Endpoint kind, CancellationToken cancellationToken)
        {
            if (Configured(kind) is not null || !string.IsNullOrEmpty(Declared(kind)) || MetadataAddress() is not { } metadataAddress)
            {
                return ResolveEndpoint(kind, _ => null);
            }

            // The metadata names the endpoints that get the credentials: it must come over TLS as they do.
            EndpointSecurity.RequireSecureTransport(metadataAddress, Options.AllowInsecureHttp, Provider.Name, "metadata address");
            // The fetch is shared and bounded by HttpClient.Timeout; this caller may still give up on it sooner.
            var metadata = await CancellableWait.WaitAsync(
                ProviderMetadata.GetAsync(_httpClient, metadataAddress, _timeProvider, Options.MaxResponseBytes), cancellationToken).ConfigureAwait(false);
            return ResolveEndpoint(kind, _ => metadata);
        }

        private Uri ResolveEndpoint(Endpoint kind, Func<Uri, ProviderMetadata?> metadataFor)
        {
            Uri? endpoint;
            if (Configured(kind) is { } configured)
            {
                endpoint = AsWebUri(configured);
            }
            else if (Declared(kind) is { Length: > 0 } declared)
            {
                endpoint = ParseWebUri(declared);
            }
            else if (MetadataAddress() is { } metadataAddress)
            {
                var metadata = metadataFor(metadataAddress)
                    ?? throw new InvalidOperationException(
                        "The " + Name(kind) + " of " + Provider.Name + " comes from its metadata, which has not been fetched yet: use the asynchronous method.");
                var published = FromMetadata(metadata, kind)
                    ?? throw new OAuthException(
                        "The metadata of " + Provider.Name + " at " + metadataAddress.AbsoluteUri + " publishes no " + Name(kind) + ".");
                endpoint = ParseWebUri(published);
            }
            else
            {
                throw new InvalidOperationException(Provider.Name + " declares no " + Name(kind) + "; set it in the attribute or in OAuthClientOptions.");
            }

            return MakeAbsolute(endpoint, Name(kind));
        }

        private Uri? MetadataAddress()
        {
            if (Options.MetadataAddress is { } configured)
            {
                return MakeAbsolute(AsWebUri(configured), "metadata address");
            }

            return Provider.MetadataAddress is { Length: > 0 } declared ? MakeAbsolute(ParseWebUri(declared), "metadata address") : null;
        }

        private Uri MakeAbsolute(Uri endpoint, string what)
        {
            if (endpoint.IsAbsoluteUri)
            {
                return endpoint;
            }

            var baseAddress = _httpClient.BaseAddress
                ?? throw new InvalidOperationException(
                    "The " + what + " of " + Provider.Name + " ('" + endpoint.OriginalString + "') is relative: set HttpClient.BaseAddress, or an absolute endpoint in OAuthClientOptions.");
            return new Uri(baseAddress, endpoint);
        }

        private Uri? Configured(Endpoint kind) => kind switch
        {
            Endpoint.Token => Options.TokenEndpoint,
            Endpoint.Authorization => Options.AuthorizationEndpoint,
            _ => null,
        };

        private string? Declared(Endpoint kind) => kind switch
        {
            Endpoint.Token => Provider.TokenEndpoint,
            Endpoint.Authorization => Provider.AuthorizationEndpoint,
            Endpoint.DeviceAuthorization => Provider.DeviceAuthorizationEndpoint,
            Endpoint.Revocation => Provider.RevocationEndpoint,
            _ => Provider.IntrospectionEndpoint,
        };

        private static string? FromMetadata(ProviderMetadata metadata, Endpoint kind) => kind switch
        {
            Endpoint.Token => metadata.TokenEndpoint,
            Endpoint.Authorization => metadata.AuthorizationEndpoint,
            Endpoint.DeviceAuthorization => metadata.DeviceAuthorizationEndpoint,
            Endpoint.Revocation => metadata.RevocationEndpoint,
            _ => metadata.IntrospectionEndpoint,
        };

        private static string Name(Endpoint kind) => kind switch
        {
            Endpoint.Token => "token endpoint",
            Endpoint.Authorization => "authorization endpoint",
            Endpoint.DeviceAuthorization => "device authorization endpoint",
            Endpoint.Revocation => "revocation endpoint",
            _ => "introspection endpoint",
        };

        // On Unix, "/oauth/token" parses as an absolute file:// URI; an endpoint is always http(s) or relative.
        private static Uri ParseWebUri(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
                ? absolute
                : new Uri(text, UriKind.Relative);

        private static Uri AsWebUri(Uri uri) =>
            uri.IsAbsoluteUri && uri.IsFile && uri.OriginalString.StartsWith("/", StringComparison.Ordinal)
                ? new Uri(uri.OriginalString, UriKind.Relative)
                : uri;

        private string RequireClientId() =>
            string.IsNullOrEmpty(Options.ClientId)
                ? throw new InvalidOperationException("OAuthClientOptions.ClientId is empty: set it to the client id " + Provider.Name + " issued.")
                : Options.ClientId;

        private string RequireClientSecret() =>
            Options.ClientSecret
                ?? throw new InvalidOperationException("OAuthClientOptions.ClientSecret is not set, and " + Provider.Name + " authenticates with " + Provider.ClientAuthName + ".");

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);

        private static void ThrowIfNull(object? value, string name)
        {
            if (value is null)
            {
                throw new ArgumentNullException(name);
            }
        }

        /// <summary>What came back: status, body (a pooled buffer) and the secrets to keep out of any message about it.</summary>
        private readonly struct Answer
        {
            public Answer(HttpStatusCode status, bool isSuccess, byte[] bytes, int length, DateTimeOffset receivedAt, IReadOnlyList<string> secrets, TimeSpan? retryAfter, IReadOnlyList<string> secretFields)
            {
                SecretFields = secretFields;
                RetryAfter = retryAfter;
                Status = status;
                IsSuccess = isSuccess;
                Bytes = bytes;
                Length = length;
                ReceivedAt = receivedAt;
                Secrets = secrets;
            }

            public HttpStatusCode Status { get; }

            public bool IsSuccess { get; }

            public byte[] Bytes { get; }

            public int Length { get; }

            public DateTimeOffset ReceivedAt { get; }

            public IReadOnlyList<string> Secrets { get; }

            /// <summary>The wait the answer asked for in <c>Retry-After</c>, if any.</summary>
            public TimeSpan? RetryAfter { get; }

            /// <summary>The response fields the provider's token type marks secret.</summary>
            public IReadOnlyList<string> SecretFields { get; }

            /// <summary>What every text about this answer goes through: it knows the request's secrets and the answer's credentials.</summary>
            public Redactor Redactor() => new Redactor(Secrets, SecretFields).Seeing(Bytes, Length);
        }
    }
}
