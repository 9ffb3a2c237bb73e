using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// A token endpoint that redirects (301, 302, 303, 307, 308) to another origin: another port (a second listener that
    /// records every byte), another host (localhost on the same port) or another scheme (https on the same host and
    /// port). With the default SocketsHttpHandler (AllowAutoRedirect = true), no credential ever reaches it, and the
    /// caller gets an OAuthException naming the redirect, never the other origin's token.
    /// </summary>
    /// <remarks>
    /// What SocketsHttpHandler does, measured here: it drops the Authorization header on every redirect; 301, 302 and 303
    /// turn the POST into a GET without a body; 307 and 308 send the same POST, body and all, to the new location. That
    /// re-sent body is where a client_secret, a password or a code would go: the runtime's guarded body refuses to be
    /// written there, and since SocketsHttpHandler buffers the headers until the body is written, nothing of the
    /// redirected request leaves at all.
    /// </remarks>
    public class RedirectTests : IClassFixture<HostileServerFixture>
    {
        private readonly HostileTokenServer _server;

        public RedirectTests(HostileServerFixture fixture)
        {
            _server = fixture.Server;
            _server.Reset();
        }

        public static TheoryData<int, string, Auth, Grant> Redirects()
        {
            var data = new TheoryData<int, string, Auth, Grant>();
            foreach (var status in new[] { 301, 302, 303, 307, 308 })
            {
                foreach (var where in new[] { "port", "host", "scheme" })
                {
                    foreach (var auth in new[] { Auth.Basic, Auth.Post })
                    {
                        foreach (var grant in new[] { Grant.ClientCredentials, Grant.Password, Grant.AuthorizationCode, Grant.RefreshToken })
                        {
                            data.Add(status, where, auth, grant);
                        }
                    }
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Redirects))]
        public async Task A_redirect_to_another_origin_is_not_followed_with_credentials(int status, string where, Auth auth, Grant grant)
        {
            using var http = HostileCredentials.Http();
            var scenario = $"redirect-{status}-{where}";

            var error = await Record.ExceptionAsync(() => HostileCalls.CallAsync(auth, grant, http, HostileCredentials.Options(_server.Endpoint(scenario))));

            var oauth = Assert.IsType<OAuthException>(error);
            Assert.Contains("another origin", oauth.Message);
            Assert.Contains(where switch { "port" => _server.OtherOrigin.Authority, "host" => "localhost:" + _server.BaseAddress.Port, _ => "https://127.0.0.1:" + _server.BaseAddress.Port }, oauth.Message);
            Assert.DoesNotContain(HostileTokenServer.StolenAccessToken, oauth.ToString());

            // The other origin: for 307 and 308, not one byte; for 301, 302 and 303, a GET with no body and no Authorization.
            var received = where == "port" ? _server.Other.Text : ReceivedAfterFirstRequest(_server.Main.Text);
            foreach (var secret in HostileCredentials.SecretForms())
            {
                Assert.DoesNotContain(secret, received);
            }

            Assert.DoesNotContain("Authorization:", received, StringComparison.OrdinalIgnoreCase);
            if (status is 307 or 308)
            {
                Assert.DoesNotContain("POST /steal", received);
                if (where == "port")
                {
                    Assert.Equal(0, _server.Other.Length);
                }
            }

            // The credentials went once, to the token endpoint itself.
            Assert.Single(Regex.Matches(_server.Main.Text, "POST /" + scenario + "/token"));
        }

        [Theory]
        [InlineData(307, Auth.Post)]
        [InlineData(308, Auth.Post)]
        [InlineData(307, Auth.Basic)]
        public async Task A_redirect_within_the_origin_may_be_followed(int status, Auth auth)
        {
            using var http = HostileCredentials.Http();

            var token = await HostileCalls.CallAsync(auth, Grant.ClientCredentials, http, HostileCredentials.Options(_server.Endpoint($"redirect-{status}-same")));

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
            Assert.Equal(1, _server.Count("ok"));
            // SocketsHttpHandler dropped the Basic header even here; the body went again, to the same origin.
            Assert.Equal(auth == Auth.Basic ? 1 : 0, Regex.Matches(_server.Main.Text, "Authorization: Basic ").Count);
        }

        [Theory]
        [InlineData(301)]
        [InlineData(307)]
        public async Task A_redirect_the_handler_does_not_follow_is_named_in_the_exception(int status)
        {
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.AuthorizationCode, http, HostileCredentials.Options(_server.Endpoint($"redirect-{status}-same"))));

            Assert.Contains($"HTTP {status}", error.Message);
            Assert.Contains("a redirect to " + _server.BaseAddress.Scheme + "://" + _server.BaseAddress.Authority + "/ok/token, which was not followed", error.Message);
            Assert.Equal((HttpStatusCode)status, error.StatusCode);
        }

        /// <summary>
        /// A handler that follows redirects itself, carelessly: same request, new URI, Authorization kept, body re-sent.
        /// The runtime's guards still keep the credentials home: the Basic header renders without them once the request
        /// has left its origin, and the body refuses to be written.
        /// </summary>
        [Theory]
        [InlineData(302, Auth.Basic)]
        [InlineData(307, Auth.Basic)]
        [InlineData(307, Auth.Post)]
        [InlineData(308, Auth.Post)]
        public async Task Credentials_stay_home_even_with_a_handler_that_follows_redirects_carelessly(int status, Auth auth)
        {
            using var http = new HttpClient(new CarelessRedirects(new SocketsHttpHandler { AllowAutoRedirect = false }));

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(auth, Grant.Password, http, HostileCredentials.Options(_server.Endpoint($"redirect-{status}-port"))));

            Assert.Contains("another origin", error.Message);
            foreach (var secret in HostileCredentials.SecretForms())
            {
                Assert.DoesNotContain(secret, _server.Other.Text);
            }

            if (status == 302)
            {
                // The header went, as the handler insisted, but without the credentials in it.
                Assert.Contains("Authorization: Basic\r\n", _server.Other.Text);
            }
            else
            {
                Assert.Equal(0, _server.Other.Length);
            }
        }

        private static string ReceivedAfterFirstRequest(string transcript)
        {
            // Everything the token server's listener received from the redirected request on, if it was sent at all.
            var starts = new[] { "GET /steal/", "POST /steal/" }.Select(line => transcript.IndexOf(line, StringComparison.Ordinal)).Where(i => i >= 0).ToList();
            return starts.Count == 0 ? string.Empty : transcript.Substring(starts.Min());
        }

        private sealed class CarelessRedirects(HttpMessageHandler inner) : DelegatingHandler(inner)
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    response.Dispose();
                    request.RequestUri = location;
                    if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.MovedPermanently)
                    {
                        request.Method = HttpMethod.Get;
                        request.Content = null;
                    }

                    return await base.SendAsync(request, cancellationToken);
                }

                return response;
            }
        }
    }
}
