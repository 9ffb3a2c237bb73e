using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>The bearer token handler on its own: its one retry after a 401, and the failures it passes on as they are.</summary>
    public class TokenHandlerRuleTests
    {
        private static HttpMessageInvoker Invoker(TokenSetup setup, HttpMessageHandler api) =>
            new(new ClientCredentialsTokenHandler<PoderoAuth>(setup.Tokens) { InnerHandler = api });

        private static HttpRequestMessage Request() => new(HttpMethod.Get, "https://api.test/data");

        [Fact]
        public async Task Made_without_a_logger_it_retries_a_401_with_a_new_token()
        {
            using var setup = new TokenSetup();
            var api = new ProtectedApi { Accepts = token => token != "token-1" };

            var response = await Invoker(setup, api).SendAsync(Request(), default);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new[] { "token-1", "token-2" }, api.SeenTokens.ToArray());
        }

        [Fact]
        public async Task A_failed_send_fails_with_its_own_exception()
        {
            using var setup = new TokenSetup();
            await setup.Tokens.GetTokenAsync();
            var api = new Failing(new HttpRequestException("connection refused"));

            var sending = Invoker(setup, api).SendAsync(Request(), default);

            await Assert.ThrowsAsync<HttpRequestException>(() => sending);
        }

        [Fact]
        public async Task When_the_provider_hands_out_the_refused_token_again_the_401_is_answered_without_a_second_try()
        {
            using var setup = new TokenSetup();
            setup.Endpoint.Answer = _ => ScriptedHandler.Token("the-same-token");
            var api = new ProtectedApi { Accepts = _ => false };

            var response = await Invoker(setup, api).SendAsync(Request(), default);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(new[] { "the-same-token" }, api.SeenTokens.ToArray());
            Assert.Equal(2, setup.Endpoint.Requests);
        }

        [Fact]
        public async Task The_401_that_is_retried_is_disposed_and_the_answer_to_the_retry_is_not()
        {
            using var setup = new TokenSetup();
            var first = new TrackedContent();
            var second = new TrackedContent();
            var api = new ScriptedHandler(request => request.Headers.Authorization?.Parameter == "token-1"
                ? new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = first }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = second });

            var response = await Invoker(setup, api).SendAsync(Request(), default);

            Assert.Equal((HttpStatusCode.OK, true, false), (response.StatusCode, first.Disposed, second.Disposed));
        }

        private sealed class Failing(Exception failure) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromException<HttpResponseMessage>(failure);
        }

        private sealed class TrackedContent : HttpContent
        {
            public bool Disposed { get; private set; }

            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.CompletedTask;

            protected override bool TryComputeLength(out long length)
            {
                length = 0;
                return true;
            }

            protected override void Dispose(bool disposing)
            {
                Disposed = true;
                base.Dispose(disposing);
            }
        }
    }
}
