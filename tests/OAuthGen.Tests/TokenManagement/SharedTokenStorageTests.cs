using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>The shared token caches (HybridCache, IDistributedCache) and the distributed user token store: what they write, for how long, and what they refuse to read.</summary>
    public class SharedTokenStorageTests
    {
        private static readonly DateTimeOffset Now = TokenManagementHarness.Start;

        private static OAuthToken Token(string accessToken, TimeSpan life) => new()
        {
            AccessToken = accessToken,
            TokenType = "Bearer",
            ExpiresIn = life,
            ExpiresAt = Now + life,
        };

        private static HybridCache Hybrid(IDistributedCache distributed) =>
            new ServiceCollection().AddSingleton(distributed).AddHybridCache().Services.BuildServiceProvider().GetRequiredService<HybridCache>();

        [Fact]
        public async Task A_HybridCache_miss_stores_nothing_so_a_token_another_instance_stores_later_is_seen()
        {
            var distributed = new RecordingDistributedCache();
            var looking = new HybridOAuthTokenCache(Hybrid(distributed), new FakeTimeProvider(Now));
            var storing = new HybridOAuthTokenCache(Hybrid(distributed), new FakeTimeProvider(Now));

            Assert.Null(await looking.GetAsync("k", default));
            Assert.Empty(distributed.Writes);
            await storing.SetAsync("k", Token("from-the-other", TimeSpan.FromHours(1)), default);

            Assert.Equal("from-the-other", (await looking.GetAsync("k", default))?.AccessToken);
        }

        [Fact]
        public async Task A_HybridCache_entry_expires_a_little_before_its_token()
        {
            var distributed = new RecordingDistributedCache();
            var tokens = new HybridOAuthTokenCache(Hybrid(distributed), new FakeTimeProvider(Now));

            await tokens.SetAsync("k", Token("t", TimeSpan.FromHours(1)), default);

            var (key, _, options) = Assert.Single(distributed.Writes);
            Assert.Equal("k", key);
            Assert.Equal(TimeSpan.FromMinutes(59), options.AbsoluteExpirationRelativeToNow);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-30)]
        public async Task A_token_at_or_past_its_expiry_is_not_stored_by_either_cache(int secondsLeft)
        {
            var token = Token("expiring", TimeSpan.FromSeconds(secondsLeft));
            var hybridL2 = new RecordingDistributedCache();
            var distributed = new RecordingDistributedCache();

            await new HybridOAuthTokenCache(Hybrid(hybridL2), new FakeTimeProvider(Now)).SetAsync("k", token, default);
            await new DistributedOAuthTokenCache(distributed, new FakeTimeProvider(Now)).SetAsync("k", token, default);

            Assert.Empty(hybridL2.Writes);
            Assert.Empty(distributed.Writes);
        }

        [Fact]
        public async Task A_token_without_an_expiry_is_stored_without_one()
        {
            var distributed = new RecordingDistributedCache();

            await new DistributedOAuthTokenCache(distributed, new FakeTimeProvider(Now)).SetAsync("k", new OAuthToken { AccessToken = "forever" }, default);

            Assert.Null(Assert.Single(distributed.Writes).Options.AbsoluteExpirationRelativeToNow);
            Assert.Equal("forever", (await new DistributedOAuthTokenCache(distributed).GetAsync("k", default))?.AccessToken);
        }

        [Fact]
        public async Task With_a_protector_a_plaintext_entry_planted_in_the_cache_is_refused()
        {
            var distributed = new RecordingDistributedCache();
            var protector = new DataProtectionTokenProtector(new EphemeralDataProtectionProvider());
            var tokens = new DistributedOAuthTokenCache(distributed, new FakeTimeProvider(Now), protector);
            await distributed.SetAsync("planted", OAuthTokenSerializer.Serialize(Token("attacker-token", TimeSpan.FromHours(1))), new DistributedCacheEntryOptions());
            await tokens.SetAsync("genuine", Token("genuine-token", TimeSpan.FromHours(1)), default);

            Assert.Null(await tokens.GetAsync("planted", default));
            Assert.Equal("genuine-token", (await tokens.GetAsync("genuine", default))?.AccessToken);
        }

        [Fact]
        public async Task The_distributed_user_token_store_keeps_removes_and_misses_tokens()
        {
            var distributed = new RecordingDistributedCache();
            var store = new DistributedUserTokenStore(distributed);
            var token = Token("user-access", TimeSpan.FromHours(1));
            token.RefreshToken = "user-refresh";

            Assert.Null(await store.GetAsync("alice", default));
            await store.SetAsync("alice", token, default);
            var read = await store.GetAsync("alice", default);
            await store.RemoveAsync("alice", default);

            Assert.Equal(("user-access", "user-refresh", token.ExpiresAt), (read?.AccessToken, read?.RefreshToken, read?.ExpiresAt));
            Assert.Null(await store.GetAsync("alice", default));
            Assert.Null(Assert.Single(distributed.Writes).Options.AbsoluteExpirationRelativeToNow);
        }

        [Fact]
        public async Task The_distributed_user_token_store_reads_a_corrupt_entry_as_none()
        {
            var distributed = new RecordingDistributedCache();
            await distributed.SetAsync("alice", new byte[] { 0xFF, 0x00, 0x12 }, new DistributedCacheEntryOptions());

            Assert.Null(await new DistributedUserTokenStore(distributed).GetAsync("alice", default));
        }

        [Fact]
        public void The_stores_refuse_a_missing_cache()
        {
            Assert.Equal("cache", Assert.Throws<ArgumentNullException>(() => new DistributedUserTokenStore(null!)).ParamName);
            Assert.Equal("cache", Assert.Throws<ArgumentNullException>(() => new DistributedOAuthTokenCache(null!)).ParamName);
            Assert.Equal("cache", Assert.Throws<ArgumentNullException>(() => new HybridOAuthTokenCache(null!)).ParamName);
        }

        /// <summary>A distributed cache in memory that keeps every write with its options.</summary>
        internal sealed class RecordingDistributedCache : IDistributedCache
        {
            private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

            public ConcurrentQueue<(string Key, byte[] Value, DistributedCacheEntryOptions Options)> Writes { get; } = new();

            public byte[]? Get(string key) => _inner.Get(key);

            public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

            public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
            {
                Writes.Enqueue((key, value, options));
                _inner.Set(key, value, options);
            }

            public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
            {
                Writes.Enqueue((key, value, options));
                return _inner.SetAsync(key, value, options, token);
            }

            public void Refresh(string key) => _inner.Refresh(key);

            public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

            public void Remove(string key) => _inner.Remove(key);

            public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);
        }
    }
}
