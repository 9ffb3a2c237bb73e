using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// Microsoft.Extensions.Http.Resilience on the token client's pipeline: the attempts are the handler's (OAuthGen's
    /// own retry steps aside), a single-use request (a code, a password) is never sent twice whatever the strategy asks,
    /// and cancellation ends the request at once. Delays are configured small: no test waits on a backoff.
    /// </summary>
    public sealed class ResilienceHandlerTests : IClassFixture<HostileServerFixture>, IDisposable
    {
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
        private readonly HostileTokenServer _server;
        private readonly List<ServiceProvider> _providers = new();

        public ResilienceHandlerTests(HostileServerFixture fixture)
        {
            _server = fixture.Server;
            _server.Reset();
        }

        public void Dispose()
        {
            foreach (var provider in _providers)
            {
                provider.Dispose();
            }
        }

        [Fact]
        public async Task With_the_standard_handler_the_attempts_are_the_handlers_alone()
        {
            var http = Client(token => token.AddStandardResilienceHandler(Fast));

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("always503")))).WaitAsync(Bound);

            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
            // 1 + MaxRetryAttempts (3), not twice that.
            Assert.Equal(4, _server.Count("always503"));
        }

        [Fact]
        public async Task A_retry_the_handler_makes_is_the_one_that_succeeds()
        {
            var http = Client(token => token.AddStandardResilienceHandler(Fast));

            var token = await HostileCalls.CallAsync(Auth.Post, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("flaky503"))).WaitAsync(Bound);

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
            Assert.Equal(2, _server.Count("flaky503"));
        }

        [Theory]
        [InlineData(Grant.AuthorizationCode, Auth.Basic)]
        [InlineData(Grant.AuthorizationCode, Auth.Post)]
        [InlineData(Grant.Password, Auth.Basic)]
        public async Task The_standard_handler_never_sends_a_single_use_request_twice(Grant grant, Auth auth)
        {
            var http = Client(token => token.AddStandardResilienceHandler(Fast));

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(auth, grant, http, HostileCredentials.Options(_server.Endpoint("always503")))).WaitAsync(Bound);

            Assert.Equal(1, _server.Count("always503"));
            Assert.Contains("a second time", error.Message);
            Assert.Equal(1, CountOf(grant == Grant.Password ? HostileCredentials.Password : HostileCredentials.Code, _server.Main.Text));
        }

        [Fact]
        public async Task With_the_hedging_handler_a_repeatable_request_is_hedged_once_and_not_retried_again()
        {
            var http = Client(token => token.AddStandardHedgingHandler().Configure(FastHedging));

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("always503")))).WaitAsync(Bound);

            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
            // The primary attempt and its one hedge (MaxHedgedAttempts = 1): OAuthGen added none.
            Assert.Equal(2, _server.Count("always503"));
        }

        [Theory]
        [InlineData(Auth.Basic)]
        [InlineData(Auth.Post)]
        public async Task Hedging_never_duplicates_a_code_exchange(Auth auth)
        {
            var http = Client(token => token.AddStandardHedgingHandler().Configure(FastHedging));

            // The primary attempt hangs; the hedge launched after 20 ms is refused before a byte of it leaves.
            await Assert.ThrowsAnyAsync<Exception>(() =>
                HostileCalls.CallAsync(auth, Grant.AuthorizationCode, http, HostileCredentials.Options(_server.Endpoint("hang")))).WaitAsync(Bound);

            Assert.Equal(1, _server.Count("hang"));
            Assert.True(CountOf(HostileCredentials.Code, _server.Main.Text) <= 1);
        }

        [Fact]
        public async Task Cancellation_ends_the_request_during_the_handlers_backoff()
        {
            var http = Client(token => token.AddStandardResilienceHandler(options =>
            {
                Fast(options);
                options.Retry.Delay = TimeSpan.FromMinutes(5);
            }));
            using var cancellation = new CancellationTokenSource();
            var call = HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("always503")), cancellationToken: cancellation.Token);
            Assert.True(await HostileServerFixture.EventuallyAsync(() => _server.Count("always503") == 1, Bound));

            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).WaitAsync(Bound);
            Assert.Equal(1, _server.Count("always503"));
        }

        [Fact]
        public async Task Cancellation_ends_a_hedged_request_that_hangs()
        {
            var http = Client(token => token.AddStandardHedgingHandler().Configure(options =>
            {
                FastHedging(options);
                options.Endpoint.Timeout.Timeout = TimeSpan.FromSeconds(10);
            }));
            using var cancellation = new CancellationTokenSource();
            var call = HostileCalls.CallAsync(Auth.Post, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("hang")), cancellationToken: cancellation.Token);
            Assert.True(await HostileServerFixture.EventuallyAsync(() => _server.Count("hang") == 2, Bound));

            cancellation.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).WaitAsync(Bound);
            Assert.True(await HostileServerFixture.EventuallyAsync(() => _server.PendingHandlers == 0, Bound));
        }

        private static void Fast(Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions options)
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(1);
            options.Retry.BackoffType = DelayBackoffType.Constant;
            options.Retry.UseJitter = false;
        }

        private static void FastHedging(Microsoft.Extensions.Http.Resilience.HttpStandardHedgingResilienceOptions options)
        {
            options.Hedging.Delay = TimeSpan.FromMilliseconds(20);
            options.Hedging.MaxHedgedAttempts = 1;
            options.Endpoint.Timeout.Timeout = TimeSpan.FromSeconds(1);
        }

        private static int CountOf(string what, string text)
        {
            var count = 0;
            for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private HttpClient Client(Action<IHttpClientBuilder> resilience)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            resilience(services.AddHttpClient("token"));
            var provider = services.BuildServiceProvider();
            _providers.Add(provider);
            return provider.GetRequiredService<IHttpClientFactory>().CreateClient("token");
        }
    }
}
