using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace OAuthGen.Tokens
{
    /// <summary>
    /// A cache of client-credentials tokens shared beyond one process. Each process keeps its tokens in memory
    /// first; this is asked only when its own copy is missing or expiring.
    /// </summary>
    public interface IOAuthTokenCache
    {
        /// <summary>The token stored under <paramref name="key"/>, or null.</summary>
        Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken);

        /// <summary>Stores <paramref name="token"/> under <paramref name="key"/> until the token expires.</summary>
        Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken);

        /// <summary>Forgets the token under <paramref name="key"/>.</summary>
        Task RemoveAsync(string key, CancellationToken cancellationToken);
    }

    /// <summary>An <see cref="IOAuthTokenCache"/> on <see cref="IDistributedCache"/>: every instance of an app shares one token per client and scope.</summary>
    public sealed class DistributedOAuthTokenCache : IOAuthTokenCache
    {
        private readonly IDistributedCache _cache;
        private readonly TimeProvider _timeProvider;
        private readonly IOAuthTokenProtector? _protector;

        /// <summary>
        /// Creates a cache on <paramref name="cache"/>; <paramref name="timeProvider"/> is the clock tokens expire by, and
        /// <paramref name="protector"/> (when not null) keeps them encrypted at rest.
        /// </summary>
        public DistributedOAuthTokenCache(IDistributedCache cache, TimeProvider? timeProvider = null, IOAuthTokenProtector? protector = null)
        {
            _cache = cache ?? throw new ArgumentNullException(nameof(cache));
            _timeProvider = timeProvider ?? TimeProvider.System;
            _protector = protector;
        }

        /// <inheritdoc />
        public async Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken)
        {
            var bytes = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return SharedTokenFormat.Read(bytes, _protector);
        }

        /// <inheritdoc />
        public Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken)
        {
            // A lifetime rather than a point in time: the cache's clock need not be this app's.
            var entry = new DistributedCacheEntryOptions();
            if (SharedTokenFormat.TimeToLive(token, _timeProvider.GetUtcNow()) is { } lifetime)
            {
                if (lifetime <= TimeSpan.Zero)
                {
                    return Task.CompletedTask;
                }

                entry.AbsoluteExpirationRelativeToNow = lifetime;
            }

            return _cache.SetAsync(key, SharedTokenFormat.Write(token, _protector), entry, cancellationToken);
        }

        /// <inheritdoc />
        public Task RemoveAsync(string key, CancellationToken cancellationToken) => _cache.RemoveAsync(key, cancellationToken);
    }

    /// <summary>Where a user's access and refresh tokens are kept between requests.</summary>
    public interface IUserTokenStore
    {
        /// <summary>The tokens stored under <paramref name="key"/>, or null.</summary>
        Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken);

        /// <summary>Stores the tokens under <paramref name="key"/>, replacing any before.</summary>
        Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken);

        /// <summary>Forgets the tokens under <paramref name="key"/>.</summary>
        Task RemoveAsync(string key, CancellationToken cancellationToken);
    }

    /// <summary>An <see cref="IUserTokenStore"/> in this process's memory.</summary>
    public sealed class InMemoryUserTokenStore : IUserTokenStore
    {
        private readonly ConcurrentDictionary<string, OAuthToken> _tokens = new ConcurrentDictionary<string, OAuthToken>(StringComparer.Ordinal);

        /// <inheritdoc />
        public Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken) =>
            Task.FromResult(_tokens.TryGetValue(key, out var token) ? token : null);

        /// <inheritdoc />
        public Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken)
        {
            _tokens[key] = token ?? throw new ArgumentNullException(nameof(token));
            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public Task RemoveAsync(string key, CancellationToken cancellationToken)
        {
            _tokens.TryRemove(key, out _);
            return Task.CompletedTask;
        }
    }

    /// <summary>An <see cref="IUserTokenStore"/> on <see cref="IDistributedCache"/>, shared by every instance of an app.</summary>
    public sealed class DistributedUserTokenStore : IUserTokenStore
    {
        private readonly IDistributedCache _cache;

        /// <summary>Creates a store on <paramref name="cache"/>.</summary>
        public DistributedUserTokenStore(IDistributedCache cache)
        {
            _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        }

        /// <inheritdoc />
        public async Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken)
        {
            var bytes = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return bytes is null ? null : OAuthTokenSerializer.Deserialize(bytes);
        }

        /// <inheritdoc />
        public Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken) =>
            _cache.SetAsync(key, OAuthTokenSerializer.Serialize(token), new DistributedCacheEntryOptions(), cancellationToken);

        /// <inheritdoc />
        public Task RemoveAsync(string key, CancellationToken cancellationToken) => _cache.RemoveAsync(key, cancellationToken);
    }
}
