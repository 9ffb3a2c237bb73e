using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Infrastructure;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Runtime
{
    public class TokenEndpointClientTests
    {
        private const string Secret = "s3cr3t-Sentinel-9f8e";
        private const string Password = "pa55-Sentinel-7d6c";

        private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        [Fact]
        public async Task A_token_gets_its_expiry_from_the_time_the_answer_arrived()
        {
            var client = Client(StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"token_type\":\"BearerToken\",\"expires_in\":\"3599\"}"));

            var token = await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);

            Assert.Equal("a", token.AccessToken);
            Assert.True(token.IsBearer);
            Assert.Equal(TimeSpan.FromSeconds(3599), token.ExpiresIn);
            Assert.Equal(Now.AddSeconds(3599), token.ExpiresAt);
            Assert.False(token.IsExpired(Now.AddSeconds(3598)));
            Assert.True(token.IsExpired(Now.AddSeconds(3599)));
            Assert.True(token.IsExpired(Now.AddSeconds(3540), skew: TimeSpan.FromMinutes(1)));
        }

        [Fact]
        public async Task A_huge_expires_in_saturates_the_expiry_instead_of_overflowing()
        {
            var client = Client(StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"expires_in\":900000000000}"));

            var token = await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);

            Assert.Equal(DateTimeOffset.MaxValue, token.ExpiresAt);
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest)]
        [InlineData(HttpStatusCode.Unauthorized)]
        [InlineData(HttpStatusCode.OK)]
        public async Task An_rfc6749_error_becomes_an_OAuthException_with_its_fields(HttpStatusCode status)
        {
            var client = Client(StubHandler.Answer(status, "{\"error\":\"invalid_grant\",\"error_description\":\"Wrong password\",\"error_uri\":\"https://e.example/e\"}"));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestPasswordTokenAsync("u", Password, null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.Equal("invalid_grant", error.Error);
            Assert.Equal("Wrong password", error.ErrorDescription);
            Assert.Equal("https://e.example/e", error.ErrorUri);
            Assert.Equal(status, error.StatusCode);
            Assert.Contains("invalid_grant", error.Message);
            Assert.Contains("Wrong password", error.Message);
        }

        [Fact]
        public async Task A_server_echoing_a_secret_does_not_get_it_into_the_exception()
        {
            var echo = $"{{\"error\":\"invalid_client\",\"error_description\":\"secret {Secret} and password {Password} are wrong\"}}";
            var client = Client(StubHandler.Answer(HttpStatusCode.Unauthorized, echo), ClientAuthMethod.ClientSecretPost);

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestPasswordTokenAsync("u", Password, null, TokenEndpointClient.CreateDefaultToken, default));

            foreach (var text in new[] { error.Message, error.ErrorDescription, error.ResponseExcerpt, error.ToString() })
            {
                Assert.DoesNotContain(Secret, text);
                Assert.DoesNotContain(Password, text);
            }

            Assert.Contains("***", error.Message);
        }

        [Fact]
        public async Task A_500_with_an_html_page_names_the_status_and_shows_the_start_of_the_page()
        {
            var client = Client(StubHandler.Answer(HttpStatusCode.InternalServerError, "<html><body>Upstream\nfailure</body></html>", "text/html"));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
            Assert.Null(error.Error);
            Assert.Contains("HTTP 500", error.Message);
            Assert.Equal("<html><body>Upstream failure</body></html>", error.ResponseExcerpt);
        }

        [Theory]
        [InlineData("not json at all", "neither a JSON object nor a form-encoded token response")]
        [InlineData("{\"token_type\":\"bearer\"}", "without an access_token")]
        [InlineData("{\"access_token\":\"\"}", "without an access_token")]
        [InlineData("", "the response body is empty")]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":-5}", "expires_in is negative")]
        public async Task A_200_that_is_no_token_is_an_OAuthException_that_says_why(string body, string reason)
        {
            var client = Client(StubHandler.Answer(HttpStatusCode.OK, body, "text/plain"));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.Contains(reason, error.Message);
            Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        }

        [Fact]
        public async Task Json_served_as_text_plain_is_still_a_token()
        {
            var client = Client(StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}", "text/plain"));

            Assert.Equal("a", (await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default)).AccessToken);
        }

        [Fact]
        public async Task A_body_over_the_limit_is_refused_by_its_content_length()
        {
            var client = Client(StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"" + new string('a', 2000) + "\"}"), maxResponseBytes: 1000);

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.Contains("larger than 1000 bytes", error.Message);
        }

        [Fact]
        public async Task A_streamed_body_over_the_limit_is_refused_after_reading_no_more_than_the_limit()
        {
            var stream = new EndlessStream();
            var handler = new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) }));
            var client = Client(handler, maxResponseBytes: 100_000);

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.Contains("larger than 100000 bytes", error.Message);
            Assert.InRange(stream.BytesRead, 100_001, 100_001 + 4096);
        }

        [Fact]
        public async Task An_unreachable_endpoint_is_an_OAuthException_wrapping_the_cause()
        {
            var client = Client(new StubHandler((_, _) => throw new HttpRequestException("Connection refused")));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.IsType<HttpRequestException>(error.InnerException);
            Assert.Contains("https://auth.example/token", error.Message);
        }

        [Fact]
        public async Task HttpClient_timeout_is_an_OAuthException_and_caller_cancellation_stays_a_cancellation()
        {
            var hang = new StubHandler(async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            });
            var timedOut = Client(hang, timeout: TimeSpan.FromMilliseconds(200));
            var error = await Assert.ThrowsAsync<OAuthException>(() => timedOut.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));
            Assert.Contains("timed out", error.Message);

            var patient = Client(hang);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => patient.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, cancellation.Token));
        }

        [Fact]
        public async Task A_relative_endpoint_resolves_against_the_base_address_and_needs_one()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var provider = new OAuthProviderInfo("Tenant", "configapi/v2/oauth/token");
            var options = new OAuthClientOptions { ClientId = "id", ClientSecret = Secret };

            var withBase = new TokenEndpointClient(new HttpClient(handler) { BaseAddress = new Uri("https://tenant.example/") }, options, provider);
            await withBase.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);
            Assert.Equal("https://tenant.example/configapi/v2/oauth/token", handler.Requests[0].Message.RequestUri!.AbsoluteUri);

            var withoutBase = new TokenEndpointClient(new HttpClient(handler), options, provider);
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => withoutBase.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));
            Assert.Contains("BaseAddress", error.Message);
        }

        [Theory]
        [InlineData("https://sandbox.example/oauth2/token/", "https://sandbox.example/oauth2/token/")]
        [InlineData("/other/token", "https://base.example/other/token")]
        public async Task The_endpoint_in_the_options_overrides_the_attribute(string configured, string expected)
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var options = new OAuthClientOptions { ClientId = "id", ClientSecret = Secret, TokenEndpoint = new Uri(configured, UriKind.RelativeOrAbsolute) };
            var client = new TokenEndpointClient(new HttpClient(handler) { BaseAddress = new Uri("https://base.example/") }, options, new OAuthProviderInfo("P", "https://declared.example/token"));

            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);

            Assert.Equal(expected, handler.Requests[0].Message.RequestUri!.AbsoluteUri);
        }

        [Fact]
        public async Task Client_auth_none_sends_only_the_client_id_and_declared_extras_go_last()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var provider = new OAuthProviderInfo(
                "Public", "https://auth.example/token", OAuthGrant.RefreshToken, ClientAuthMethod.None,
                parameters: new[] { new KeyValuePair<string, string>("audience", "https://api.example/") },
                headers: new[] { new KeyValuePair<string, string>("X-Api-Version", "2") });
            var client = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "app id" }, provider);

            await client.RefreshTokenAsync("r+1", "read", TokenEndpointClient.CreateDefaultToken, default);

            var request = handler.Requests[0];
            Assert.Equal("grant_type=refresh_token&client_id=app+id&refresh_token=r%2B1&scope=read&audience=https%3A%2F%2Fapi.example%2F", request.BodyText);
            Assert.Null(request.Authorization);
            Assert.Equal("2", string.Join(",", request.Message.Headers.GetValues("X-Api-Version")));
            Assert.Equal("application/json", request.Message.Headers.Accept.ToString());
        }

        [Fact]
        public async Task Json_bodies_are_compact_utf8_without_needless_escapes()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var provider = new OAuthProviderInfo("J", "https://auth.example/token", OAuthGrant.Password, ClientAuthMethod.ClientSecretPost, BodyEncoding.Json);
            var client = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "id", ClientSecret = "a+b&c<é\"" }, provider);

            await client.RequestPasswordTokenAsync("john@doe.com", "p w", null, TokenEndpointClient.CreateDefaultToken, default);

            Assert.Equal("{\"grant_type\":\"password\",\"client_id\":\"id\",\"client_secret\":\"a+b&c<é\\\"\",\"username\":\"john@doe.com\",\"password\":\"p w\"}", handler.Requests[0].BodyText);
            Assert.Equal("application/json", handler.Requests[0].ContentType);
        }

        [Fact]
        public async Task Missing_credentials_fail_before_anything_is_sent()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var provider = new OAuthProviderInfo("Basic", "https://auth.example/token");

            var noId = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientSecret = Secret }, provider);
            Assert.Contains("ClientId", (await Assert.ThrowsAsync<InvalidOperationException>(() => noId.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default))).Message);

            var noSecret = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "id" }, provider);
            Assert.Contains("ClientSecret", (await Assert.ThrowsAsync<InvalidOperationException>(() => noSecret.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default))).Message);

            Assert.Empty(handler.Requests);
        }

        [Fact]
        public async Task A_required_scope_is_refused_when_neither_the_call_nor_the_options_give_one()
        {
            var provider = new OAuthProviderInfo("Tenant", "https://auth.example/token", scopeRequired: true);
            var client = new TokenEndpointClient(new HttpClient(StubHandler.Answer(HttpStatusCode.OK, "{}")), new OAuthClientOptions { ClientId = "id", ClientSecret = Secret }, provider);

            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.Equal("scope", error.ParamName);
        }

        [Fact]
        public void The_authorization_url_carries_the_client_the_redirect_the_state_and_a_pkce_challenge()
        {
            var provider = new OAuthProviderInfo("Code", "https://auth.example/token", OAuthGrant.AuthorizationCode, authorizationEndpoint: "https://auth.example/authorize?prompt=login", scope: "openid profile");
            var client = new TokenEndpointClient(new HttpClient(), new OAuthClientOptions { ClientId = "my app" }, provider);

            var request = client.CreateAuthorizationRequest(new Uri("https://app.example/cb?x=1"), null, "xyz");

            Assert.Equal("xyz", request.State);
            Assert.NotNull(request.CodeVerifier);
            var challenge = Pkce.ComputeS256Challenge(request.CodeVerifier!);
            Assert.Equal(
                "https://auth.example/authorize?prompt=login&response_type=code&client_id=my+app&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1&scope=openid+profile&state=xyz&code_challenge=" + challenge + "&code_challenge_method=S256",
                request.Url.AbsoluteUri);
        }

        [Fact]
        public void Without_pkce_there_is_no_verifier_and_a_random_state_is_made()
        {
            var provider = new OAuthProviderInfo("Code", "https://auth.example/token", OAuthGrant.AuthorizationCode, authorizationEndpoint: "https://auth.example/authorize", usePkce: false);
            var client = new TokenEndpointClient(new HttpClient(), new OAuthClientOptions { ClientId = "id" }, provider);

            var first = client.CreateAuthorizationRequest(new Uri("https://app.example/cb"), null, null);
            var second = client.CreateAuthorizationRequest(new Uri("https://app.example/cb"), null, null);

            Assert.Null(first.CodeVerifier);
            Assert.DoesNotContain("code_challenge", first.Url.Query);
            Assert.Equal(43, first.State.Length);
            Assert.NotEqual(first.State, second.State);
        }

        [Fact]
        public void Secrets_never_appear_in_ToString()
        {
            var options = new OAuthClientOptions { ClientId = "id", ClientSecret = Secret };
            var token = new OAuthToken { AccessToken = "access-Sentinel-1234", RefreshToken = "refresh-Sentinel-5678", IdToken = "id-Sentinel-9012", TokenType = "Bearer" };
            var provider = new OAuthProviderInfo("P", "https://auth.example/token",
                headers: new[] { new KeyValuePair<string, string>("X-Api-Key", "key-Sentinel-3456") },
                parameters: new[] { new KeyValuePair<string, string>("client_assertion", "assertion-Sentinel-7890") });

            var printed = options + " " + token + " " + provider;

            foreach (var secret in new[] { Secret, "access-Sentinel-1234", "refresh-Sentinel-5678", "id-Sentinel-9012", "key-Sentinel-3456", "assertion-Sentinel-7890" })
            {
                Assert.DoesNotContain(secret, printed);
            }

            Assert.Contains("X-Api-Key", printed);
        }

        private static TokenEndpointClient Client(
            StubHandler handler,
            ClientAuthMethod clientAuth = ClientAuthMethod.ClientSecretBasic,
            int maxResponseBytes = OAuthClientOptions.DefaultMaxResponseBytes,
            TimeSpan? timeout = null)
        {
            var provider = new OAuthProviderInfo("Test", "https://auth.example/token", OAuthGrant.ClientCredentials | OAuthGrant.Password, clientAuth);
            var options = new OAuthClientOptions { ClientId = "client", ClientSecret = Secret, MaxResponseBytes = maxResponseBytes };
            var httpClient = new HttpClient(handler) { Timeout = timeout ?? Timeout.InfiniteTimeSpan };
            return new TokenEndpointClient(httpClient, options, provider, new SelfAdvancingTimeProvider(Now));
        }

        /// <summary>A response body that never ends, counting what was read of it.</summary>
        private sealed class EndlessStream : Stream
        {
            public long BytesRead { get; private set; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Fill(buffer, (byte)' ', offset, count);
                BytesRead += count;
                return count;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
