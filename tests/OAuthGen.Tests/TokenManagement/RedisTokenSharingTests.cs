using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuthGen.Tests.Infrastructure;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using StackExchange.Redis;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>Instances of an app sharing tokens through a real Redis: Microsoft.Extensions.Caching.StackExchangeRedis and the Redis request lock.</summary>
    public class RedisTokenSharingTests : IClassFixture<RedisServer>
    {
        private readonly RedisServer _redis;

        public RedisTokenSharingTests(RedisServer redis)
        {
            _redis = redis;
        }

        private static ServiceProvider Instance(RedisServer redis, CountingTokenEndpoint endpoint, TelemetryCapture logs, string clientId) =>
            TokenManagementHarness.Build(endpoint, clientId: clientId, configure: s => s
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
                .AddStackExchangeRedisCache(o => o.Configuration = redis.Configuration)
                .AddOAuthDistributedTokenCache()
                .AddOAuthRedisTokenRequestLock(redis.Configuration));

        private static ClientCredentialsTokenManager<PoderoAuth> Tokens(IServiceProvider services) =>
            services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();

        [Fact]
        public async Task The_connection_the_lock_opens_for_itself_closes_with_the_service_provider()
        {
            await using var observer = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration + ",allowAdmin=true");
            var server = observer.GetServer(observer.GetEndPoints()[0]);
            var name = "oauthgen-lock-" + Guid.NewGuid().ToString("N");
            var services = new ServiceCollection().AddOAuthRedisTokenRequestLock(_redis.Configuration + ",name=" + name).BuildServiceProvider();

            // Callers racing on first use share one connection.
            var requestLock = services.GetRequiredService<IOAuthTokenRequestLock>();
            var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => requestLock.TryAcquireAsync("oauthgen:test:" + name + ":" + i, TimeSpan.FromSeconds(5), CancellationToken.None)));
            Assert.All(leases, Assert.NotNull);
            await Task.WhenAll(leases.Select(lease => lease!.ReleaseAsync()));
            Assert.Contains(server.ClientList(), client => client.Name == name);

            services.Dispose();

            for (var attempt = 0; attempt < 100 && server.ClientList().Any(client => client.Name == name); attempt++)
            {
                await Task.Delay(50);
            }

            Assert.DoesNotContain(server.ClientList(), client => client.Name == name);
        }

        [Fact]
        public async Task Two_service_providers_share_one_token_through_Redis()
        {
            using var logs = new TelemetryCapture();
            var endpoint = new CountingTokenEndpoint();
            var clientId = "sharing-" + Guid.NewGuid().ToString("N");
            using var first = Instance(_redis, endpoint, logs, clientId);
            using var second = Instance(_redis, endpoint, logs, clientId);

            var one = await Tokens(first).GetTokenAsync();
            var two = await Tokens(second).GetTokenAsync();

            Assert.Equal(1, endpoint.Requests);
            Assert.Equal((one.AccessToken, one.ExpiresAt), (two.AccessToken, two.ExpiresAt));
        }

        [Fact]
        public async Task Of_five_instances_asking_at_once_one_asks_the_provider()
        {
            using var logs = new TelemetryCapture();
            var endpoint = new CountingTokenEndpoint { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
            var clientId = "stampede-" + Guid.NewGuid().ToString("N");
            var instances = Enumerable.Range(0, 5).Select(_ => Instance(_redis, endpoint, logs, clientId)).ToArray();
            try
            {
                var asking = instances.Select(i => Tokens(i).GetTokenAsync().AsTask()).ToArray();

                // The lock holder is at the provider; the four others wait for its answer in Redis. Then it answers.
                await WaitUntil(() => endpoint.Requests == 1 && logs.Logs.Count(l => l.EventId == 7) == 4);
                endpoint.Gate.SetResult();
                var tokens = await Task.WhenAll(asking);

                Assert.Equal(1, endpoint.Requests);
                Assert.Single(tokens.Select(t => t.AccessToken).Distinct());
            }
            finally
            {
                foreach (var instance in instances)
                {
                    instance.Dispose();
                }
            }
        }

        [Fact]
        public async Task Redis_killed_mid_run_tokens_still_come_from_the_provider_with_a_warning()
        {
            // A server of its own: the one the other tests share stays up.
            var redis = new RedisServer();
            await redis.InitializeAsync();
            try
            {
                using var logs = new TelemetryCapture();
                var endpoint = new CountingTokenEndpoint();
                var clientId = "crash-" + Guid.NewGuid().ToString("N");
                using var first = Instance(redis, endpoint, logs, clientId);
                using var second = Instance(redis, endpoint, logs, clientId);
                var before = await Tokens(first).GetTokenAsync();
                Assert.Equal(before.AccessToken, (await Tokens(second).GetTokenAsync()).AccessToken);

                redis.Kill();
                var cached = await Tokens(second).GetTokenAsync();
                var afterCrash = await Tokens(second).GetTokenAsync("after-crash");

                Assert.Equal(before.AccessToken, cached.AccessToken);
                Assert.Equal(2, endpoint.Requests);
                Assert.NotEqual(before.AccessToken, afterCrash.AccessToken);
                var warnings = logs.Logs.Where(l => l.EventId == 6).Select(l => l.Text).ToList();
                Assert.NotEmpty(warnings);
                Assert.All(warnings, text => Assert.Contains("Warning", text));
                Assert.All(warnings, text => Assert.DoesNotContain(afterCrash.AccessToken, text));
            }
            finally
            {
                await redis.DisposeAsync();
            }
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            for (var i = 0; i < 1000 && !condition(); i++)
            {
                await Task.Delay(10);
            }

            Assert.True(condition());
        }
    }
}
