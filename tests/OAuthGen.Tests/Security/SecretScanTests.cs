using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuthGen.Tests.Hostile;
using OAuthGen.Tests.Infrastructure;
using OAuthGen.Tests.TokenManagement;
using OAuthGen.Tokens;
using Xunit;
using Xunit.Abstractions;

namespace OAuthGen.Tests.Security
{
    /// <summary>
    /// Known sentinel secrets (client secret, password, code, PKCE verifier, refresh token sent; access, refresh and ID
    /// tokens received; device code, subject and actor tokens), through every flow and every failure, against the hostile
    /// server: none of them, raw, form-encoded or inside a Basic header, in a log line, a span, a measurement, an
    /// exception (message, ToString, excerpt, description) or the ToString of anything a user can print.
    /// </summary>
    [Collection(nameof(SecretScanCollection))]
    public class SecretScanTests(HostileServerFixture fixture, ITestOutputHelper output) : IClassFixture<HostileServerFixture>
    {
        private static readonly string[] Scenarios =
        {
            "ok", "form", "textplain", "error401", "error200", "html500", "unavailable", "flaky503", "flaky-reset", "truncated-length",
            "truncated-json", "truncated-chunked", "invalid-utf8", "no-access-token", "negative-expiry", "absurd-expiry", "word-expiry", "huge-expiry",
            "flaky502", "always503", "empty", "redirect-307-port",
            "redirect-308-host", "redirect-302-port", "redirect-301-scheme",
        };

        [Fact]
        public void The_whole_run_so_far_carried_no_sentinel_in_a_span_a_measurement_or_an_exception()
        {
            // Runs after every parallel test of the suite (xunit runs collections without parallelization last).
            output.WriteLine($"watched since the assembly loaded: {SentinelWatch.Spans} spans, {SentinelWatch.Measurements} measurements, " +
                $"{SentinelWatch.Exceptions} exceptions thrown by OAuthGen");
            Assert.True(SentinelWatch.Violations.Count == 0, string.Join("\n", SentinelWatch.Violations));
        }

        [Fact]
        public async Task Every_flow_and_every_failure_keeps_the_sentinels_out_of_everything_that_can_be_shown()
        {
            var server = fixture.Server;
            using var capture = new TelemetryCapture();
            var shown = new List<string>();
            var exceptions = new List<Exception>();
            var time = new SelfAdvancingTimeProvider();

            // 1. The generated clients: every grant, both ways of sending the secret, every kind of answer.
            foreach (var scenario in Scenarios)
            {
                foreach (var auth in new[] { Auth.Basic, Auth.Post })
                {
                    foreach (var grant in Enum.GetValues<Grant>())
                    {
                        server.Reset();
                        using var http = HostileCredentials.Http();
                        await Capture(() => HostileCalls.CallAsync(auth, grant, http, HostileCredentials.Options(server.Endpoint(scenario)), time), shown, exceptions);
                    }
                }
            }

            using (var impatient = HostileCredentials.Http(TimeSpan.FromMilliseconds(200)))
            {
                await Capture(() => HostileCalls.CallAsync(Auth.Basic, Grant.Password, impatient, HostileCredentials.Options(server.Endpoint("hang"))), shown, exceptions);
            }

            using (var http = HostileCredentials.Http())
            {
                await Capture(() => HostileCalls.CallAsync(Auth.Post, Grant.RefreshToken, http, HostileCredentials.Options(server.Endpoint("huge"))), shown, exceptions);
                await Capture(() => HostileCalls.CallAsync(Auth.Basic, Grant.AuthorizationCode, http, HostileCredentials.Options(new Uri("http://auth.example.com/token"))), shown, exceptions);
                await Capture(() => new HostilePlainBasicAuth(http, HostileCredentials.Options(server.Endpoint("ok"), clientId: "id:Sentinel")).RequestPasswordTokenAsync("u", HostileCredentials.Password), shown, exceptions);
            }

            // 2. Token management through dependency injection, with logging: the bearer handler, the cache, user tokens.
            foreach (var scenario in new[] { "ok", "error401", "html500", "redirect-307-port" })
            {
                server.Reset();
                await using var services = Services(scenario, capture);
                await Capture(async () => (await services.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("data")).StatusCode.ToString(), shown, exceptions);
                var tokens = services.GetRequiredService<ClientCredentialsTokenManager<HostilePostAuth>>();
                await Capture(async () => await tokens.GetTokenAsync("read"), shown, exceptions);
                await Capture(async () => await tokens.GetTokenAsync("read"), shown, exceptions);
                var users = services.GetRequiredService<UserTokenManager<HostilePostAuth>>();
                await users.StoreTokenAsync("alice", new OAuthToken { AccessToken = "old-access-Sentinel", RefreshToken = HostileCredentials.RefreshToken, ExpiresAt = DateTimeOffset.UnixEpoch });
                await Capture(() => users.GetTokenAsync("alice"), shown, exceptions);
                shown.Add(tokens.ToString()!);
                shown.Add(users.ToString()!);
                shown.Add(services.GetRequiredService<HostilePostAuth>().ToString()!);
            }

            // 3. The ToString of everything a user may print or a debugger may show.
            var options = HostileCredentials.Options(server.Endpoint("ok"));
            options.SigningKeyPem = "-----BEGIN PRIVATE KEY-----pem-Sentinel-----END PRIVATE KEY-----";
            var client = new HostileBasicAuth(new HttpClient(), options);
            shown.Add(options.ToString());
            shown.Add(HostileBasicAuth.Provider.ToString());
            shown.Add(client.ToString()!);
            shown.Add(client.CreateAuthorizationRequest(new Uri("https://app.example/cb")).ToString());
            shown.Add(new DeviceAuthorization("device-code-Sentinel", "WDJB-MJHT", new Uri("https://example.com/device"), null, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5), DateTimeOffset.UnixEpoch).ToString());
            shown.Add(new TokenExchangeRequest { SubjectToken = "subject-Sentinel", ActorToken = "actor-Sentinel", Audience = "api" }.ToString());
            shown.Add(new OAuthToken { AccessToken = "a-Sentinel", RefreshToken = "r-Sentinel", IdToken = "i-Sentinel", TokenType = "Bearer" }.ToString());

            // 4. Scan.
            var logs = capture.Logs.Select(log => log.Text).ToList();
            var spans = capture.Spans.Where(span => span.Source == "OAuthGen").SelectMany(span => span.Tags.Prepend(span.Name)).ToList();
            var measurements = capture.Measurements.ToList();
            var thrown = exceptions.SelectMany(SentinelWatch.Describe).ToList();
            output.WriteLine($"{Scenarios.Length * 8 + 7} client calls, {logs.Count} log lines, {capture.Spans.Count} spans, {measurements.Count} measurements, " +
                $"{exceptions.Count} exceptions ({string.Join(", ", exceptions.GroupBy(e => e.GetType().Name).Select(g => g.Count() + " " + g.Key))}), {shown.Count} printed values");

            Assert.NotEmpty(logs);
            Assert.Contains(capture.Logs, log => log.EventId == 4);
            Assert.NotEmpty(spans);
            Assert.NotEmpty(measurements);
            Assert.True(exceptions.Count > 100);
            var everything = string.Join("\n", logs.Concat(spans).Concat(measurements).Concat(thrown).Concat(shown));
            foreach (var secret in HostileCredentials.SecretForms().Append(SentinelWatch.Marker))
            {
                Assert.DoesNotContain(secret, everything);
            }

            // Every failure was an OAuthException, but for the refusals that happen before anything is sent.
            Assert.All(exceptions, e => Assert.True(e is OAuthException or InvalidOperationException, e.GetType().Name + ": " + e.Message));
        }

        private ServiceProvider Services(string scenario, TelemetryCapture capture)
        {
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
            services.AddSingleton<TimeProvider>(new SelfAdvancingTimeProvider());
            services.AddOAuthClient<HostilePostAuth>(options =>
            {
                options.ClientId = HostileCredentials.ClientId;
                options.ClientSecret = HostileCredentials.ClientSecret;
                options.TokenEndpoint = fixture.Server.Endpoint(scenario);
            });
            services.AddHttpClient("api", http => http.BaseAddress = new Uri("https://api.test/"))
                .AddClientCredentialsToken<HostilePostAuth>()
                .ConfigurePrimaryHttpMessageHandler(() => new ProtectedApi { Accepts = token => token == HostileTokenServer.GoodAccessToken });
            services.AddOAuthUserTokens<HostilePostAuth>();
            return services.BuildServiceProvider();
        }

        private static async Task Capture<T>(Func<Task<T>> call, List<string> shown, List<Exception> exceptions)
        {
            try
            {
                var result = await call();
                shown.Add(result?.ToString() ?? "");
            }
            catch (Exception e)
            {
                exceptions.Add(e);
            }
        }
    }

    /// <summary>Runs alone: it listens to the process-wide ActivitySource and Meter, and it runs after the parallel tests.</summary>
    [CollectionDefinition(nameof(SecretScanCollection), DisableParallelization = true)]
    public sealed class SecretScanCollection
    {
    }
}
