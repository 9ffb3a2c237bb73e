using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    public class ClientCredentialsTokenTests
    {
        private const int Callers = 500;

        [Fact]
        public async Task Hundreds_of_callers_on_an_empty_cache_make_one_token_request()
        {
            var endpoint = new CountingTokenEndpoint { Gate = new TaskCompletionSource() };
            var api = new ProtectedApi();
            using var services = TokenManagementHarness.Build(endpoint, api);
            var http = services.Api();

            var calls = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => http.GetAsync("data"))).ToArray();
            await WaitUntil(() => endpoint.Requests == 1);
            endpoint.Gate.SetResult();
            var responses = await Task.WhenAll(calls);

            Assert.Equal(1, endpoint.Requests);
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            Assert.All(api.SeenTokens, token => Assert.Equal("token-1", token));
            Assert.Equal(Callers, api.SeenTokens.Count);
        }

        [Fact]
        public async Task Hundreds_of_callers_on_an_expired_token_make_one_more_request()
        {
            var time = new FakeTimeProvider(TokenManagementHarness.Start);
            var endpoint = new CountingTokenEndpoint();
            using var services = TokenManagementHarness.Build(endpoint, time: time);
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();
            Assert.Equal("token-1", (await tokens.GetTokenAsync()).AccessToken);

            time.Advance(TimeSpan.FromHours(1));
            var results = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () => await tokens.GetTokenAsync())));

            Assert.Equal(2, endpoint.Requests);
            Assert.All(results, token => Assert.Equal("token-2", token.AccessToken));
        }

        [Fact]
        public async Task A_token_is_renewed_the_configured_skew_before_it_expires()
        {
            var time = new FakeTimeProvider(TokenManagementHarness.Start);
            var endpoint = new CountingTokenEndpoint { ExpiresIn = 3600 };
            using var services = TokenManagementHarness.Build(endpoint, time: time,
                configure: s => s.Configure<TokenManagementOptions>(o => o.RefreshBeforeExpiry = TimeSpan.FromMinutes(5)));
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();

            await tokens.GetTokenAsync();
            time.Advance(TimeSpan.FromSeconds(3600 - 300 - 1));
            Assert.Equal("token-1", (await tokens.GetTokenAsync()).AccessToken);
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("token-2", (await tokens.GetTokenAsync()).AccessToken);
        }

        [Fact]
        public async Task A_short_lived_token_is_renewed_at_half_its_life_rather_than_on_every_call()
        {
            var time = new FakeTimeProvider(TokenManagementHarness.Start);
            var endpoint = new CountingTokenEndpoint { ExpiresIn = 60 };
            using var services = TokenManagementHarness.Build(endpoint, time: time,
                configure: s => s.Configure<TokenManagementOptions>(o => o.RefreshBeforeExpiry = TimeSpan.FromMinutes(5)));
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();

            await tokens.GetTokenAsync();
            time.Advance(TimeSpan.FromSeconds(29));
            Assert.Equal("token-1", (await tokens.GetTokenAsync()).AccessToken);
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("token-2", (await tokens.GetTokenAsync()).AccessToken);
        }

        [Fact]
        public async Task A_failure_is_shared_by_those_waiting_for_it_and_not_remembered()
        {
            var endpoint = new CountingTokenEndpoint
            {
                Gate = new TaskCompletionSource(),
                Failure = () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>down</html>") },
            };
            // Without the runtime's one retry after a 503: its wait would be on the harness's fake clock.
            using var services = TokenManagementHarness.Build(endpoint, configure: s => s.PostConfigureAll<OAuthClientOptions>(o => o.RetryTransientFailures = false));
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();

            var waiting = Enumerable.Range(0, 50).Select(_ => tokens.GetTokenAsync().AsTask()).ToArray();
            await WaitUntil(() => endpoint.Requests == 1);
            endpoint.Gate.SetResult();
            foreach (var call in waiting)
            {
                var error = await Assert.ThrowsAsync<OAuthException>(() => call);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
            }

            Assert.Equal(1, endpoint.Requests);
            endpoint.Failure = null;
            Assert.Equal("token-2", (await tokens.GetTokenAsync()).AccessToken);
        }

        [Fact]
        public async Task A_401_is_retried_once_with_a_new_token()
        {
            var endpoint = new CountingTokenEndpoint();
            var api = new ProtectedApi { Accepts = token => token != "token-1" };
            using var services = TokenManagementHarness.Build(endpoint, api);

            var response = await services.Api().GetAsync("data");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new[] { "token-1", "token-2" }, api.SeenTokens.ToArray());
            Assert.Equal(2, endpoint.Requests);
        }

        [Fact]
        public async Task An_api_that_refuses_every_token_gets_one_retry_only()
        {
            var endpoint = new CountingTokenEndpoint();
            var api = new ProtectedApi { Accepts = _ => false };
            using var services = TokenManagementHarness.Build(endpoint, api);

            var response = await services.Api().GetAsync("data");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(2, api.SeenTokens.Count);
        }

        [Fact]
        public async Task Concurrent_401s_replace_the_rejected_token_once()
        {
            var endpoint = new CountingTokenEndpoint();
            var api = new ProtectedApi { Accepts = token => token != "token-1" };
            using var services = TokenManagementHarness.Build(endpoint, api);
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();
            await tokens.GetTokenAsync();

            var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => services.Api().GetAsync("data"))));

            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            Assert.Equal(2, endpoint.Requests);
        }

        [Fact]
        public async Task A_cancelled_caller_stops_waiting_while_the_shared_request_goes_on()
        {
            var endpoint = new CountingTokenEndpoint { Gate = new TaskCompletionSource() };
            using var services = TokenManagementHarness.Build(endpoint);
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();
            using var cancellation = new CancellationTokenSource();

            var patient = tokens.GetTokenAsync().AsTask();
            var impatient = tokens.GetTokenAsync(null, cancellation.Token).AsTask();
            await WaitUntil(() => endpoint.Requests == 1);
            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
            Assert.False(patient.IsCompleted);
            endpoint.Gate.SetResult();
            Assert.Equal("token-1", (await patient).AccessToken);
            Assert.Equal(1, endpoint.Requests);
        }

        [Fact]
        public async Task A_cancelled_api_call_is_cancelled()
        {
            var endpoint = new CountingTokenEndpoint { Gate = new TaskCompletionSource() };
            using var services = TokenManagementHarness.Build(endpoint);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => services.Api().GetAsync("data", cancellation.Token));
        }

        [Fact]
        public async Task Two_scopes_never_share_a_token()
        {
            var endpoint = new CountingTokenEndpoint();
            using var services = TokenManagementHarness.Build(endpoint);
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();

            var read = await tokens.GetTokenAsync("read");
            var write = await tokens.GetTokenAsync("write");

            Assert.NotEqual(read.AccessToken, write.AccessToken);
            Assert.Equal(read.AccessToken, (await tokens.GetTokenAsync("read")).AccessToken);
            Assert.Contains(endpoint.Bodies, body => body.Contains("\"scope\":\"read\""));
            Assert.Contains(endpoint.Bodies, body => body.Contains("\"scope\":\"write\""));
        }

        [Fact]
        public async Task Instances_sharing_a_distributed_cache_share_one_token()
        {
            var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
            var endpoint = new CountingTokenEndpoint();
            void UseShared(IServiceCollection s) => s.AddSingleton<IDistributedCache>(shared).AddOAuthDistributedTokenCache();
            using var first = TokenManagementHarness.Build(endpoint, configure: UseShared);
            using var second = TokenManagementHarness.Build(endpoint, configure: UseShared);

            var one = await first.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>().GetTokenAsync();
            var two = await second.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>().GetTokenAsync();

            Assert.Equal(1, endpoint.Requests);
            Assert.Equal(one.AccessToken, two.AccessToken);
            Assert.Equal(one.ExpiresAt, two.ExpiresAt);
        }

        [Fact]
        public async Task Two_client_ids_or_two_providers_never_share_a_cache_entry()
        {
            var shared = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
            var endpoint = new CountingTokenEndpoint();
            void UseShared(IServiceCollection s) => s.AddSingleton<IDistributedCache>(shared).AddOAuthDistributedTokenCache();
            using var alice = TokenManagementHarness.Build(endpoint, configure: UseShared, clientId: "alice");
            using var bob = TokenManagementHarness.Build(endpoint, configure: UseShared, clientId: "bob");
            using var otherProvider = TokenManagementHarness.Build(endpoint, configure: s =>
            {
                UseShared(s);
                s.AddOAuthClient<ConnectedHomeAuth>(o =>
                    {
                        o.ClientId = "alice";
                        o.ClientSecret = "x";
                        o.TokenEndpoint = new Uri("https://auth.test/oauth2/token/");
                    })
                    .ConfigurePrimaryHttpMessageHandler(() => endpoint);
                s.AddHttpClient("gateway").AddClientCredentialsToken<ConnectedHomeAuth>();
            }, clientId: "alice");

            var tokens = new[]
            {
                (await alice.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>().GetTokenAsync()).AccessToken,
                (await bob.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>().GetTokenAsync()).AccessToken,
                (await otherProvider.GetRequiredService<ClientCredentialsTokenManager<ConnectedHomeAuth>>().GetTokenAsync()).AccessToken,
            };

            Assert.Equal(3, endpoint.Requests);
            Assert.Equal(3, tokens.Distinct().Count());
        }

        [Fact]
        public void Missing_credentials_are_reported_at_start_up_with_where_to_set_them()
        {
            var services = new ServiceCollection();
            services.AddOAuthClient<PoderoAuth>("OAuth:Podero");
            services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(typeof(PoderoAuth).FullName));

            Assert.Contains("PoderoAuth: ClientId is missing. Set OAuth:Podero:ClientId", error.Message);
            Assert.Contains("ClientSecret is missing", error.Message);
            Assert.Contains("client_secret_basic", error.Message);
        }

        [Fact]
        public async Task Options_are_read_from_configuration()
        {
            var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
                .AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
                {
                    ["OAuth:Podero:ClientId"] = "configured-id",
                    ["OAuth:Podero:ClientSecret"] = "configured-secret",
                    ["OAuth:Podero:TokenEndpoint"] = "https://sandbox.test/oauth2/token/",
                    ["OAuth:Podero:Scope"] = "read write",
                    ["OAuth:Podero:MaxResponseBytes"] = "4096",
                })
                .Build();
            var endpoint = new CountingTokenEndpoint();
            var services = new ServiceCollection();
            services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
            services.AddOAuthClient<PoderoAuth>("OAuth:Podero").ConfigurePrimaryHttpMessageHandler(() => endpoint);
            using var provider = services.BuildServiceProvider();

            // Through the interface a caller sees, with the generated method's defaults; Options without a cast.
            IClientCredentialsTokenClient client = provider.GetRequiredService<PoderoAuth>();
            await client.RequestClientCredentialsTokenAsync();

            var options = provider.GetRequiredService<PoderoAuth>().Options;
            Assert.Same(options, client.Options);
            Assert.Equal(("configured-id", "configured-secret", "read write", 4096), (options.ClientId, options.ClientSecret, options.Scope, options.MaxResponseBytes));
            Assert.Equal("https://sandbox.test/oauth2/token/", options.TokenEndpoint!.AbsoluteUri);
            Assert.Equal("{\"grant_type\":\"client_credentials\",\"scope\":\"read write\"}", Assert.Single(endpoint.Bodies));
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            for (var i = 0; i < 500 && !condition(); i++)
            {
                await Task.Delay(10);
            }

            Assert.True(condition());
        }
    }
}
