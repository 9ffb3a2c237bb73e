using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// Each misbehaviour of a real (loopback Kestrel) token server, driven through the generated clients and a default
    /// SocketsHttpHandler, for every grant and both ways of sending the secret: a correct token, or an OAuthException
    /// that says what went wrong; never another exception, never a secret in the message.
    /// </summary>
    public class HostileServerTests : IClassFixture<HostileServerFixture>
    {
        private readonly HostileTokenServer _server;

        public HostileServerTests(HostileServerFixture fixture)
        {
            _server = fixture.Server;
            _server.Reset();
        }

        public static TheoryData<string, string, Auth, Grant> Failures()
        {
            var data = new TheoryData<string, string, Auth, Grant>();
            var cases = new (string Scenario, string Says)[]
            {
                ("html500", "HTTP 500 (InternalServerError) without an OAuth error: <!DOCTYPE html>"),
                ("unavailable", "HTTP 503 (ServiceUnavailable), asking to retry after 120 s, without an OAuth error: Service Unavailable"),
                ("truncated-length", "broke off before its end"),
                ("truncated-chunked", "broke off before its end"),
                ("truncated-json", "the response is not valid JSON"),
                ("error401", "HTTP 401 (Unauthorized) with error 'invalid_client': Client authentication failed"),
                ("error200", "HTTP 200 (OK) with error 'invalid_grant': The grant is not valid"),
                ("no-access-token", "HTTP 200 (OK) without an access_token"),
                ("negative-expiry", "expires_in is negative"),
                ("absurd-expiry", "expires_in is out of range"),
                ("word-expiry", "expires_in is not a number"),
                ("empty", "the response body is empty"),
                ("invalid-utf8", "HTTP 200 (OK) instead of a token"),
            };
            foreach (var (scenario, says) in cases)
            {
                foreach (var auth in new[] { Auth.Basic, Auth.Post })
                {
                    foreach (var grant in Enum.GetValues<Grant>())
                    {
                        data.Add(scenario, says, auth, grant);
                    }
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Failures))]
        public async Task A_broken_answer_is_an_OAuthException_that_says_what_went_wrong_and_shows_no_secret(string scenario, string says, Auth auth, Grant grant)
        {
            using var http = HostileCredentials.Http();

            var call = HostileCalls.CallAsync(auth, grant, http, HostileCredentials.Options(_server.Endpoint(scenario)));
            var error = await Record.ExceptionAsync(() => call);

            var oauth = Assert.IsType<OAuthException>(error);
            Assert.Contains(says, oauth.Message);
            var shown = oauth + "\n" + oauth.ResponseExcerpt + "\n" + oauth.ErrorDescription + "\n" + oauth.ErrorUri;
            foreach (var secret in HostileCredentials.SecretForms())
            {
                Assert.DoesNotContain(secret, shown);
            }

            // Not retried: a broken answer is not a transient failure (the 503 asks for more than 5 s).
            Assert.Equal(1, _server.Count(scenario));
        }

        [Fact]
        public async Task Errors_keep_the_providers_fields_and_status()
        {
            using var http = HostileCredentials.Http();

            var unauthorized = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("error401"))));
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
            Assert.Equal("invalid_client", unauthorized.Error);
            Assert.Equal("https://errors.example/invalid_client", unauthorized.ErrorUri);
            // The server quoted the Basic header and the body back: the description keeps the quote, not the secrets.
            Assert.Contains("Authorization: Basic ***", unauthorized.ErrorDescription);

            var inOk = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Post, Grant.RefreshToken, http, HostileCredentials.Options(_server.Endpoint("error200"))));
            Assert.Equal(HttpStatusCode.OK, inOk.StatusCode);
            Assert.Equal("invalid_grant", inOk.Error);
            Assert.Contains("client_secret=***", inOk.ErrorDescription);
            Assert.Contains("refresh_token=***", inOk.ErrorDescription);

            var unavailable = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint("unavailable"))));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(120), unavailable.RetryAfter);
        }

        public static TheoryData<string, Auth, Grant> Successes()
        {
            var data = new TheoryData<string, Auth, Grant>();
            foreach (var scenario in new[] { "ok", "form", "textplain", "huge-expiry" })
            {
                foreach (var auth in new[] { Auth.Basic, Auth.Post })
                {
                    foreach (var grant in Enum.GetValues<Grant>())
                    {
                        data.Add(scenario, auth, grant);
                    }
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Successes))]
        public async Task Odd_but_valid_answers_are_correct_tokens(string scenario, Auth auth, Grant grant)
        {
            using var http = HostileCredentials.Http();

            var token = await HostileCalls.CallAsync(auth, grant, http, HostileCredentials.Options(_server.Endpoint(scenario)));

            switch (scenario)
            {
                case "form":
                    Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
                    Assert.Equal("read write", token.Scope);
                    Assert.Equal(TimeSpan.FromHours(1), token.ExpiresIn);
                    Assert.True(token.IsBearer);
                    break;
                case "huge-expiry":
                    // About 10,000 years: representable as a lifetime, past DateTimeOffset.MaxValue as a date, so saturated.
                    Assert.Equal(TimeSpan.FromSeconds(315537897599), token.ExpiresIn);
                    Assert.Equal(DateTimeOffset.MaxValue, token.ExpiresAt);
                    break;
                default:
                    Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
                    Assert.Equal("refresh-Sentinel-hostile", token.RefreshToken);
                    Assert.Equal(TimeSpan.FromHours(1), token.ExpiresIn);
                    break;
            }
        }

        [Theory]
        [InlineData("hang")]
        [InlineData("stall-body")]
        public async Task No_answer_times_out_as_an_OAuthException_and_leaves_nothing_waiting(string scenario)
        {
            using var http = HostileCredentials.Http(TimeSpan.FromMilliseconds(500));
            var watch = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint(scenario))));

            Assert.Contains("timed out after 0.5 s (HttpClient.Timeout)", error.Message);
            Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(10));
            // The client hung up: the server sees its request aborted, and no handler is left waiting for it.
            await _server.HangAborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(await HostileServerFixture.EventuallyAsync(() => _server.PendingHandlers == 0, TimeSpan.FromSeconds(10)));
            // A timeout is not retried: the budget of HttpClient.Timeout covers the whole call.
            Assert.Equal(1, _server.Count(scenario));
        }

        [Theory]
        [InlineData("hang", Grant.ClientCredentials)]
        [InlineData("hang", Grant.AuthorizationCode)]
        [InlineData("stall-body", Grant.RefreshToken)]
        public async Task Caller_cancellation_is_honoured_at_once_and_leaves_nothing_waiting(string scenario, Grant grant)
        {
            using var http = HostileCredentials.Http(Timeout.InfiniteTimeSpan);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();

            // By design (docs/decisions.md), the caller's own cancellation stays an OperationCanceledException.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                HostileCalls.CallAsync(Auth.Post, grant, http, HostileCredentials.Options(_server.Endpoint(scenario)), cancellationToken: cancellation.Token));

            Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
            await _server.HangAborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(await HostileServerFixture.EventuallyAsync(() => _server.PendingHandlers == 0, TimeSpan.FromSeconds(10)));
        }

        [Fact]
        public async Task An_unreachable_server_is_an_OAuthException()
        {
            // A port nothing listens on: bound, then closed.
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            using var http = HostileCredentials.Http();

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.Password, http, HostileCredentials.Options(new Uri($"http://127.0.0.1:{port}/token"))));

            Assert.Contains("failed", error.Message);
            Assert.IsAssignableFrom<System.Net.Http.HttpRequestException>(error.InnerException);
        }
    }
}
