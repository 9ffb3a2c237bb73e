using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OAuthGen.Infrastructure;

namespace OAuthGen.Tokens
{
    /// <summary>
    /// Keeps a valid client-credentials token of <typeparamref name="TClient"/> per scope: from memory while it is
    /// fresh, then from the shared <see cref="IOAuthTokenCache"/> if there is one, and otherwise with exactly one token
    /// request however many callers are waiting. Failures are not remembered: the next caller tries again.
    /// </summary>
    /// <typeparam name="TClient">A generated client with the client credentials grant.</typeparam>
    public sealed class ClientCredentialsTokenManager<TClient>
        where TClient : class, IClientCredentialsTokenClient
    {
        private readonly IServiceProvider _services;
        private readonly IOAuthTokenCache? _sharedCache;
        private readonly TimeProvider _timeProvider;
        private readonly ILogger _logger;
        private readonly TokenManagementOptions _options;
        private readonly IOptionsMonitor<OAuthClientOptions> _clientOptions;
        private readonly ConcurrentDictionary<string, OAuthToken> _tokens = new ConcurrentDictionary<string, OAuthToken>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _cacheKeys = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly SingleFlight<OAuthToken> _requests = new SingleFlight<OAuthToken>();
        private readonly string _providerName;
        private readonly KeyValuePair<string, object?> _providerTag;
        private readonly string? _registrationName;
        private readonly string _optionsName;
        private readonly IOAuthTokenRequestLock? _requestLock;
        private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(50);
        private static readonly TimeSpan SharedCacheRetryAfter = TimeSpan.FromSeconds(30);
        private long _sharedCacheDownUntil;

        /// <summary>Creates the manager; dependency injection does this once per client type.</summary>
        public ClientCredentialsTokenManager(
            IServiceProvider services,
            IOptionsMonitor<OAuthClientOptions> clientOptions,
            IOptions<TokenManagementOptions>? options = null,
            IOAuthTokenCache? sharedCache = null,
            TimeProvider? timeProvider = null,
            ILogger<ClientCredentialsTokenManager<TClient>>? logger = null)
            : this(null, services, clientOptions, options, sharedCache, timeProvider, logger)
        {
        }

        /// <summary>
        /// Creates the manager of the client registered as <paramref name="registrationName"/> (with
        /// <c>AddOAuthClient&lt;TClient&gt;(name, ...)</c>), or of the unnamed registration when null: each name has its
        /// own options, its own tokens and its own cache entries.
        /// </summary>
        public ClientCredentialsTokenManager(
            string? registrationName,
            IServiceProvider services,
            IOptionsMonitor<OAuthClientOptions> clientOptions,
            IOptions<TokenManagementOptions>? options = null,
            IOAuthTokenCache? sharedCache = null,
            TimeProvider? timeProvider = null,
            ILogger<ClientCredentialsTokenManager<TClient>>? logger = null,
            IOAuthTokenRequestLock? requestLock = null)
        {
            _registrationName = registrationName;
            _requestLock = requestLock;
            _optionsName = OAuthClientNames.For<TClient>(registrationName);
            _services = services ?? throw new ArgumentNullException(nameof(services));
            _clientOptions = clientOptions ?? throw new ArgumentNullException(nameof(clientOptions));
            _options = options?.Value ?? new TokenManagementOptions();
            _sharedCache = sharedCache;
            _timeProvider = timeProvider ?? TimeProvider.System;
            _logger = (ILogger?)logger ?? NullLogger.Instance;
            _providerName = typeof(TClient).Name;
            _providerTag = new KeyValuePair<string, object?>("oauthgen.provider", _providerName);
            _clientOptions.OnChange((_, name) =>
            {
                if (name == _optionsName)
                {
                    _cacheKeys.Clear();
                }
            });
        }

        /// <summary>A fresh token for <paramref name="scope"/> (or the default scope), from the cache when it has one.</summary>
        public ValueTask<OAuthToken> GetTokenAsync(string? scope = null, CancellationToken cancellationToken = default)
        {
            var key = CacheKey(scope);
            if (_tokens.TryGetValue(key, out var token) && _options.IsFresh(token, _timeProvider.GetUtcNow()))
            {
                OAuthGenTelemetry.CacheHits.Add(1, _providerTag);
                TokenLog.TokenServedFromCache(_logger, _providerName, token.ExpiresAt, null);
                return new ValueTask<OAuthToken>(token);
            }

            return new ValueTask<OAuthToken>(Acquire(key, scope, rejected: null, cancellationToken));
        }

        /// <summary>
        /// A token other than <paramref name="rejected"/>, which an API refused: the current one if another caller has
        /// already replaced it, otherwise a new one.
        /// </summary>
        public ValueTask<OAuthToken> GetTokenAsync(string? scope, OAuthToken rejected, CancellationToken cancellationToken = default)
        {
            if (rejected is null)
            {
                throw new ArgumentNullException(nameof(rejected));
            }

            var key = CacheKey(scope);
            if (_tokens.TryGetValue(key, out var token) && token.AccessToken != rejected.AccessToken && _options.IsFresh(token, _timeProvider.GetUtcNow()))
            {
                return new ValueTask<OAuthToken>(token);
            }

            ((ICollection<KeyValuePair<string, OAuthToken>>)_tokens).Remove(new KeyValuePair<string, OAuthToken>(key, rejected));
            return new ValueTask<OAuthToken>(Acquire(key, scope, rejected, cancellationToken));
        }

        // Apart from the fast paths, so that a cached token costs no closure: the lambda's captures live here only.
        private Task<OAuthToken> Acquire(string key, string? scope, OAuthToken? rejected, CancellationToken cancellationToken) =>
            _requests.RunAsync(key, () => AcquireAsync(key, scope, rejected), cancellationToken);

        private async Task<OAuthToken> AcquireAsync(string key, string? scope, OAuthToken? rejected)
        {
            // A caller that looked before the previous flight stored its token must not start another request.
            if (_tokens.TryGetValue(key, out var current) && current.AccessToken != rejected?.AccessToken && _options.IsFresh(current, _timeProvider.GetUtcNow()))
            {
                return current;
            }

            if (await ReadSharedAsync(key, rejected).ConfigureAwait(false) is { } shared)
            {
                return shared;
            }

            // Of N instances asking at once, the one holding the lock asks the provider and the others read its answer.
            // A store that is down or slow never stops a token: the instance then asks the provider itself.
            IOAuthTokenLease? lease = null;
            if (_sharedCache is not null && _requestLock is not null && !SharedCacheDown)
            {
                lease = await SharedAsync("take the request lock", () => _requestLock.TryAcquireAsync(key + ":lock", TimeSpan.FromTicks(_options.RequestLockWait.Ticks * 2), CancellationToken.None)).ConfigureAwait(false);
                if (lease is null && !SharedCacheDown && await WaitForAnotherInstanceAsync(key, rejected).ConfigureAwait(false) is { } fromAnother)
                {
                    return fromAnother;
                }

                // The instance that held the lock a moment ago may have stored its token since this one looked.
                if (lease is not null && await ReadSharedAsync(key, rejected).ConfigureAwait(false) is { } storedMeanwhile)
                {
                    await ReleaseAsync(lease).ConfigureAwait(false);
                    return storedMeanwhile;
                }
            }

            try
            {
                return await RequestAsync(key, scope).ConfigureAwait(false);
            }
            finally
            {
                if (lease is not null)
                {
                    await ReleaseAsync(lease).ConfigureAwait(false);
                }
            }
        }

        private Task<object?> ReleaseAsync(IOAuthTokenLease lease) =>
            SharedAsync<object?>("release the request lock", async () =>
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
                return null;
            });

        private async Task<OAuthToken> RequestAsync(string key, string? scope)
        {
            OAuthGenTelemetry.CacheMisses.Add(1, _providerTag);
            var client = ResolveClient();
            TokenLog.TokenRequested(_logger, "client_credentials", _providerName, DescribeSubject(client.Options.ClientId, scope), null);
            OAuthToken token;
            try
            {
                // Not the caller's cancellation: others may be waiting for this token. HttpClient.Timeout bounds it.
                token = await client.RequestClientCredentialsTokenAsync(scope, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                TokenLog.TokenRequestFailed(_logger, _providerName, TokenLog.Describe(e), null);
                throw;
            }

            _tokens[key] = token;
            if (_sharedCache is not null)
            {
                await SharedAsync<object?>("store", async () =>
                {
                    await _sharedCache.SetAsync(key, token, CancellationToken.None).ConfigureAwait(false);
                    return null;
                }).ConfigureAwait(false);
            }

            TokenLog.TokenRefreshed(_logger, _providerName, token.ExpiresAt, null);
            return token;
        }

        private async Task<OAuthToken?> ReadSharedAsync(string key, OAuthToken? rejected)
        {
            if (_sharedCache is null)
            {
                return null;
            }

            var shared = await SharedAsync("read", () => _sharedCache.GetAsync(key, CancellationToken.None)).ConfigureAwait(false);
            if (shared is null || shared.AccessToken == rejected?.AccessToken || !_options.IsFresh(shared, _timeProvider.GetUtcNow()))
            {
                return null;
            }

            OAuthGenTelemetry.CacheHits.Add(1, _providerTag);
            TokenLog.TokenServedFromCache(_logger, _providerName, shared.ExpiresAt, null);
            _tokens[key] = shared;
            return shared;
        }

        private async Task<OAuthToken?> WaitForAnotherInstanceAsync(string key, OAuthToken? rejected)
        {
            TokenLog.WaitingForAnotherInstance(_logger, _providerName, null);
            var deadline = DateTime.UtcNow + _options.RequestLockWait;
            while (DateTime.UtcNow < deadline && !SharedCacheDown)
            {
                // Real time, not the TimeProvider's: this waits for another process, which a test clock does not move.
                await Task.Delay(LockPollInterval).ConfigureAwait(false);
                if (await ReadSharedAsync(key, rejected).ConfigureAwait(false) is { } token)
                {
                    return token;
                }
            }

            return null;
        }

        private bool SharedCacheDown => DateTime.UtcNow.Ticks < Interlocked.Read(ref _sharedCacheDownUntil);

        /// <summary>
        /// One operation on the shared cache or lock, within <see cref="TokenManagementOptions.SharedCacheTimeout"/>: a
        /// failure or a timeout is logged as a warning and answered with default, so that the token comes from the
        /// provider, and the shared cache is left alone for 30 seconds (real time: it is about another process).
        /// </summary>
        private async Task<T?> SharedAsync<T>(string operation, Func<Task<T>> run)
        {
            if (SharedCacheDown)
            {
                return default;
            }

            try
            {
                using var timeout = new CancellationTokenSource(_options.SharedCacheTimeout);
                return await CancellableWait.WaitAsync(run(), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Interlocked.Exchange(ref _sharedCacheDownUntil, (DateTime.UtcNow + SharedCacheRetryAfter).Ticks);
                TokenLog.SharedCacheUnavailable(_logger, operation, e is OperationCanceledException ? "no answer within " + _options.SharedCacheTimeout.TotalSeconds + " s" : e.GetType().Name, _providerName, null);
                return default;
            }
        }

        private TClient ResolveClient() =>
            _registrationName is null
                ? _services.GetRequiredService<TClient>()
                : _services.GetKeyedService<TClient>(_registrationName)
                    ?? throw new InvalidOperationException(
                        $"No {typeof(TClient).Name} is registered as '{_registrationName}': register it with services.AddOAuthClient<{typeof(TClient).Name}>(\"{_registrationName}\", ...).");

        private string DescribeSubject(string clientId, string? scope) =>
            (_registrationName is null ? string.Empty : _registrationName + ": ") + "client " + clientId + (scope is null ? string.Empty : ", scope " + scope);

        /// <summary>
        /// One key per provider, token endpoint, client id and scope, so that none of them ever share a token. Hashed, so
        /// that it is short and safe for any cache.
        /// </summary>
        private string CacheKey(string? scope) =>
            _cacheKeys.TryGetValue(scope ?? string.Empty, out var key) ? key : AddCacheKey(scope);

        private string AddCacheKey(string? scope) => _cacheKeys.GetOrAdd(scope ?? string.Empty, _ => ComputeCacheKey(scope));

        private string ComputeCacheKey(string? scope)
        {
            // The client type stands for its provider; a configured endpoint (a sandbox) is another server.
            var options = _clientOptions.Get(_optionsName);
            var identity = new StringBuilder();
            foreach (var part in new[] { _optionsName, options.TokenEndpoint?.OriginalString, options.ClientId, scope ?? options.Scope })
            {
                // Length-prefixed, so that no two different tuples make the same text.
                identity.Append(part?.Length ?? -1).Append(':').Append(part).Append('|');
            }

            using var sha256 = SHA256.Create();
            var hash = sha256.ComputeHash(Encoding.UTF8.GetBytes(identity.ToString()));
            return "oauthgen:cc:" + _providerName + ":" + Base64Url.Encode(hash);
        }
    }

    /// <summary>The names under which each generated client's options and HttpClient are registered.</summary>
    internal static class OAuthClientNames
    {
        /// <summary>The type's full name, and for a named registration the name after a colon.</summary>
        public static string For<TClient>(string? registrationName = null)
        {
            var type = typeof(TClient).FullName ?? typeof(TClient).Name;
            return registrationName is null ? type : type + ":" + registrationName;
        }
    }
}
