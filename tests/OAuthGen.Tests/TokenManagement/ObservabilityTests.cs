using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuthGen.Tests.Infrastructure;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    [Collection(nameof(ObservabilityTests))] // listens to process-wide ActivitySource and Meter
    public class ObservabilityTests
    {
        private const string ClientSecret = "client-secret-Sentinel-8b1f";
        private const string AccessToken = "access-token-Sentinel-3c9d";

        [Fact]
        public async Task Logs_spans_and_metrics_describe_token_traffic_without_a_secret_or_a_token()
        {
            using var capture = new TelemetryCapture();
            var endpoint = new ScriptedTokenEndpoint();
            var api = new ProtectedApi { Accepts = token => token == AccessToken };
            using var services = BuildWithLogging(endpoint, api, capture);

            endpoint.Next = () => Answer(HttpStatusCode.OK, $"{{\"access_token\":\"{AccessToken}\",\"token_type\":\"Bearer\",\"expires_in\":3600}}");
            await services.Api().GetAsync("data");
            await services.Api().GetAsync("data");
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();
            endpoint.Next = () => Answer(HttpStatusCode.Unauthorized, $"{{\"error\":\"invalid_client\",\"error_description\":\"bad secret {ClientSecret}\"}}");
            var error = await Assert.ThrowsAsync<OAuthException>(() => tokens.GetTokenAsync("other").AsTask());

            Assert.Contains(capture.Logs, log => log.EventId == 1);
            Assert.Contains(capture.Logs, log => log.EventId == 2);
            Assert.Contains(capture.Logs, log => log.EventId == 3);
            Assert.Contains(capture.Logs, log => log.EventId == 4 && log.Text.Contains("invalid_client"));
            var spans = capture.Spans.Where(span => span.Source == "OAuthGen").ToList();
            Assert.Equal(2, spans.Count);
            Assert.Contains(spans, span => span.Tags.Contains("error.type=401") && span.Tags.Contains("oauthgen.error=invalid_client"));
            Assert.Contains(capture.Measurements, m => m.StartsWith("oauthgen.token.request.duration"));
            Assert.Contains(capture.Measurements, m => m.StartsWith("oauthgen.token.cache.hits"));
            Assert.Contains(capture.Measurements, m => m.StartsWith("oauthgen.token.cache.misses"));

            var everything = string.Join("\n", capture.Logs.Select(l => l.Text).Concat(spans.SelectMany(s => s.Tags)).Concat(capture.Measurements))
                + "\n" + error + "\n" + error.ResponseExcerpt + "\n" + tokens + "\n" + services.GetRequiredService<PoderoAuth>();
            Assert.DoesNotContain(ClientSecret, everything);
            Assert.DoesNotContain(AccessToken, everything);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("client-id:" + ClientSecret)), everything);
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        private static ServiceProvider BuildWithLogging(ScriptedTokenEndpoint endpoint, ProtectedApi api, TelemetryCapture capture)
        {
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
            services.AddOAuthClient<PoderoAuth>(options =>
                {
                    options.ClientId = "client-id";
                    options.ClientSecret = ClientSecret;
                    options.TokenEndpoint = new Uri("https://auth.test/oauth2/token/");
                })
                .ConfigurePrimaryHttpMessageHandler(() => endpoint);
            services.AddHttpClient("api", client => client.BaseAddress = new Uri("https://api.test/"))
                .AddClientCredentialsToken<PoderoAuth>()
                .ConfigurePrimaryHttpMessageHandler(() => api);
            return services.BuildServiceProvider();
        }

        private sealed class ScriptedTokenEndpoint : HttpMessageHandler
        {
            public Func<HttpResponseMessage> Next { get; set; } = () => new HttpResponseMessage(HttpStatusCode.InternalServerError);

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
                Task.FromResult(Next());
        }
    }
}

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>Runs alone: ActivitySource and Meter listeners see the whole process.</summary>
    [Xunit.CollectionDefinition(nameof(ObservabilityTests), DisableParallelization = true)]
    public sealed class ObservabilityCollection
    {
    }
}
