using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
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
        // One slot per cache key (two spellings of a scope may share it), found by scope; the default scope's without a lookup.
        private readonly ConcurrentDictionary<string, TokenSlot> _slots = new ConcurrentDictionary<string, TokenSlot>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TokenSlot> _slotsByScope = new ConcurrentDictionary<string, TokenSlot>(StringComparer.Ordinal);
        private volatile TokenSlot? _defaultScopeSlot;
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
                    _slotsByScope.Clear();
                    _defaultScopeSlot = null;
                }
            });
        }

        /// <summary>A fresh token for <paramref name="scope"/> (or the default scope), from the cache when it has one.</summary>
        public ValueTask<OAuthToken> GetTokenAsync(string? scope = null, CancellationToken cancellationToken = default)
        {
            var slot = Slot(scope);
            if (slot.TryGetFresh(_options, _timeProvider, out var token))
            {
                if (OAuthGenTelemetry.CacheHits.Enabled)
                {
                    OAuthGenTelemetry.CacheHits.Add(1, _providerTag);
                }

                TokenLog.TokenServedFromCache(_logger, _providerName, token.ExpiresAt, null);
                return new ValueTask<OAuthToken>(token);
            }

            return new ValueTask<OAuthToken>(Acquire(slot, scope, rejected: null, cancellationToken));
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

            var slot = Slot(scope);
            if (slot.TryGetFresh(_options, _timeProvider, out var token) && token.AccessToken != rejected.AccessToken)
            {
                return new ValueTask<OAuthToken>(token);
            }

            slot.Forget(rejected);
            return new ValueTask<OAuthToken>(Acquire(slot, scope, rejected, cancellationToken));
        }

        // Apart from the fast paths, so that a cached token costs no closure: the lambda's captures live here only.
        private Task<OAuthToken> Acquire(TokenSlot slot, string? scope, OAuthToken? rejected, CancellationToken cancellationToken) =>
            _requests.RunAsync(slot.Key, () => AcquireAsync(slot, scope, rejected), cancellationToken);

        private async Task<OAuthToken> AcquireAsync(TokenSlot slot, string? scope, OAuthToken? rejected)
        {
            var key = slot.Key;
            // A caller that looked before the previous flight stored its token must not start another request.
            if (slot.TryGetFresh(_options, _timeProvider, out var current) && current.AccessToken != rejected?.AccessToken)
            {
                return current;
            }

            if (await ReadSharedAsync(slot, rejected).ConfigureAwait(false) is { } shared)
            {
                return shared;
            }

            // Of N instances asking at once, the one holding the lock asks the provider and the others read its answer.
            // A store that is down or slow never stops a token: the instance then asks the provider itself.
            IOAuthTokenLease? lease = null;
            if (_sharedCache is not null && _requestLock is not null && !SharedCacheDown)
            {
                lease = await SharedAsync("take the request lock", () => _requestLock.TryAcquireAsync(key + ":lock", TimeSpan.FromTicks(_options.RequestLockWait.Ticks * 2), CancellationToken.None)).ConfigureAwait(false);
                if (lease is null && !SharedCacheDown && await WaitForAnotherInstanceAsync(slot, rejected).ConfigureAwait(false) is { } fromAnother)
                {
                    return fromAnother;
                }

                // The instance that held the lock a moment ago may have stored its token since this one looked.
                if (lease is not null && await ReadSharedAsync(slot, rejected).ConfigureAwait(false) is { } storedMeanwhile)
                {
                    await ReleaseAsync(lease).ConfigureAwait(false);
                    return storedMeanwhile;
                }
            }

            try
            {
                return await RequestAsync(slot, scope).ConfigureAwait(false);
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

        private async Task<OAuthToken> RequestAsync(TokenSlot slot, string? scope)
        {
            var key = slot.Key;
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

            slot.Store(token, _options, _timeProvider);
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

        private async Task<OAuthToken?> ReadSharedAsync(TokenSlot slot, OAuthToken? rejected)
        {
            var key = slot.Key;
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
            slot.Store(shared, _options, _timeProvider);
            return shared;
        }

        private async Task<OAuthToken?> WaitForAnotherInstanceAsync(TokenSlot slot, OAuthToken? rejected)
        {
            TokenLog.WaitingForAnotherInstance(_logger, _providerName, null);
            var deadline = DateTime.UtcNow + _options.RequestLockWait;
            while (DateTime.UtcNow < deadline && !SharedCacheDown)
            {
                // Real time, not the TimeProvider's: this waits for another process, which a test clock does not move.
                await Task.Delay(LockPollInterval).ConfigureAwait(false);
                if (await ReadSharedAsync(slot, rejected).ConfigureAwait(false) is { } token)
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
        private TokenSlot Slot(string? scope)
        {
            if (scope is null)
            {
                return _defaultScopeSlot ?? AddSlot(null);
            }

            return _slotsByScope.TryGetValue(scope, out var slot) ? slot : AddSlot(scope);
        }

        private TokenSlot AddSlot(string? scope)
        {
            var key = ComputeCacheKey(scope);
            var slot = _slots.GetOrAdd(key, static key => new TokenSlot(key));
            if (scope is null)
            {
                _defaultScopeSlot = slot;
            }
            else
            {
                _slotsByScope.TryAdd(scope, slot);
            }

            return slot;
        }

        private string ComputeCacheKey(string? scope)
        {
            // The client type stands for its provider; a configured endpoint (a sandbox) is another server.
            var options = _clientOptions.Get(_optionsName);
            var identity = new StringBuilder();
            var parts = new List<string?> { _optionsName, options.TokenEndpoint?.OriginalString, options.ClientId, scope ?? options.Scope };
            if (options.EndpointParameters is { Count: > 0 } endpointParameters)
            {
                // Another tenant, realm or region is another server.
                foreach (var parameter in endpointParameters.OrderBy(parameter => parameter.Key, StringComparer.OrdinalIgnoreCase))
                {
                    parts.Add(parameter.Key.ToUpperInvariant());
                    parts.Add(parameter.Value);
                }
            }

            foreach (var part in parts)
            {
                // Length-prefixed, so that no two different tuples make the same text.
                identity.Append(part?.Length ?? -1).Append(':').Append(part).Append('|');
            }

            using var sha256 = SHA256.Create();
            var hash = sha256.ComputeHash(Encoding.UTF8.GetBytes(identity.ToString()));
            return "oauthgen:cc:" + _providerName + ":" + Base64Url.Encode(hash);
        }
    }

    /// <summary>The token kept under one cache key.</summary>
    internal sealed class TokenSlot
    {
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private volatile CachedToken? _cached;

        public TokenSlot(string key)
        {
            Key = key;
        }

        public string Key { get; }

        /// <summary>The token, if it is still fresh (<see cref="TokenManagementOptions.IsFresh"/>).</summary>
        public bool TryGetFresh(TokenManagementOptions options, TimeProvider timeProvider, [NotNullWhen(true)] out OAuthToken? token)
        {
            var cached = _cached;
            if (cached is not null && cached.IsFresh(options, timeProvider))
            {
                token = cached.Token;
                return true;
            }

            token = null;
            return false;
        }

        public void Store(OAuthToken token, TokenManagementOptions options, TimeProvider timeProvider) => _cached = new CachedToken(token, options, timeProvider);

        /// <summary>
        /// Drops <paramref name="rejected"/>, unless another token has already replaced it. By its access token, as every
        /// other check of a refused token: the caller may hold a copy (read back from a shared cache, or its own).
        /// </summary>
        public void Forget(OAuthToken rejected)
        {
            var cached = _cached;
            if (cached is not null && string.Equals(cached.Token.AccessToken, rejected.AccessToken, StringComparison.Ordinal))
            {
                Interlocked.CompareExchange(ref _cached, null, cached);
            }
        }

        /// <summary>
        /// A token and when it stops being fresh. With the system clock, that instant is kept on the monotonic tick
        /// count, which costs a few nanoseconds to read where <c>DateTimeOffset.UtcNow</c> can cost tens (76 ns on the
        /// benchmark machine, docs/benchmarks.md); any other <see cref="TimeProvider"/> is asked every time.
        /// </summary>
        private sealed class CachedToken
        {
#if NET
            private readonly long _freshUntilTick;
#endif

            public CachedToken(OAuthToken token, TokenManagementOptions options, TimeProvider timeProvider)
            {
                Token = token;
#if NET
                if (ReferenceEquals(timeProvider, TimeProvider.System))
                {
                    _freshUntilTick = FreshUntilTick(token, options, timeProvider.GetUtcNow());
                }
#endif
            }

            [DebuggerBrowsable(DebuggerBrowsableState.Never)]
            public OAuthToken Token { get; }

            public bool IsFresh(TokenManagementOptions options, TimeProvider timeProvider)
            {
#if NET
                if (ReferenceEquals(timeProvider, TimeProvider.System))
                {
                    return Environment.TickCount64 < _freshUntilTick;
                }
#endif
                return options.IsFresh(Token, timeProvider.GetUtcNow());
            }

#if NET
            // The tick count at which IsFresh(token, now) turns false; it is monotonic within the process.
            private static long FreshUntilTick(OAuthToken token, TokenManagementOptions options, DateTimeOffset now)
            {
                if (!options.IsFresh(token, now))
                {
                    return long.MinValue;
                }

                if (token.ExpiresAt is not { } expiresAt)
                {
                    return long.MaxValue;
                }

                var skew = options.RefreshBeforeExpiry;
                if (token.ExpiresIn is { } lifetime && lifetime.Ticks / 2 < skew.Ticks)
                {
                    skew = TimeSpan.FromTicks(lifetime.Ticks / 2);
                }

                // Fresh while now + skew < expiresAt: for (expiresAt - now - skew) more, at least a millisecond since it is fresh now.
                var remaining = (expiresAt - now - skew).TotalMilliseconds;
                return remaining >= long.MaxValue / 2 ? long.MaxValue : Environment.TickCount64 + Math.Max(1, (long)remaining);
            }
#endif
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
