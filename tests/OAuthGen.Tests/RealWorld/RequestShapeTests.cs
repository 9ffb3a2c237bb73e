using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>Request reshaping: GET and query-string requests, renamed and omitted parameters, per-call parameters.</summary>
    public sealed class RequestShapeTests : IAsyncLifetime
    {
        private const string Secret = "wx-secret-0123456789";
        private const string Code = "061Xy0ll2GgDc84aSdnl2Xfbm94Xy0lt";

        private ProviderEmulator _server = null!;

        public async Task InitializeAsync() => _server = await ProviderEmulator.StartAsync(request =>
            request.Host == "https://api.weixin.qq.com"
                // WeChat's documented success answer: no token_type.
                ? EmulatedAnswer.Json("{\"access_token\":\"ACCESS_TOKEN_wx\",\"expires_in\":7200,\"refresh_token\":\"REFRESH_TOKEN_wx\",\"openid\":\"OPENID\",\"scope\":\"snsapi_login\",\"unionid\":\"o6_bmasdasdsad6_2sgVt7hMZOPfL\"}")
            : request.Host == "https://cloud.digitalocean.com"
                ? request.Query.Contains("code=" + Code, StringComparison.Ordinal)
                    ? EmulatedAnswer.Json("{\"access_token\":\"do-access\",\"token_type\":\"bearer\",\"expires_in\":2592000,\"refresh_token\":\"do-refresh\",\"scope\":\"read write\",\"info\":{\"name\":\"Sammy\",\"email\":\"sammy@example.com\",\"uuid\":\"e028b1b9\"}}")
                    // An error that echoes the request URI, secret included, as a careless server might.
                    : EmulatedAnswer.Json("{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid: " + request.Path + request.Query + "\"}", status: 401)
            : request.Body.Contains("resource=", StringComparison.Ordinal)
                ? EmulatedAnswer.Json("{\"token_type\":\"Bearer\",\"expires_in\":\"3599\",\"ext_expires_in\":\"3599\",\"expires_on\":\"1700000000\",\"resource\":\"https://graph.microsoft.com\",\"access_token\":\"entra-v1\"}")
                : EmulatedAnswer.Json("{\"error\":\"invalid_request\",\"error_description\":\"AADSTS50001: resource missing\"}", status: 400));

        public async Task DisposeAsync() => await _server.DisposeAsync();

        [Fact]
        public async Task WeChat_gets_the_token_with_a_GET_whose_query_has_its_own_names_and_no_redirect_uri()
        {
            var client = new WeChatAuth(_server.Http(), new OAuthClientOptions { ClientId = "wx520c15f417810387", ClientSecret = Secret });

            var token = await client.ExchangeAuthorizationCodeAsync(Code, new Uri("https://app.example/callback"));

            var request = _server.Last;
            Assert.Equal("GET", request.Method);
            Assert.Equal("/sns/oauth2/access_token", request.Path);
            Assert.Equal("?grant_type=authorization_code&appid=wx520c15f417810387&secret=" + Secret + "&code=" + Code, request.Query);
            Assert.Equal("", request.Body);
            Assert.Equal("", request.ContentType);
            Assert.Equal("ACCESS_TOKEN_wx", token.AccessToken);
            Assert.Equal(TimeSpan.FromSeconds(7200), token.ExpiresIn);
            Assert.Equal("REFRESH_TOKEN_wx", token.RefreshToken);
        }

        [Fact]
        public void WeChat_authorization_URL_says_appid_and_keeps_the_redirect_uri_its_token_request_leaves_out()
        {
            var client = new WeChatAuth(_server.Http(), new OAuthClientOptions { ClientId = "wx520c15f417810387", ClientSecret = Secret });

            var authorization = client.CreateAuthorizationRequest(new Uri("https://app.example/callback"), "snsapi_login", "state-1");

            Assert.Equal(
                "https://open.weixin.qq.com/connect/qrconnect?response_type=code&appid=wx520c15f417810387&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&scope=snsapi_login&state=state-1",
                authorization.Url.AbsoluteUri);
        }

        [Fact]
        public async Task DigitalOcean_posts_an_empty_body_with_the_parameters_in_the_query()
        {
            var client = new DigitalOceanAuth(_server.Http(), new OAuthClientOptions { ClientId = "do-client", ClientSecret = Secret });

            var token = await client.ExchangeAuthorizationCodeAsync(Code, new Uri("https://app.example/callback"));

            var request = _server.Last;
            Assert.Equal("POST", request.Method);
            Assert.Equal("/v1/oauth/token", request.Path);
            Assert.Equal(
                "?grant_type=authorization_code&client_id=do-client&client_secret=" + Secret + "&code=" + Code + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback",
                request.Query);
            Assert.Equal("", request.Body);
            Assert.Equal("", request.ContentType);
            Assert.Equal("do-access", token.AccessToken);
            Assert.Equal("do-refresh", token.RefreshToken);
            Assert.Equal("read write", token.Scope);
        }

        [Fact]
        public async Task A_query_request_keeps_its_secrets_out_of_the_exception_the_span_and_the_HttpClientFactory_logs()
        {
            using var capture = new TelemetryCapture();
            var httpTags = new ConcurrentBag<string>();
            using var httpListener = new ActivityListener
            {
                ShouldListenTo = source => source.Name.StartsWith("System.Net.Http", StringComparison.Ordinal),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    foreach (var tag in activity.TagObjects)
                    {
                        httpTags.Add(tag.Key + "=" + tag.Value);
                    }
                },
            };
            ActivitySource.AddActivityListener(httpListener);
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
            services.AddHttpClient("do").ConfigurePrimaryHttpMessageHandler(_server.Handler);
            await using var provider = services.BuildServiceProvider();
            var client = new DigitalOceanAuth(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient("do"),
                new OAuthClientOptions { ClientId = "do-client", ClientSecret = Secret });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("other-code-4242", new Uri("https://app.example/callback")));

            Assert.Contains("client_secret=", _server.Last.Query, StringComparison.Ordinal);
            Assert.Equal("invalid_grant", error.Error);
            var texts = new List<string> { error.ToString(), error.ErrorDescription ?? string.Empty };
            texts.AddRange(capture.Logs.Select(log => log.Text));
            texts.AddRange(capture.Spans.SelectMany(span => span.Tags));
            texts.AddRange(httpTags);
            Assert.Contains(capture.Logs, log => log.Text.Contains("cloud.digitalocean.com/v1/oauth/token", StringComparison.Ordinal));
            Assert.Contains(httpTags, tag => tag.StartsWith("url.full=https://cloud.digitalocean.com/v1/oauth/token?", StringComparison.Ordinal));
            foreach (var text in texts)
            {
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain("other-code-4242", text, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Dropbox_offline_access_is_a_per_call_parameter_of_the_authorization_URL()
        {
            var client = new DropboxAuth(_server.Http(), new OAuthClientOptions { ClientId = "dbx-app", ClientSecret = Secret });

            var authorization = client.CreateAuthorizationRequest(
                new Uri("https://app.example/callback"),
                state: "s",
                parameters: new[] { new KeyValuePair<string, string>("token_access_type", "offline") });

            var url = authorization.Url.AbsoluteUri;
            Assert.StartsWith("https://www.dropbox.com/oauth2/authorize?response_type=code&client_id=dbx-app&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&state=s&code_challenge=", url);
            Assert.EndsWith("&code_challenge_method=S256&token_access_type=offline", url);
        }

        [Fact]
        public void Google_offline_access_and_consent_are_per_call_parameters_of_the_authorization_URL()
        {
            var client = new GoogleWebAuth(_server.Http(), new OAuthClientOptions { ClientId = "123.apps.googleusercontent.com", ClientSecret = Secret });

            var authorization = client.CreateAuthorizationRequest(
                new Uri("https://app.example/callback"),
                "openid email",
                "s",
                new Dictionary<string, string> { ["access_type"] = "offline", ["prompt"] = "consent" });

            Assert.EndsWith("&code_challenge_method=S256&access_type=offline&prompt=consent", authorization.Url.AbsoluteUri);
            Assert.Contains("&scope=openid+email&state=s&", authorization.Url.AbsoluteUri);
        }

        [Fact]
        public async Task Entra_v1_resource_is_a_per_call_parameter_after_the_standard_ones()
        {
            var client = new EntraV1Auth(_server.Http(), new OAuthClientOptions { ClientId = "6731de76", ClientSecret = Secret });

            var token = await client.RequestClientCredentialsTokenAsync(parameters: new[] { new KeyValuePair<string, string>("resource", "https://graph.microsoft.com") });

            Assert.Equal("grant_type=client_credentials&client_id=6731de76&client_secret=" + Secret + "&resource=https%3A%2F%2Fgraph.microsoft.com", _server.Last.Body);
            Assert.Equal("entra-v1", token.AccessToken);
            Assert.Equal(TimeSpan.FromSeconds(3599), token.ExpiresIn);
        }

        [Fact]
        public async Task Entra_v1_documented_error_without_the_resource_is_an_OAuthException()
        {
            var client = new EntraV1Auth(_server.Http(), new OAuthClientOptions { ClientId = "6731de76", ClientSecret = Secret });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync());

            Assert.Equal("invalid_request", error.Error);
        }

        [Theory]
        [InlineData("client_secret")]
        [InlineData("client_id")]
        [InlineData("grant_type")]
        [InlineData("scope")]
        [InlineData("client_assertion")]
        public async Task A_per_call_parameter_the_client_owns_is_refused_by_name_and_never_sent(string name)
        {
            var client = new EntraV1Auth(_server.Http(), new OAuthClientOptions { ClientId = "6731de76", ClientSecret = Secret });
            var before = _server.Requests.Count;

            var error = await Assert.ThrowsAsync<ArgumentException>(() => client.RequestClientCredentialsTokenAsync(parameters: new[] { new KeyValuePair<string, string>(name, "value-9f8e7d") }));

            Assert.Equal("parameters", error.ParamName);
            Assert.Contains("'" + name + "'", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("value-9f8e7d", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, _server.Requests.Count);
        }

        [Fact]
        public async Task A_renamed_parameter_is_owned_under_its_wire_name_too()
        {
            var client = new WeChatAuth(_server.Http(), new OAuthClientOptions { ClientId = "wx520c15f417810387", ClientSecret = Secret });

            var error = await Assert.ThrowsAsync<ArgumentException>(() =>
                client.ExchangeAuthorizationCodeAsync(Code, new Uri("https://app.example/callback"), parameters: new[] { new KeyValuePair<string, string>("secret", "x") }));

            Assert.Contains("'secret'", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("state")]
        [InlineData("code_challenge")]
        [InlineData("client_id")]
        public void The_authorization_URL_refuses_a_parameter_it_writes_itself(string name)
        {
            var client = new DropboxAuth(_server.Http(), new OAuthClientOptions { ClientId = "dbx-app", ClientSecret = Secret });

            var error = Assert.Throws<ArgumentException>(() =>
                client.CreateAuthorizationRequest(new Uri("https://app.example/callback"), parameters: new[] { new KeyValuePair<string, string>(name, "x") }));

            Assert.Contains("'" + name + "'", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_null_per_call_value_is_an_ArgumentException()
        {
            var client = new EntraV1Auth(_server.Http(), new OAuthClientOptions { ClientId = "6731de76", ClientSecret = Secret });

            await Assert.ThrowsAsync<ArgumentException>(() => client.RequestClientCredentialsTokenAsync(parameters: new[] { new KeyValuePair<string, string>("resource", null!) }));
        }

        [Fact]
        public void The_provider_description_names_the_request_shape_and_the_renames()
        {
            var text = WeChatAuth.Provider.ToString();

            Assert.Contains("Parameters = GET query", text, StringComparison.Ordinal);
            Assert.Contains("client_secret as secret", text, StringComparison.Ordinal);
            Assert.Contains("redirect_uri as (left out)", text, StringComparison.Ordinal);
        }
    }
}
