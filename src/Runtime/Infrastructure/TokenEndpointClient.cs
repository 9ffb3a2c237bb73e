using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
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
    /// Builds, sends and reads the token requests of one provider. Generated clients delegate to it; it is public
    /// only for them.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class TokenEndpointClient
    {
        /// <summary>Creates the plain <see cref="OAuthToken"/> of providers without a custom token type.</summary>
        public static readonly Func<IReadOnlyDictionary<string, JsonElement>, OAuthToken> CreateDefaultToken = _ => new OAuthToken();

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
            var body = NewBody("client_credentials");
            var resolvedScope = ResolveScope(scope);
            if (Provider.ScopeRequired && string.IsNullOrEmpty(resolvedScope))
            {
                throw new ArgumentException(Provider.Name + " requires a scope: pass one, or set OAuthClientOptions.Scope.", nameof(scope));
            }

            AddScope(body, resolvedScope);
            return SendAsync(body, createToken, cancellationToken);
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
            var body = NewBody("password");
            body.Add("username", username);
            body.AddSecret("password", password);
            AddScope(body, ResolveScope(scope));
            return SendAsync(body, createToken, cancellationToken);
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
            var body = NewBody("authorization_code");
            body.AddSecret("code", code);
            body.Add("redirect_uri", redirectUri.OriginalString);
            if (codeVerifier is not null)
            {
                body.AddSecret("code_verifier", codeVerifier);
            }

            return SendAsync(body, createToken, cancellationToken);
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
            var body = NewBody("refresh_token");
            body.AddSecret("refresh_token", refreshToken);
            AddScope(body, scope);
            return SendAsync(body, createToken, cancellationToken);
        }

        /// <summary>The URL that starts the authorization code flow (RFC 6749 §4.1.1), with PKCE S256 when the provider uses it.</summary>
        public AuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, string? scope, string? state)
        {
            ThrowIfNull(redirectUri, nameof(redirectUri));
            var endpoint = ResolveEndpoint(Options.AuthorizationEndpoint, Provider.AuthorizationEndpoint, "authorization endpoint");
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

            var url = endpoint.AbsoluteUri;
            var separator = endpoint.Query.Length > 1 ? "&" : endpoint.Query.Length == 1 ? "" : "?";
            return new AuthorizationRequest(new Uri(url + separator + FormUrlEncoding.EncodeForm(query)), state, codeVerifier);
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

        // Parameter order: grant_type, client authentication, the grant's own, scope, the declared extras.
        // Providers documented by example (seeds 001 and 002) list them in this order.
        private TokenRequestBody NewBody(string grantType)
        {
            var body = new TokenRequestBody(grantType);
            switch (Provider.ClientAuth)
            {
                case ClientAuthMethod.ClientSecretBasic:
                    body.AddSecretValue(RequireClientSecret());
                    break;
                case ClientAuthMethod.ClientSecretPost:
                    body.Add("client_id", RequireClientId());
                    body.AddSecret("client_secret", RequireClientSecret());
                    break;
                case ClientAuthMethod.None:
                    body.Add("client_id", RequireClientId());
                    break;
                default:
                    throw new NotSupportedException(
                        "Client authentication '" + Provider.ClientAuthName + "' is not supported by this version of OAuthGen.");
            }

            return body;
        }

        private async Task<TToken> SendAsync<TToken>(
            TokenRequestBody body,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken,
            CancellationToken cancellationToken)
            where TToken : OAuthToken
        {
            foreach (var parameter in Provider.Parameters)
            {
                body.Add(parameter.Key, parameter.Value);
            }

            var endpoint = ResolveEndpoint(Options.TokenEndpoint, Provider.TokenEndpoint, "token endpoint");
            using var request = CreateRequest(endpoint, body);
            using var telemetry = new TokenRequestTelemetry(Provider.Name, body.GrantType, endpoint);

            // HttpClient.Timeout covers only the headers when streaming, so the body read gets the same budget.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_httpClient.Timeout != Timeout.InfiniteTimeSpan)
            {
                timeout.CancelAfter(_httpClient.Timeout);
            }

            try
            {
                using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var receivedAt = _timeProvider.GetUtcNow();
                var (bytes, length) = await ReadBodyAsync(response.Content, timeout.Token).ConfigureAwait(false);
                telemetry.StatusCode = response.StatusCode;
                try
                {
                    var token = CreateToken(response, bytes, length, receivedAt, body.Secrets, createToken);
                    telemetry.Succeeded();
                    return token;
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
                }
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw telemetry.Failed(new OAuthException(
                    "The token request to " + endpoint.GetLeftPart(UriPartial.Path) + " timed out after " + _httpClient.Timeout.TotalSeconds + " s (HttpClient.Timeout).", e));
            }
            catch (HttpRequestException e)
            {
                throw telemetry.Failed(new OAuthException(
                    "The token request to " + endpoint.GetLeftPart(UriPartial.Path) + " failed: " + Redaction.Redact(e.Message, body.Secrets), e));
            }
            catch (Exception e)
            {
                telemetry.Failed(e);
                throw;
            }
        }

        private HttpRequestMessage CreateRequest(Uri endpoint, TokenRequestBody body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = body.ToContent(Provider.Body),
            };
            request.Headers.Accept.Add(AcceptJson);
            if (Provider.ClientAuth == ClientAuthMethod.ClientSecretBasic)
            {
                var credentials = BasicAuthentication.EncodeCredentials(RequireClientId(), RequireClientSecret(), Provider.BasicEncoding);
                body.AddSecretValue(credentials);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            }

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

        private async Task<(byte[] Bytes, int Length)> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
        {
            var limit = Options.MaxResponseBytes;
            if (content.Headers.ContentLength > limit)
            {
                throw TooLarge(limit);
            }

#if NET
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            var length = 0;
            try
            {
                while (true)
                {
                    if (length > limit)
                    {
                        throw TooLarge(limit);
                    }

                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                        buffer = larger;
                    }

                    // Never ask for more than one byte past the limit: a huge body is refused, not buffered.
                    var wanted = Math.Min(buffer.Length - length, limit + 1 - length);
                    var read = await stream.ReadAsync(buffer, length, wanted, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                return (buffer, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                throw;
            }
        }

        private static OAuthException TooLarge(int limit) =>
            new OAuthException("The token response is larger than " + limit + " bytes (OAuthClientOptions.MaxResponseBytes).");

        private static TToken CreateToken<TToken>(
            HttpResponseMessage response,
            byte[] bytes,
            int length,
            DateTimeOffset receivedAt,
            IReadOnlyList<string> secrets,
            Func<IReadOnlyDictionary<string, JsonElement>, TToken> createToken)
            where TToken : OAuthToken
        {
            var status = response.StatusCode;
            var read = TokenResponseReader.Read(new ReadOnlySpan<byte>(bytes, 0, length), out var problem);
            if (read?.Error is { } error)
            {
                throw ProviderError(read, status, Redaction.Excerpt(bytes, length, secrets), secrets);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new OAuthException(
                    "The token endpoint answered " + Describe(status) + " without an OAuth error" + ExcerptSuffix(bytes, length, secrets),
                    null,
                    null,
                    null,
                    status,
                    Redaction.Excerpt(bytes, length, secrets));
            }

            if (read is null)
            {
                throw new OAuthException(
                    "The token endpoint answered " + Describe(status) + ", but " + problem + ExcerptSuffix(bytes, length, secrets),
                    null,
                    null,
                    null,
                    status,
                    Redaction.Excerpt(bytes, length, secrets));
            }

            if (string.IsNullOrEmpty(read.AccessToken))
            {
                throw new OAuthException(
                    "The token endpoint answered " + Describe(status) + " without an access_token.",
                    null,
                    null,
                    null,
                    status,
                    Redaction.Excerpt(bytes, length, WithTokens(secrets, read)));
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
                token.ExpiresAt = lifetime < DateTimeOffset.MaxValue - receivedAt ? receivedAt + lifetime : DateTimeOffset.MaxValue;
            }

            return token;
        }

        private static OAuthException ProviderError(TokenResponse read, HttpStatusCode status, string excerpt, IReadOnlyList<string> secrets)
        {
            var message = new StringBuilder("The token endpoint answered ").Append(Describe(status))
                .Append(" with error '").Append(Redaction.Redact(Redaction.Printable(read.Error!, 100), secrets)).Append('\'');
            if (!string.IsNullOrEmpty(read.ErrorDescription))
            {
                message.Append(": ").Append(Redaction.Redact(Redaction.Printable(read.ErrorDescription!, 300), secrets));
            }

            if (message[message.Length - 1] != '.')
            {
                message.Append('.');
            }

            return new OAuthException(
                message.ToString(),
                read.Error,
                read.ErrorDescription is null ? null : Redaction.Redact(read.ErrorDescription, secrets),
                read.ErrorUri,
                status,
                excerpt);
        }

        private static string ExcerptSuffix(byte[] bytes, int length, IReadOnlyList<string> secrets)
        {
            var excerpt = Redaction.Excerpt(bytes, length, secrets);
            return excerpt.Length == 0 ? " (empty body)." : ": " + excerpt;
        }

        private static IReadOnlyList<string> WithTokens(IReadOnlyList<string> secrets, TokenResponse read)
        {
            var all = new List<string>(secrets);
            if (read.RefreshToken is not null)
            {
                all.Add(read.RefreshToken);
            }

            if (read.IdToken is not null)
            {
                all.Add(read.IdToken);
            }

            return all;
        }

        private static string Describe(HttpStatusCode status) => "HTTP " + (int)status + " (" + status + ")";

        private Uri ResolveEndpoint(Uri? configured, string? declared, string what)
        {
            var endpoint = configured is not null ? AsWebUri(configured) : declared is not null ? ParseWebUri(declared) : null;
            if (endpoint is null)
            {
                throw new InvalidOperationException(Provider.Name + " declares no " + what + "; set it in the attribute or in OAuthClientOptions.");
            }

            if (endpoint.IsAbsoluteUri)
            {
                return endpoint;
            }

            var baseAddress = _httpClient.BaseAddress
                ?? throw new InvalidOperationException(
                    "The " + what + " of " + Provider.Name + " ('" + endpoint.OriginalString + "') is relative: set HttpClient.BaseAddress, or an absolute endpoint in OAuthClientOptions.");
            return new Uri(baseAddress, endpoint);
        }

        // On Unix, "/oauth/token" parses as an absolute file:// URI; a token endpoint is always http(s) or relative.
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
    }
}
