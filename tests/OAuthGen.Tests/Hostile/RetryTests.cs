using System;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// Retries only where a repeat is harmless: client credentials after a connection failure, 502, 503 or 504; a refresh
    /// token after a 503 or a failure before it was sent; never an authorization code or a password.
    /// </summary>
    public class RetryTests : IClassFixture<HostileServerFixture>
    {
        private readonly HostileTokenServer _server;
        private readonly SelfAdvancingTimeProvider _time = new();

        public RetryTests(HostileServerFixture fixture)
        {
            _server = fixture.Server;
            _server.Reset();
        }

        [Theory]
        [InlineData("flaky503", 1)]
        [InlineData("flaky502", 1)]
        [InlineData("flaky504", 1)]
        [InlineData("flaky503-retry-after-3", 3)]
        public async Task Client_credentials_are_retried_once_after_a_transient_failure(string scenario, int waitSeconds)
        {
            using var http = HostileCredentials.Http();

            var token = await HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint(scenario)), _time);

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
            Assert.Equal(2, _server.Count(scenario));
            // The wait: Retry-After when the server gives one (up to 5 s), one second otherwise; through the TimeProvider.
            Assert.Equal(new[] { TimeSpan.FromSeconds(waitSeconds) }, _time.Delays.ToArray());
        }

        [Fact]
        public async Task Client_credentials_are_retried_once_after_the_connection_drops()
        {
            using var http = HostileCredentials.Http();

            var token = await HostileCalls.CallAsync(Auth.Post, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("flaky-reset")), _time);

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
            Assert.Equal(2, _server.Count("flaky-reset"));
        }

        [Theory]
        [InlineData(Auth.Basic)]
        [InlineData(Auth.Post)]
        public async Task An_authorization_code_is_sent_exactly_once_even_when_the_server_answers_503(Auth auth)
        {
            using var http = HostileCredentials.Http();

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(auth, Grant.AuthorizationCode, http, HostileCredentials.Options(_server.Endpoint("flaky503")), _time));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
            Assert.Equal(1, _server.Count("flaky503"));
            Assert.Single(Regex.Matches(_server.Main.Text, "code=" + HostileCredentials.Code));
            Assert.Empty(_time.Delays);
        }

        [Theory]
        [InlineData(Grant.AuthorizationCode, "flaky-reset")]
        [InlineData(Grant.AuthorizationCode, "flaky502")]
        [InlineData(Grant.AuthorizationCode, "flaky504")]
        [InlineData(Grant.Password, "flaky503")]
        [InlineData(Grant.Password, "flaky-reset")]
        [InlineData(Grant.RefreshToken, "flaky502")]
        [InlineData(Grant.RefreshToken, "flaky504")]
        [InlineData(Grant.RefreshToken, "flaky-reset")]
        public async Task Grants_that_cannot_safely_be_repeated_are_sent_once(Grant grant, string scenario)
        {
            using var http = HostileCredentials.Http();

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Post, grant, http, HostileCredentials.Options(_server.Endpoint(scenario)), _time));

            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(1, _server.Count(scenario));
        }

        [Fact]
        public async Task A_refresh_is_retried_after_a_503_which_means_it_was_not_processed()
        {
            using var http = HostileCredentials.Http();

            var token = await HostileCalls.CallAsync(Auth.Basic, Grant.RefreshToken, http, HostileCredentials.Options(_server.Endpoint("flaky503")), _time);

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
            Assert.Equal(2, _server.Count("flaky503"));
        }

        [Fact]
        public async Task A_refresh_is_retried_when_the_connection_failed_before_it_was_sent()
        {
            // Nothing listens on the first address: the connection is refused before a byte of the body is written.
            using var http = new System.Net.Http.HttpClient(new FirstAttemptElsewhere(new System.Net.Http.SocketsHttpHandler()));

            var token = await HostileCalls.CallAsync(Auth.Post, Grant.RefreshToken, http, HostileCredentials.Options(_server.Endpoint("ok")), _time);

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
            Assert.Equal(1, _server.Count("ok"));
        }

        [Fact]
        public async Task A_wait_longer_than_five_seconds_is_not_waited_for()
        {
            using var http = HostileCredentials.Http();

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("unavailable")), _time));

            Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
            Assert.Contains("retry after 120 s", error.Message);
            Assert.Equal(1, _server.Count("unavailable"));
            Assert.Empty(_time.Delays);
        }

        [Fact]
        public async Task Retries_can_be_turned_off()
        {
            using var http = HostileCredentials.Http();
            var options = HostileCredentials.Options(_server.Endpoint("flaky503"));
            options.RetryTransientFailures = false;

            await Assert.ThrowsAsync<OAuthException>(() => HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, options, _time));

            Assert.Equal(1, _server.Count("flaky503"));
        }

        [Fact]
        public async Task A_retry_is_retried_no_further()
        {
            using var http = HostileCredentials.Http();

            // Both attempts meet a 503 that asks for no wait beyond the cap: two requests, then the error.
            var first = HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("always503")), _time);
            var error = await Assert.ThrowsAsync<OAuthException>(() => first);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
            Assert.Equal(2, _server.Count("always503"));
        }

        /// <summary>Sends the first attempt to a closed port, the next ones where they were addressed.</summary>
        private sealed class FirstAttemptElsewhere(System.Net.Http.HttpMessageHandler inner) : System.Net.Http.DelegatingHandler(inner)
        {
            private int _attempts;

            protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref _attempts) > 1)
                {
                    return await base.SendAsync(request, cancellationToken);
                }

                var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                var original = request.RequestUri!;
                request.RequestUri = new UriBuilder(original) { Port = port }.Uri;
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                finally
                {
                    request.RequestUri = original;
                }
            }
        }
    }
}

namespace OAuthGen.Tests.Hostile
{
    public class RetryPolicyTests
    {
        [Theory]
        [InlineData("client_credentials", ClientAuthMethod.ClientSecretBasic, true, "Repeatable")]
        [InlineData("client_credentials", ClientAuthMethod.ClientSecretPost, true, "Repeatable")]
        [InlineData("client_credentials", ClientAuthMethod.None, true, "Repeatable")]
        [InlineData("refresh_token", ClientAuthMethod.ClientSecretBasic, true, "WhenUndelivered")]
        [InlineData("client_credentials", ClientAuthMethod.ClientSecretBasic, false, "Never")]
        [InlineData("client_credentials", ClientAuthMethod.PrivateKeyJwt, true, "Never")]
        [InlineData("refresh_token", ClientAuthMethod.ClientSecretJwt, true, "Never")]
        [InlineData("authorization_code", ClientAuthMethod.ClientSecretBasic, true, "Never")]
        [InlineData("password", ClientAuthMethod.ClientSecretPost, true, "Never")]
        [InlineData("urn:ietf:params:oauth:grant-type:device_code", ClientAuthMethod.None, true, "Never")]
        [InlineData("urn:ietf:params:oauth:grant-type:token-exchange", ClientAuthMethod.ClientSecretBasic, true, "Never")]
        [InlineData("device_authorization", ClientAuthMethod.None, true, "Never")]
        [InlineData("revocation", ClientAuthMethod.ClientSecretBasic, true, "Never")]
        [InlineData("introspection", ClientAuthMethod.ClientSecretBasic, true, "Never")]
        public void Only_client_credentials_and_refresh_tokens_are_ever_sent_again(string operation, ClientAuthMethod clientAuth, bool enabled, string expected)
        {
            Xunit.Assert.Equal(expected, global::OAuthGen.Infrastructure.TokenRetry.For(operation, clientAuth, enabled).ToString());
        }
    }
}
