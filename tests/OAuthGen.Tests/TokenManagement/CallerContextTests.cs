using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>
    /// Token management never resumes on the caller's synchronization context: a caller that blocks on the answer on
    /// a UI thread (or in classic ASP.NET) would otherwise deadlock. Every answer of the doubles here comes later and on
    /// that context, so that each await of the library is reached on it; none may post back to it.
    /// </summary>
    public class CallerContextTests
    {
        private static readonly DateTimeOffset Start = TokenManagementHarness.Start;

        private static OAuthToken Fresh(string accessToken) => new()
        {
            AccessToken = accessToken,
            TokenType = "Bearer",
            RefreshToken = "refresh-1",
            ExpiresIn = TimeSpan.FromHours(1),
            ExpiresAt = Start + TimeSpan.FromHours(1),
        };

        [Fact]
        public void A_token_request_does_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            using var setup = new TokenSetup();
            setup.Endpoint.Context = context;

            var token = context.Run(() => setup.Tokens.GetTokenAsync().AsTask());

            Assert.Equal(("token-1", 0), (token.AccessToken, context.Posts));
        }

        [Fact]
        public void A_token_request_through_a_shared_cache_and_request_lock_does_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            var cache = new ScriptedTokenCache { Context = context };
            var requestLock = new ScriptedLock { Context = context };
            using var setup = new TokenSetup(s => s.AddSingleton<IOAuthTokenCache>(cache).AddSingleton<IOAuthTokenRequestLock>(requestLock));
            setup.Endpoint.Context = context;

            var token = context.Run(() => setup.Tokens.GetTokenAsync().AsTask());

            Assert.Equal(("token-1", 2, 1, 1, 0), (token.AccessToken, cache.Reads, cache.Writes, requestLock.Released, context.Posts));
        }

        [Fact]
        public void A_token_stored_meanwhile_by_another_instance_is_read_without_resuming_on_the_callers_context()
        {
            var context = new CallerContext();
            var cache = new ScriptedTokenCache { Context = context };
            cache.NextReads.Enqueue(null);
            cache.NextReads.Enqueue(Fresh("from-another-instance"));
            var requestLock = new ScriptedLock { Context = context };
            using var setup = new TokenSetup(s => s.AddSingleton<IOAuthTokenCache>(cache).AddSingleton<IOAuthTokenRequestLock>(requestLock));

            var token = context.Run(() => setup.Tokens.GetTokenAsync().AsTask());

            Assert.Equal(("from-another-instance", 1, 0), (token.AccessToken, requestLock.Released, context.Posts));
        }

        [Fact]
        public void Waiting_for_another_instance_does_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            var cache = new ScriptedTokenCache { Context = context };
            cache.NextReads.Enqueue(null);
            cache.NextReads.Enqueue(Fresh("from-the-lock-holder"));
            var requestLock = new ScriptedLock { Context = context, Grant = false };
            using var setup = new TokenSetup(s => s.AddSingleton<IOAuthTokenCache>(cache).AddSingleton<IOAuthTokenRequestLock>(requestLock));

            var token = context.Run(() => setup.Tokens.GetTokenAsync().AsTask());

            Assert.Equal(("from-the-lock-holder", 0, 0), (token.AccessToken, setup.Endpoint.Requests, context.Posts));
        }

        [Fact]
        public void A_request_waiting_for_its_first_token_does_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            using var setup = new TokenSetup();
            setup.Endpoint.Context = context;

            var response = context.Run(() => setup.Api.GetAsync("data"));

            Assert.Equal((HttpStatusCode.OK, 0), (response.StatusCode, context.Posts));
        }

        [Fact]
        public async Task A_request_with_a_cached_token_and_an_api_that_answers_later_does_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            var api = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)) { Context = context };
            using var setup = new TokenSetup(api: api);
            await setup.Tokens.GetTokenAsync();

            var response = context.Run(() => setup.Api.GetAsync("data"));

            Assert.Equal((HttpStatusCode.OK, "token-1", 0), (response.StatusCode, api.SeenTokens.ToArray()[0], context.Posts));
        }

        [Fact]
        public async Task A_401_answered_at_once_and_the_new_token_that_comes_later_do_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            var api = new ProtectedApi { Accepts = token => token != "token-1" };
            using var setup = new TokenSetup(api: api);
            await setup.Tokens.GetTokenAsync();
            setup.Endpoint.Context = context;

            var response = context.Run(() => setup.Api.GetAsync("data"));

            Assert.Equal((HttpStatusCode.OK, 0), (response.StatusCode, context.Posts));
            Assert.Equal(new[] { "token-1", "token-2" }, api.SeenTokens.ToArray());
        }

        [Fact]
        public async Task The_retry_after_a_401_does_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            TokenSetup? owner = null;
            var api = new DelegateHandler(request =>
            {
                if (request.Headers.Authorization?.Parameter == "token-1")
                {
                    // Another caller replaces the refused token before this 401 arrives: the retry takes its token at once.
                    owner!.Tokens.GetTokenAsync(null, owner.Tokens.GetTokenAsync().AsTask().GetAwaiter().GetResult()).AsTask().GetAwaiter().GetResult();
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized));
                }

                return context.Later(() => new HttpResponseMessage(HttpStatusCode.OK));
            });
            using var setup = owner = new TokenSetup(api: api);
            await setup.Tokens.GetTokenAsync();

            var response = context.Run(() => setup.Api.GetAsync("data"));

            Assert.Equal((HttpStatusCode.OK, 2, 0), (response.StatusCode, setup.Endpoint.Requests, context.Posts));
        }

        [Fact]
        public async Task A_users_token_read_and_refreshed_does_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            var (tokens, store, endpoint, time) = UserTokens(context);
            await store.Inner.SetAsync("oauthgen:user:" + typeof(ConnectedHomeAuth).FullName + ":alice", Fresh("a1"), default);

            var fresh = context.Run(() => tokens.GetTokenAsync("alice"));
            time.Advance(TimeSpan.FromHours(2));
            var refreshed = context.Run(() => tokens.GetTokenAsync("alice"));

            Assert.Equal(("a1", "a-new", 1, 0), (fresh.AccessToken, refreshed.AccessToken, endpoint.Requests, context.Posts));
        }

        [Fact]
        public async Task A_refresh_behind_a_store_that_answers_at_once_does_not_resume_on_the_callers_context()
        {
            // The store completes synchronously, so the first await that waits is the refresh itself.
            var context = new CallerContext();
            var (tokens, store, endpoint, time) = UserTokens(context, synchronousStore: true);
            await store.Inner.SetAsync("oauthgen:user:" + typeof(ConnectedHomeAuth).FullName + ":alice", Fresh("a1"), default);
            time.Advance(TimeSpan.FromHours(2));

            var refreshed = context.Run(() => tokens.GetTokenAsync("alice"));

            Assert.Equal(("a-new", 1, 0), (refreshed.AccessToken, endpoint.Requests, context.Posts));
        }

        [Fact]
        public async Task A_refused_refresh_forgets_the_token_without_resuming_on_the_callers_context()
        {
            var context = new CallerContext();
            var (tokens, store, endpoint, time) = UserTokens(context);
            endpoint.Answer = _ => ScriptedHandler.Json(HttpStatusCode.BadRequest, "{\"error\":\"invalid_grant\"}");
            await store.Inner.SetAsync("oauthgen:user:" + typeof(ConnectedHomeAuth).FullName + ":alice", Fresh("a1"), default);
            time.Advance(TimeSpan.FromHours(2));

            var error = Assert.Throws<OAuthException>(() => context.Run(() => tokens.GetTokenAsync("alice")));

            Assert.Equal(("invalid_grant", 0), (error.Error, context.Posts));
            Assert.Null(await store.Inner.GetAsync("oauthgen:user:" + typeof(ConnectedHomeAuth).FullName + ":alice", default));
        }

        [Fact]
        public async Task The_distributed_caches_do_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            var distributed = new LaterDistributedCache(context);
            var tokenCache = new DistributedOAuthTokenCache(distributed, new FakeTimeProvider(Start));
            var userStore = new DistributedUserTokenStore(distributed);
            await tokenCache.SetAsync("cc", Fresh("cc-token"), default);
            await userStore.SetAsync("user", Fresh("user-token"), default);

            var cc = context.Run(() => tokenCache.GetAsync("cc", default));
            var user = context.Run(() => userStore.GetAsync("user", default));

            Assert.Equal(("cc-token", "user-token", 0), (cc?.AccessToken, user?.AccessToken, context.Posts));
        }

        [Fact]
        public void The_hybrid_cache_does_not_resume_on_the_callers_context()
        {
            var context = new CallerContext();
            var tokens = new HybridOAuthTokenCache(new LaterHybridCache(context), new FakeTimeProvider(Start));

            context.Run(async () =>
            {
                await tokens.SetAsync("k", Fresh("hybrid-token"), default);
                return 0;
            });
            var token = context.Run(() => tokens.GetAsync("k", default));

            // The test's own continuation after SetAsync is the one post allowed.
            Assert.Equal(("hybrid-token", 1), (token?.AccessToken, context.Posts));
        }

        private static (UserTokenManager<ConnectedHomeAuth> Tokens, LaterUserTokenStore Store, ScriptedHandler Endpoint, FakeTimeProvider Time) UserTokens(CallerContext context, bool synchronousStore = false)
        {
            var time = new FakeTimeProvider(Start);
            var endpoint = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.OK, "{\"access_token\":\"a-new\",\"token_type\":\"Bearer\",\"expires_in\":3600}")) { Context = context };
            var store = new LaterUserTokenStore(context) { Synchronous = synchronousStore };
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IUserTokenStore>(store);
            services.AddOAuthClient<ConnectedHomeAuth>(o =>
                {
                    o.ClientId = "id";
                    o.ClientSecret = "secret";
                    o.TokenEndpoint = new Uri("https://gateway.test/oauth/token");
                    o.RetryTransientFailures = false;
                })
                .ConfigurePrimaryHttpMessageHandler(() => endpoint);
            services.AddOAuthUserTokens<ConnectedHomeAuth>();
            return (services.BuildServiceProvider().GetRequiredService<UserTokenManager<ConnectedHomeAuth>>(), store, endpoint, time);
        }

        private sealed class DelegateHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> send) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => send(request);
        }

        internal sealed class LaterUserTokenStore(CallerContext context) : IUserTokenStore
        {
            public InMemoryUserTokenStore Inner { get; } = new();

            /// <summary>Whether it answers at once (as an in-memory store does) rather than later.</summary>
            public bool Synchronous { get; init; }

            public Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken) =>
                Synchronous ? Inner.GetAsync(key, cancellationToken) : context.Later(() => Inner.GetAsync(key, cancellationToken).Result);

            public Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken) =>
                Synchronous ? Inner.SetAsync(key, token, cancellationToken) : context.Later(() => Inner.SetAsync(key, token, cancellationToken).Wait());

            public Task RemoveAsync(string key, CancellationToken cancellationToken) =>
                Synchronous ? Inner.RemoveAsync(key, cancellationToken) : context.Later(() => Inner.RemoveAsync(key, cancellationToken).Wait());
        }

        private sealed class LaterDistributedCache(CallerContext context) : IDistributedCache
        {
            private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

            public byte[]? Get(string key) => _inner.Get(key);

            public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => context.Later(() => _inner.Get(key));

            public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _inner.Set(key, value, options);

            public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => _inner.SetAsync(key, value, options, token);

            public void Refresh(string key) => _inner.Refresh(key);

            public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

            public void Remove(string key) => _inner.Remove(key);

            public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);
        }

        /// <summary>A HybridCache whose every answer comes later, on the caller's context.</summary>
        private sealed class LaterHybridCache(CallerContext context) : HybridCache
        {
            private readonly Dictionary<string, object?> _entries = new();

            public override ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
                new(context.Later(() => _entries.TryGetValue(key, out var value) ? (T)value! : factory(state, cancellationToken).AsTask().GetAwaiter().GetResult()));

            public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
                new(context.Later(() => _entries[key] = value));

            public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => new(context.Later(() => _entries.Remove(key)));

            public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
        }
    }
}
