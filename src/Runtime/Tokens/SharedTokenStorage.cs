using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;

namespace OAuthGen.Tokens
{
    /// <summary>Encrypts tokens before a shared cache keeps them, and decrypts them when read back.</summary>
    public interface IOAuthTokenProtector
    {
        /// <summary>The encrypted form of <paramref name="plaintext"/>.</summary>
        byte[] Protect(byte[] plaintext);

        /// <summary>The plaintext of <paramref name="protectedData"/>; throws <see cref="CryptographicException"/> when it cannot be decrypted.</summary>
        byte[] Unprotect(byte[] protectedData);
    }

    /// <summary>
    /// An <see cref="IOAuthTokenProtector"/> on ASP.NET Core Data Protection: tokens at rest are encrypted and
    /// authenticated with the application's key ring, which every instance sharing the cache must share too.
    /// </summary>
    public sealed class DataProtectionTokenProtector : IOAuthTokenProtector
    {
        /// <summary>The purpose string that isolates OAuthGen's tokens from the application's other protected data.</summary>
        public const string Purpose = "OAuthGen.Tokens.v1";

        private readonly IDataProtector _protector;

        /// <summary>Creates a protector from <paramref name="provider"/> for <see cref="Purpose"/>.</summary>
        public DataProtectionTokenProtector(IDataProtectionProvider provider)
        {
            _protector = (provider ?? throw new ArgumentNullException(nameof(provider))).CreateProtector(Purpose);
        }

        /// <inheritdoc />
        public byte[] Protect(byte[] plaintext) => _protector.Protect(plaintext);

        /// <inheritdoc />
        public byte[] Unprotect(byte[] protectedData) => _protector.Unprotect(protectedData);
    }

    /// <summary>
    /// An <see cref="IOAuthTokenCache"/> on <see cref="HybridCache"/>: a local copy in each process (L1) and the
    /// distributed cache behind it (L2) when one is registered, with HybridCache's coalescing of concurrent reads.
    /// </summary>
    public sealed class HybridOAuthTokenCache : IOAuthTokenCache
    {
        private static readonly HybridCacheEntryOptions ReadOnly = new HybridCacheEntryOptions
        {
            Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
        };

        private readonly HybridCache _cache;
        private readonly TimeProvider _timeProvider;
        private readonly IOAuthTokenProtector? _protector;

        /// <summary>Creates a cache on <paramref name="cache"/>, encrypting with <paramref name="protector"/> when not null.</summary>
        public HybridOAuthTokenCache(HybridCache cache, TimeProvider? timeProvider = null, IOAuthTokenProtector? protector = null)
        {
            _cache = cache ?? throw new ArgumentNullException(nameof(cache));
            _timeProvider = timeProvider ?? TimeProvider.System;
            _protector = protector;
        }

        /// <inheritdoc />
        public async Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken)
        {
            // A look without a write: on a miss the factory answers "nothing", and nothing is stored.
            var bytes = await _cache.GetOrCreateAsync<byte[]?>(key, _ => default, ReadOnly, tags: null, cancellationToken).ConfigureAwait(false);
            return SharedTokenFormat.Read(bytes, _protector);
        }

        /// <inheritdoc />
        public async Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken)
        {
            var entry = new HybridCacheEntryOptions();
            if (SharedTokenFormat.TimeToLive(token, _timeProvider.GetUtcNow()) is { } lifetime)
            {
                if (lifetime <= TimeSpan.Zero)
                {
                    return;
                }

                entry = new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime };
            }

            await _cache.SetAsync(key, SharedTokenFormat.Write(token, _protector), entry, tags: null, cancellationToken).ConfigureAwait(false);
        }

        /// <inheritdoc />
        public Task RemoveAsync(string key, CancellationToken cancellationToken) => _cache.RemoveAsync(key, cancellationToken).AsTask();
    }

    /// <summary>
    /// A short lock in the store that the instances of an app share, so that of N instances asking at once for the same
    /// token, one asks the provider and the others read its answer from the shared cache.
    /// </summary>
    public interface IOAuthTokenRequestLock
    {
        /// <summary>
        /// Takes the lock named <paramref name="key"/> for at most <paramref name="duration"/>; null when another
        /// instance holds it. Throws (or does not finish) when the store is down: the caller then asks the provider itself.
        /// </summary>
        Task<IOAuthTokenLease?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken);
    }

    /// <summary>A lock taken with <see cref="IOAuthTokenRequestLock"/>.</summary>
    public interface IOAuthTokenLease
    {
        /// <summary>Releases the lock if this lease still holds it.</summary>
        Task ReleaseAsync();
    }

    /// <summary>How tokens are written to and read from shared caches, and for how long they are kept.</summary>
    internal static class SharedTokenFormat
    {
        private static readonly TimeSpan LongestMargin = TimeSpan.FromMinutes(1);

        /// <summary>
        /// A little less than what is left of the token's life (a tenth of it, at most a minute), so that no instance
        /// reads a token from the cache that expires on its way to the API; null for a token without an expiry.
        /// </summary>
        public static TimeSpan? TimeToLive(OAuthToken token, DateTimeOffset now)
        {
            if (token.ExpiresAt is not { } expiresAt)
            {
                return null;
            }

            var left = expiresAt - now;
            var margin = TimeSpan.FromTicks(Math.Min(left.Ticks / 10, LongestMargin.Ticks));
            return left - margin;
        }

        public static byte[] Write(OAuthToken token, IOAuthTokenProtector? protector)
        {
            var bytes = OAuthTokenSerializer.Serialize(token);
            return protector is null ? bytes : protector.Protect(bytes);
        }

        /// <summary>The token, or null for a missing entry or one that cannot be decrypted (another key ring, tampering).</summary>
        public static OAuthToken? Read(byte[]? bytes, IOAuthTokenProtector? protector)
        {
            if (bytes is null)
            {
                return null;
            }

            if (protector is not null)
            {
                try
                {
                    bytes = protector.Unprotect(bytes);
                }
                catch (CryptographicException)
                {
                    return null;
                }
            }

            return OAuthTokenSerializer.Deserialize(bytes);
        }
    }
}
