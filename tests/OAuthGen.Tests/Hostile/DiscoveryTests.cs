using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// A provider whose endpoints come from its metadata, served by the hostile server: a broken metadata document is an
    /// OAuthException, a hanging one honours the timeout and the caller's cancellation, and one served from another
    /// origin after a redirect is not believed.
    /// </summary>
    public class DiscoveryTests : IClassFixture<HostileServerFixture>
    {
        private readonly HostileTokenServer _server;

        public DiscoveryTests(HostileServerFixture fixture)
        {
            _server = fixture.Server;
            _server.Reset();
        }

        [Fact]
        public async Task Metadata_that_names_the_token_endpoint_leads_to_a_token()
        {
            using var http = HostileCredentials.Http();

            var token = await Client(http, "discovery").RequestClientCredentialsTokenAsync();

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
            Assert.Equal(1, _server.Count("ok"));
        }

        [Theory]
        [InlineData("html500", "answered HTTP 500")]
        [InlineData("truncated-length", "broke off before its end")]
        [InlineData("truncated-json", "is not valid JSON")]
        [InlineData("invalid-utf8", "publishes no token endpoint")]
        [InlineData("empty", "is not valid JSON")]
        [InlineData("ok", "publishes no token endpoint")]
        [InlineData("huge", "larger than 1048576 bytes")]
        [InlineData("redirect-307-port", "was redirected to another origin")]
        [InlineData("redirect-302-host", "was redirected to another origin")]
        public async Task Broken_metadata_is_an_OAuthException_that_says_what_went_wrong(string scenario, string says)
        {
            using var http = HostileCredentials.Http();

            var error = await Record.ExceptionAsync(() => Client(http, scenario).RequestClientCredentialsTokenAsync());

            var oauth = Assert.IsType<OAuthException>(error);
            Assert.True(oauth.Message.Contains(says), oauth.Message);
            Assert.DoesNotContain(HostileTokenServer.StolenAccessToken, oauth.ToString());
        }

        [Theory]
        [InlineData("hang", "did not answer within 0.5 s")]
        [InlineData("stall-body", "did not arrive within 0.5 s")]
        public async Task Metadata_that_never_comes_times_out(string scenario, string says)
        {
            using var http = HostileCredentials.Http(TimeSpan.FromMilliseconds(500));

            var error = await Assert.ThrowsAsync<OAuthException>(() => Client(http, scenario).RequestClientCredentialsTokenAsync());

            Assert.Contains(says, error.Message);
            await _server.HangAborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        [Fact]
        public async Task The_caller_may_give_up_on_a_metadata_fetch_before_HttpClient_Timeout()
        {
            using var http = HostileCredentials.Http(TimeSpan.FromSeconds(5));
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(http, "hang").RequestClientCredentialsTokenAsync(cancellationToken: cancellation.Token));

            Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
            // The shared fetch itself ends with HttpClient.Timeout: nothing is left waiting on the server.
            await _server.HangAborted.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }

        [Fact]
        public async Task Metadata_over_plain_http_to_another_host_is_refused_before_it_is_fetched()
        {
            var options = HostileCredentials.Options(null!);
            options.MetadataAddress = new Uri("http://issuer.example/.well-known/openid-configuration");
            var handler = Infrastructure.StubHandler.Answer(System.Net.HttpStatusCode.OK, "{}");

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new HostileDiscoveryAuth(new System.Net.Http.HttpClient(handler), options).RequestClientCredentialsTokenAsync());

            Assert.Contains("metadata address", error.Message);
            Assert.Empty(handler.Requests);
        }

        private HostileDiscoveryAuth Client(System.Net.Http.HttpClient http, string scenario)
        {
            var options = HostileCredentials.Options(null!);
            // A fresh address per test: the metadata cache remembers a good document for an hour.
            options.MetadataAddress = new Uri(_server.BaseAddress, scenario + "/.well-known/openid-configuration?test=" + Guid.NewGuid().ToString("N"));
            return new HostileDiscoveryAuth(http, options);
        }
    }
}
