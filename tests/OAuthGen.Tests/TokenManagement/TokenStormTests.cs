using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>The token manager and the bearer handler under 10,000 concurrent callers.</summary>
    public class TokenStormTests(ITestOutputHelper output)
    {
        private const int Callers = 10_000;

        [Fact(Timeout = 60_000)]
        public async Task Ten_thousand_callers_through_an_expiry_and_a_401_wave_cost_one_request_per_expiry_and_one_replacement_per_wave()
        {
            var time = new FakeTimeProvider(TokenManagementHarness.Start);
            var endpoint = new CountingTokenEndpoint { ExpiresIn = 3600 };

            // Half of the callers reach a part of the API that has already revoked the second token.
            var api = new WaveApi { Revoked = "token-2" };
            await using var services = TokenManagementHarness.Build(endpoint, api.Protected, time);

            // 1. A cold start: every caller wants a token at once; the endpoint holds its answer until all have asked.
            var first = await Storm(services, endpoint);
            Assert.Equal(1, endpoint.Requests);
            Assert.All(first, status => Assert.Equal(HttpStatusCode.OK, status));

            // 2. The token expires for everyone at the same instant; the new one is refused by half of the API.
            time.Advance(TimeSpan.FromSeconds(3600));
            var second = await Storm(services, endpoint);
            Assert.Equal(3, endpoint.Requests); // the expiry's request, and one replacement for the whole 401 wave
            Assert.All(second, status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.Equal(Callers / 2, api.Refused);
            Assert.Equal(Callers / 2, api.SeenWith("token-3"));

            // 3. Calm again: the replacement serves everyone, with no request at all.
            var third = await Storm(services, endpoint);
            Assert.Equal(3, endpoint.Requests);
            Assert.All(third, status => Assert.Equal(HttpStatusCode.OK, status));
            output.WriteLine($"{3 * Callers} calls, {endpoint.Requests} token requests, {api.Refused} refused with 401 and retried");
        }

        private static async Task<HttpStatusCode[]> Storm(IServiceProvider services, CountingTokenEndpoint endpoint)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            endpoint.Gate = gate;
            var http = services.Api();
            var calls = new Task<HttpResponseMessage>[Callers];

            // From several threads at once. A call runs synchronously up to the token manager, so when Parallel.For
            // returns, every caller has joined the token request in flight or found a token cached.
            Parallel.For(0, Callers, i => calls[i] = http.GetAsync(i % 2 == 0 ? "calm/" + i : "revoking/" + i));
            gate.SetResult();
            var responses = await Task.WhenAll(calls);
            endpoint.Gate = null;
            return responses.Select(response => response.StatusCode).ToArray();
        }

        /// <summary>An API of two parts: "calm/" accepts every token, "revoking/" refuses the revoked one with 401.</summary>
        private sealed class WaveApi
        {
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _seen = new();
            private int _refused;

            public string? Revoked { get; set; }

            public int Refused => Volatile.Read(ref _refused);

            public ProtectedApi Protected => new() { AcceptsRequest = Accepts };

            public int SeenWith(string token) => _seen.TryGetValue(token, out var count) ? count : 0;

            private bool Accepts(HttpRequestMessage request, string? token)
            {
                _seen.AddOrUpdate(token ?? "", 1, (_, count) => count + 1);
                if (token == Revoked && request.RequestUri!.AbsolutePath.StartsWith("/revoking/", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _refused);
                    return false;
                }

                return true;
            }
        }
    }
}
