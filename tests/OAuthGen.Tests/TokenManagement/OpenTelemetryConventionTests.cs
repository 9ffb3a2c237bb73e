using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthGen.Tests.Infrastructure;
using OAuthGen.Tests.Seeds;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>The token span and duration histogram as the OpenTelemetry SDK and its InMemory exporter see them.</summary>
    [Collection(nameof(ObservabilityTests))] // listens to process-wide ActivitySource and Meter
    public class OpenTelemetryConventionTests
    {
        private const string Secret = "client-secret-Sentinel-07e3";
        private const string QuerySecret = "tenant-key-Sentinel-9a41";

        private static PoderoAuth Client(HttpMessageHandler endpoint, string host) => new(new HttpClient(endpoint), new OAuthClientOptions
        {
            ClientId = "otel-client",
            ClientSecret = Secret,
            TokenEndpoint = new Uri($"https://{host}:8443/oauth2/token/?tenant={QuerySecret}"),
            RetryTransientFailures = false,
        });

        private static Dictionary<string, object?> Tags(Activity span) => span.TagObjects.ToDictionary(t => t.Key, t => t.Value);

        [Fact]
        public async Task A_successful_token_request_span_carries_the_http_client_conventions()
        {
            var spans = new List<Activity>();
            using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("OAuthGen").AddInMemoryExporter(spans).Build())
            {
                await Client(StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"at-Sentinel-1\",\"token_type\":\"Bearer\",\"expires_in\":60}"), "ok.otel.test")
                    .RequestClientCredentialsTokenAsync();
            }

            var tags = Tags(Assert.Single(spans, s => Equals(Tags(s).GetValueOrDefault("server.address"), "ok.otel.test")));
            Assert.Equal("POST", tags["http.request.method"]);
            Assert.Equal(8443, tags["server.port"]);
            Assert.Equal("https://ok.otel.test:8443/oauth2/token/?*", tags["url.full"]);
            Assert.Equal(200, tags["http.response.status_code"]);
            Assert.False(tags.ContainsKey("error.type"));
            Assert.Equal(ActivityKind.Client, spans.Single(s => Equals(Tags(s).GetValueOrDefault("server.address"), "ok.otel.test")).Kind);
            Assert.DoesNotContain(tags.Values, v => v?.ToString()?.Contains("Sentinel", StringComparison.Ordinal) == true);
        }

        [Fact]
        public async Task A_refused_request_has_the_status_code_as_its_error_type_and_the_oauth_error_apart()
        {
            var spans = new List<Activity>();
            using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("OAuthGen").AddInMemoryExporter(spans).Build())
            {
                await Assert.ThrowsAsync<OAuthException>(() => Client(StubHandler.Answer(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_client\"}"), "refused.otel.test")
                    .RequestClientCredentialsTokenAsync());
            }

            var span = Assert.Single(spans, s => Equals(Tags(s).GetValueOrDefault("server.address"), "refused.otel.test"));
            var tags = Tags(span);
            Assert.Equal(401, tags["http.response.status_code"]);
            Assert.Equal("401", tags["error.type"]);
            Assert.Equal("invalid_client", tags["oauthgen.error"]);
            Assert.Equal(ActivityStatusCode.Error, span.Status);
        }

        [Fact]
        public async Task A_connection_failure_has_the_exception_type_as_its_error_type_and_no_status_code()
        {
            var spans = new List<Activity>();
            using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("OAuthGen").AddInMemoryExporter(spans).Build())
            {
                var refused = new StubHandler((_, _) => throw new HttpRequestException("Connection refused"));
                await Assert.ThrowsAsync<OAuthException>(() => Client(refused, "down.otel.test").RequestClientCredentialsTokenAsync());
            }

            var tags = Tags(Assert.Single(spans, s => Equals(Tags(s).GetValueOrDefault("server.address"), "down.otel.test")));
            Assert.Equal("System.Net.Http.HttpRequestException", tags["error.type"]);
            Assert.False(tags.ContainsKey("http.response.status_code"));
        }

        [Fact]
        public async Task The_duration_histogram_has_buckets_for_seconds_from_5_ms_to_10_s()
        {
            var metrics = new List<Metric>();
            using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter("OAuthGen").AddInMemoryExporter(metrics).Build())
            {
                await Client(StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"at-Sentinel-2\",\"token_type\":\"Bearer\"}"), "metrics.otel.test")
                    .RequestClientCredentialsTokenAsync();
                meters.ForceFlush();
            }

            // The first export, of ForceFlush (disposing the provider exports once more).
            var duration = metrics.First(m => m.Name == "oauthgen.token.request.duration");
            Assert.Equal("s", duration.Unit);
            var bounds = new List<double>();
            foreach (ref readonly var point in duration.GetMetricPoints())
            {
                bounds.Clear();
                foreach (var bucket in point.GetHistogramBuckets())
                {
                    bounds.Add(bucket.ExplicitBound);
                }
            }

            Assert.Equal(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity }, bounds);
        }
    }
}
