using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>HybridCache (Microsoft.Extensions.Caching.Hybrid) and Data Protection behind the shared token cache.</summary>
    public class HybridTokenCacheTests
    {
        private static ClientCredentialsTokenManager<PoderoAuth> Tokens(IServiceProvider services) =>
            services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();

        [Fact]
        public async Task AddHybridCache_with_AddOAuthDistributedTokenCache_serves_tokens_through_HybridCache()
        {
            var endpoint = new CountingTokenEndpoint();
            using var services = TokenManagementHarness.Build(endpoint, configure: s => s.AddHybridCache().Services.AddOAuthDistributedTokenCache());

            var token = await Tokens(services).GetTokenAsync();

            Assert.Equal("token-1", token.AccessToken);
            Assert.IsType<HybridOAuthTokenCache>(services.GetRequiredService<IOAuthTokenCache>());
            Assert.Equal(1, endpoint.Requests);
        }

        [Fact]
        public async Task Two_instances_on_one_distributed_cache_behind_HybridCache_share_one_token()
        {
            // Not MemoryDistributedCache itself, which HybridCache ignores as an L2 (it is in-process like its L1).
            var shared = new RecordingCache();
            var endpoint = new CountingTokenEndpoint();
            void UseHybrid(IServiceCollection s) => s.AddSingleton<IDistributedCache>(shared).AddHybridCache().Services.AddOAuthHybridTokenCache();
            using var first = TokenManagementHarness.Build(endpoint, configure: UseHybrid);
            using var second = TokenManagementHarness.Build(endpoint, configure: UseHybrid);

            var one = await Tokens(first).GetTokenAsync();
            var two = await Tokens(second).GetTokenAsync();

            Assert.Equal(1, endpoint.Requests);
            Assert.Equal((one.AccessToken, one.ExpiresAt), (two.AccessToken, two.ExpiresAt));
        }

        [Fact]
        public void AddOAuthHybridTokenCache_without_HybridCache_says_what_to_add()
        {
            var services = new ServiceCollection().AddOAuthHybridTokenCache().BuildServiceProvider();

            var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IOAuthTokenCache>());

            Assert.Contains("AddHybridCache()", error.Message);
        }

        [Fact]
        public async Task With_Data_Protection_registered_tokens_are_encrypted_at_rest_and_read_back_by_the_same_key_ring()
        {
            var shared = new RecordingCache();
            var keyRing = new EphemeralDataProtectionProvider();
            var endpoint = new CountingTokenEndpoint();
            void UseProtected(IServiceCollection s) => s.AddSingleton<IDistributedCache>(shared).AddSingleton<IDataProtectionProvider>(keyRing).AddOAuthDistributedTokenCache();
            using var first = TokenManagementHarness.Build(endpoint, configure: UseProtected);
            using var second = TokenManagementHarness.Build(endpoint, configure: UseProtected);

            var token = await Tokens(first).GetTokenAsync();
            var fromSecond = await Tokens(second).GetTokenAsync();

            Assert.Equal(1, endpoint.Requests);
            Assert.Equal(token.AccessToken, fromSecond.AccessToken);
            var stored = Encoding.UTF8.GetString(Assert.Single(shared.Written));
            Assert.DoesNotContain(token.AccessToken, stored);
            Assert.DoesNotContain("access_token", stored);
        }

        [Fact]
        public async Task An_instance_with_another_key_ring_cannot_read_the_token_and_asks_for_its_own()
        {
            var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
            var endpoint = new CountingTokenEndpoint();
            using var first = TokenManagementHarness.Build(endpoint, configure: s => s.AddSingleton<IDistributedCache>(shared).AddDataProtection().Services.AddOAuthDistributedTokenCache());
            using var second = TokenManagementHarness.Build(endpoint, configure: s => s.AddSingleton<IDistributedCache>(shared).AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()).AddOAuthDistributedTokenCache());

            var one = await Tokens(first).GetTokenAsync();
            var two = await Tokens(second).GetTokenAsync();

            Assert.Equal(2, endpoint.Requests);
            Assert.NotEqual(one.AccessToken, two.AccessToken);
        }

        [Theory]
        [InlineData(3600, 3540)] // a minute less, at most
        [InlineData(60, 54)]     // a tenth less for short tokens
        public void Shared_entries_live_a_little_less_than_the_token(int expiresIn, int keptFor)
        {
            var now = TokenManagementHarness.Start;
            var token = new OAuthToken { AccessToken = "t", ExpiresIn = TimeSpan.FromSeconds(expiresIn), ExpiresAt = now.AddSeconds(expiresIn) };

            Assert.Equal(TimeSpan.FromSeconds(keptFor), SharedTokenFormat.TimeToLive(token, now));
        }

        /// <summary>A distributed cache in memory that keeps every value written to it, as a store at rest would.</summary>
        private sealed class RecordingCache : IDistributedCache
        {
            private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

            public System.Collections.Concurrent.ConcurrentQueue<byte[]> Written { get; } = new();

            public byte[]? Get(string key) => _inner.Get(key);

            public Task<byte[]?> GetAsync(string key, System.Threading.CancellationToken token = default) => _inner.GetAsync(key, token);

            public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
            {
                Written.Enqueue(value);
                _inner.Set(key, value, options);
            }

            public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, System.Threading.CancellationToken token = default)
            {
                Written.Enqueue(value);
                return _inner.SetAsync(key, value, options, token);
            }

            public void Refresh(string key) => _inner.Refresh(key);

            public Task RefreshAsync(string key, System.Threading.CancellationToken token = default) => _inner.RefreshAsync(key, token);

            public void Remove(string key) => _inner.Remove(key);

            public Task RemoveAsync(string key, System.Threading.CancellationToken token = default) => _inner.RemoveAsync(key, token);
        }
    }
}

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>A shared store that is slow or whose lock is never free does not stop a token.</summary>
    public class SharedStoreFallbackTests
    {
        private sealed class SilentCache : IDistributedCache
        {
            private static Task<byte[]?> Never => new TaskCompletionSource<byte[]?>().Task;

            public byte[]? Get(string key) => throw new NotSupportedException();

            public Task<byte[]?> GetAsync(string key, System.Threading.CancellationToken token = default) => Never;

            public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException();

            public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, System.Threading.CancellationToken token = default) => Never;

            public void Refresh(string key) => throw new NotSupportedException();

            public Task RefreshAsync(string key, System.Threading.CancellationToken token = default) => Never;

            public void Remove(string key) => throw new NotSupportedException();

            public Task RemoveAsync(string key, System.Threading.CancellationToken token = default) => Never;
        }

        private sealed class AlwaysTakenLock : IOAuthTokenRequestLock
        {
            public int Attempts;

            public Task<IOAuthTokenLease?> TryAcquireAsync(string key, TimeSpan duration, System.Threading.CancellationToken cancellationToken)
            {
                System.Threading.Interlocked.Increment(ref Attempts);
                return Task.FromResult<IOAuthTokenLease?>(null);
            }
        }

        [Fact]
        public async Task A_store_that_never_answers_is_given_up_on_and_the_token_comes_from_the_provider_with_a_warning()
        {
            using var logs = new Infrastructure.TelemetryCapture();
            var endpoint = new CountingTokenEndpoint();
            using var services = TokenManagementHarness.Build(endpoint, configure: s => s
                .AddLogging(b => b.AddProvider(logs))
                .Configure<TokenManagementOptions>(o => o.SharedCacheTimeout = TimeSpan.FromMilliseconds(100))
                .AddSingleton<IDistributedCache>(new SilentCache())
                .AddOAuthDistributedTokenCache());

            var token = await services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>().GetTokenAsync();

            Assert.Equal("token-1", token.AccessToken);
            Assert.Contains(logs.Logs, l => l.EventId == 6 && l.Text.Contains("no answer within 0.1 s", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_lock_held_elsewhere_for_longer_than_RequestLockWait_leads_to_a_request_of_its_own()
        {
            var endpoint = new CountingTokenEndpoint();
            var requestLock = new AlwaysTakenLock();
            using var services = TokenManagementHarness.Build(endpoint, configure: s => s
                .Configure<TokenManagementOptions>(o => o.RequestLockWait = TimeSpan.FromMilliseconds(200))
                .AddDistributedMemoryCache()
                .AddSingleton<IOAuthTokenRequestLock>(requestLock)
                .AddOAuthDistributedTokenCache());

            var token = await services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>().GetTokenAsync();

            Assert.Equal(("token-1", 1, 1), (token.AccessToken, endpoint.Requests, requestLock.Attempts));
        }
    }
}
