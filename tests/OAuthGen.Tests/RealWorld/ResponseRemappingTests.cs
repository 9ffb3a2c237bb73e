using System;
using System.Globalization;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>
    /// ResponseRoot, ExpiresInField, ExpiresAtField, ErrorField, ErrorDescriptionField and ScopeSeparator against
    /// emulators that answer as Slack, Strava, Deezer and WeChat document, and the bad answers each can give.
    /// </summary>
    public sealed class ResponseRemappingTests : IAsyncLifetime
    {
        private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        private static readonly Uri Callback = new("https://app.example/callback");

        private readonly FakeTimeProvider _time = new(Start);
        private ProviderEmulator _server = null!;
        private Func<EmulatedRequest, EmulatedAnswer> _answer = _ => EmulatedAnswer.Json("{}");

        public async Task InitializeAsync() => _server = await ProviderEmulator.StartAsync(request => _answer(request));

        public async Task DisposeAsync() => await _server.DisposeAsync();

        private static long Epoch(DateTimeOffset time) => time.ToUnixTimeSeconds();

        private OAuthClientOptions Options(string id, string secret) => new() { ClientId = id, ClientSecret = secret };

        [Fact]
        public async Task Slack_user_token_is_read_from_authed_user_not_the_bot_token_at_the_top()
        {
            // The documented oauth.v2.access answer, user token included.
            _answer = _ => EmulatedAnswer.Json("""
                {"ok":true,"access_token":"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy","token_type":"bot",
                 "scope":"commands,incoming-webhook","bot_user_id":"U0KRQLJ9H","app_id":"A0KRD7HC3",
                 "team":{"name":"Slack Softball Team","id":"T9TK3CUKW"},"enterprise":null,
                 "authed_user":{"id":"U1234","scope":"chat:write,users:read","access_token":"xoxp-1234-user","token_type":"user",
                   "expires_in":43200,"refresh_token":"xoxe-1-user-refresh"}}
                """);
            var client = new SlackUserAuth(_server.Http(), Options("3336676.569200954261", "slack-secret"), _time);

            var token = await client.ExchangeAuthorizationCodeAsync("1234.5678.abcd", Callback);

            Assert.Equal("xoxp-1234-user", token.AccessToken);
            Assert.Equal("user", token.TokenType);
            Assert.Equal("chat:write,users:read", token.Scope);
            Assert.Equal("xoxe-1-user-refresh", token.RefreshToken);
            Assert.Equal(Start.AddHours(12), token.ExpiresAt);
            Assert.Equal("U1234", token.AdditionalFields["id"].GetString());
            Assert.False(token.AdditionalFields.ContainsKey("bot_user_id"));
            var request = _server.Last;
            Assert.Equal("POST", request.Method);
            Assert.Equal("https://slack.com", request.Host);
            Assert.Equal("/api/oauth.v2.access", request.Path);
            Assert.Equal("grant_type=authorization_code&client_id=3336676.569200954261&client_secret=slack-secret&code=1234.5678.abcd&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback", request.Body);
        }

        [Fact]
        public async Task Slack_ok_false_in_a_200_is_the_provider_error_though_the_root_is_absent()
        {
            _answer = _ => EmulatedAnswer.Json("{\"ok\":false,\"error\":\"invalid_code\"}");
            var client = new SlackUserAuth(_server.Http(), Options("3336676.569200954261", "slack-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("expired", Callback));

            Assert.Equal("invalid_code", failure.Error);
            Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
            Assert.Equal("The provider answered HTTP 200 (OK) with error 'invalid_code'.", failure.Message);
        }

        [Fact]
        public async Task Slack_answer_without_authed_user_says_the_root_is_missing_and_hides_the_bot_token()
        {
            _answer = _ => EmulatedAnswer.Json("{\"ok\":true,\"access_token\":\"xoxb-bot-only-token-value\",\"token_type\":\"bot\"}");
            var client = new SlackUserAuth(_server.Http(), Options("3336676.569200954261", "slack-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("code", Callback));

            Assert.StartsWith("The provider answered HTTP 200 (OK) instead of a token: the answer has no 'authed_user' object (the declared ResponseRoot)", failure.Message);
            Assert.DoesNotContain("xoxb-bot-only-token-value", failure.ToString());
        }

        [Theory]
        [InlineData("\"U1234\"", "a string")]
        [InlineData("[1,2]", "an array")]
        [InlineData("42", "a number")]
        public async Task Slack_root_that_is_not_an_object_is_refused(string value, string kind)
        {
            _answer = _ => EmulatedAnswer.Json("{\"ok\":true,\"authed_user\":" + value + "}");
            var client = new SlackUserAuth(_server.Http(), Options("3336676.569200954261", "slack-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("code", Callback));

            Assert.StartsWith("The provider answered HTTP 200 (OK) instead of a token: the answer's 'authed_user' is " + kind + ", not an object (the declared ResponseRoot is 'authed_user')", failure.Message);
        }

        [Fact]
        public async Task Strava_expires_at_feeds_ExpiresAt_and_the_authorization_scope_keeps_its_commas()
        {
            var expiresAt = Start.AddHours(6);
            _answer = _ => EmulatedAnswer.Json("{\"token_type\":\"Bearer\",\"expires_at\":" + Epoch(expiresAt) + ",\"expires_in\":21599,"
                + "\"refresh_token\":\"e5n567567strava\",\"access_token\":\"a4b945687gstrava\",\"athlete\":{\"id\":134815,\"username\":\"marianne_t\"}}");
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var authorization = client.CreateAuthorizationRequest(Callback, "read,activity:read", state: "s1");
            var token = await client.ExchangeAuthorizationCodeAsync("75e251e3ff8fff", Callback);

            Assert.Contains("scope=read%2Cactivity%3Aread", authorization.Url.Query);
            Assert.Equal("a4b945687gstrava", token.AccessToken);
            Assert.Equal(expiresAt, token.ExpiresAt);
            Assert.Equal(TimeSpan.FromHours(6), token.ExpiresIn);
            Assert.Equal(134815, token.AdditionalFields["athlete"].GetProperty("id").GetInt32());
            Assert.Equal("/oauth/token", _server.Last.Path);
            Assert.Equal("grant_type=authorization_code&client_id=54321&client_secret=strava-secret&code=75e251e3ff8fff&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback", _server.Last.Body);
        }

        [Fact]
        public async Task Strava_refresh_answer_without_athlete_and_a_scope_array_joined_with_commas()
        {
            var expiresAt = Start.AddHours(6);
            _answer = _ => EmulatedAnswer.Json("{\"token_type\":\"Bearer\",\"access_token\":\"a9b723new\",\"expires_at\":\"" + Epoch(expiresAt)
                + "\",\"expires_in\":20566,\"refresh_token\":\"b5c569new\",\"scope\":[\"read\",\"activity:read\"]}");
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var token = await client.RefreshTokenAsync("e5n567567strava");

            Assert.Equal(expiresAt, token.ExpiresAt);
            Assert.Equal("read,activity:read", token.Scope);
            Assert.Equal("grant_type=refresh_token&client_id=54321&client_secret=strava-secret&refresh_token=e5n567567strava", _server.Last.Body);
        }

        [Fact]
        public async Task Strava_error_answer_is_an_OAuthException_with_the_status()
        {
            _answer = _ => EmulatedAnswer.Json("{\"message\":\"Bad Request\",\"errors\":[{\"resource\":\"AuthorizationCode\",\"field\":\"code\",\"code\":\"invalid\"}]}", 400);
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("bad", Callback));

            Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
            Assert.StartsWith("The provider answered HTTP 400 (BadRequest) without an OAuth error", failure.Message);
        }

        [Theory]
        [InlineData(1000L)]
        [InlineData(1L)]
        public async Task Expires_at_in_epoch_milliseconds_or_seconds_is_the_same_time(long unit)
        {
            var expiresAt = Start.AddHours(6);
            _answer = _ => EmulatedAnswer.Json("{\"access_token\":\"a4b945687gstrava\",\"expires_at\":" + (Epoch(expiresAt) * unit).ToString(CultureInfo.InvariantCulture) + "}");
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var token = await client.ExchangeAuthorizationCodeAsync("code", Callback);

            Assert.Equal(expiresAt, token.ExpiresAt);
        }

        [Fact]
        public async Task Expires_at_in_ISO_8601_is_read()
        {
            _answer = _ => EmulatedAnswer.Json("{\"access_token\":\"a4b945687gstrava\",\"expires_at\":\"2026-12-01T18:00:00Z\"}");
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var token = await client.ExchangeAuthorizationCodeAsync("code", Callback);

            Assert.Equal(Start.AddHours(6), token.ExpiresAt);
        }

        [Theory]
        [InlineData(-1, "in the past")]
        [InlineData(20 * 365, "more than 10 years ahead")]
        public async Task Expires_at_in_the_past_or_absurdly_far_is_refused(int days, string when)
        {
            var expiresAt = Start.AddDays(days);
            _answer = _ => EmulatedAnswer.Json("{\"access_token\":\"a4b945687gstrava\",\"refresh_token\":\"strava-refresh-value\",\"expires_at\":" + Epoch(expiresAt) + "}");
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("code", Callback));

            Assert.Equal(
                "The token endpoint answered HTTP 200 (OK) with a 'expires_at' of " + expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                + ", " + when + " of the answer's arrival at 2026-12-01T12:00:00Z.",
                failure.Message);
            Assert.DoesNotContain("a4b945687gstrava", failure.ToString());
        }

        [Fact]
        public async Task Expires_at_a_few_seconds_in_the_past_is_clock_skew_and_kept()
        {
            _answer = _ => EmulatedAnswer.Json("{\"access_token\":\"a4b945687gstrava\",\"expires_at\":" + Epoch(Start.AddSeconds(-30)) + "}");
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var token = await client.ExchangeAuthorizationCodeAsync("code", Callback);

            Assert.Equal(Start.AddSeconds(-30), token.ExpiresAt);
            Assert.True(token.IsExpired(_time.GetUtcNow()));
        }

        [Theory]
        [InlineData("{\"at\":1}", "an object")]
        [InlineData("[1]", "an array")]
        public async Task A_declared_field_that_holds_an_object_or_array_is_refused(string value, string kind)
        {
            _answer = _ => EmulatedAnswer.Json("{\"access_token\":\"a4b945687gstrava\",\"expires_at\":" + value + "}");
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("code", Callback));

            Assert.StartsWith("The provider answered HTTP 200 (OK) instead of a token: the expires_at field is " + kind + ", not a point in time", failure.Message);
            Assert.DoesNotContain("a4b945687gstrava", failure.ToString());
        }

        [Fact]
        public async Task Expires_at_that_is_no_time_is_refused()
        {
            _answer = _ => EmulatedAnswer.Json("{\"access_token\":\"a4b945687gstrava\",\"expires_at\":\"soon\"}");
            var client = new StravaAuth(_server.Http(), Options("54321", "strava-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("code", Callback));

            Assert.Equal("The token endpoint answered HTTP 200 (OK) with a 'expires_at' that is not epoch seconds or milliseconds, nor an ISO 8601 time.", failure.Message);
        }

        [Fact]
        public async Task Deezer_form_answer_expires_feeds_ExpiresIn_and_ExpiresAt()
        {
            _answer = _ => new EmulatedAnswer(200, "text/html; charset=utf-8", "access_token=frXHt5ZbPvUiK2ZB4T8jdVcgAK3Pse0Z&expires=3600");
            var client = new DeezerAuth(_server.Http(), Options("123456", "deezer-secret"), _time);

            var token = await client.ExchangeAuthorizationCodeAsync("fr6f1c7ba8f6b0d4d28a4ef1b1e33f91", Callback);

            Assert.Equal("frXHt5ZbPvUiK2ZB4T8jdVcgAK3Pse0Z", token.AccessToken);
            Assert.Equal(TimeSpan.FromHours(1), token.ExpiresIn);
            Assert.Equal(Start.AddHours(1), token.ExpiresAt);
            Assert.Equal("/oauth/access_token.php", _server.Last.Path);
            Assert.Equal("grant_type=authorization_code&client_id=123456&client_secret=deezer-secret&code=fr6f1c7ba8f6b0d4d28a4ef1b1e33f91&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback", _server.Last.Body);
        }

        [Fact]
        public async Task Deezer_expires_0_with_offline_access_is_no_expiry()
        {
            _answer = _ => new EmulatedAnswer(200, "text/html; charset=utf-8", "access_token=frXHt5ZbPvUiK2ZB4T8jdVcgAK3Pse0Z&expires=0");
            var client = new DeezerAuth(_server.Http(), Options("123456", "deezer-secret"), _time);

            var token = await client.ExchangeAuthorizationCodeAsync("code", Callback);

            Assert.Equal(TimeSpan.Zero, token.ExpiresIn);
            Assert.Null(token.ExpiresAt);
        }

        [Fact]
        public async Task Deezer_expires_that_is_no_number_names_the_declared_field()
        {
            _answer = _ => new EmulatedAnswer(200, "text/html; charset=utf-8", "access_token=frXHt5ZbPvUiK2ZB4T8jdVcgAK3Pse0Z&expires=never");
            var client = new DeezerAuth(_server.Http(), Options("123456", "deezer-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("code", Callback));

            Assert.StartsWith("The provider answered HTTP 200 (OK) instead of a token: expires is not a number", failure.Message);
            Assert.DoesNotContain("frXHt5ZbPvUiK2ZB4T8jdVcgAK3Pse0Z", failure.ToString());
        }

        [Fact]
        public async Task Deezer_wrong_code_answer_is_an_OAuthException()
        {
            _answer = _ => new EmulatedAnswer(200, "text/html; charset=utf-8", "wrong code");
            var client = new DeezerAuth(_server.Http(), Options("123456", "deezer-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("fr6f1c7ba8f6b0d4d28a4ef1b1e33f91", Callback));

            Assert.Equal("The provider answered HTTP 200 (OK) instead of a token: the response is neither a JSON object nor a form-encoded token response: wrong code", failure.Message);
        }

        [Fact]
        public async Task WeChat_errcode_and_errmsg_in_a_200_are_the_provider_error()
        {
            _answer = _ => EmulatedAnswer.Json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
            var client = new WeixinAuth(_server.Http(), Options("wxd477edab60670232", "weixin-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("CODE", Callback));

            Assert.Equal("40029", failure.Error);
            Assert.Equal("invalid code", failure.ErrorDescription);
            Assert.Equal("The provider answered HTTP 200 (OK) with error '40029': invalid code.", failure.Message);
        }

        [Fact]
        public async Task WeChat_errcode_as_a_string_is_an_error_too()
        {
            _answer = _ => EmulatedAnswer.Json("{\"errcode\":\"40163\",\"errmsg\":\"code been used\"}");
            var client = new WeixinAuth(_server.Http(), Options("wxd477edab60670232", "weixin-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("CODE", Callback));

            Assert.Equal("40163", failure.Error);
        }

        [Theory]
        [InlineData("")]
        [InlineData("\"errcode\":0,\"errmsg\":\"ok\",")]
        [InlineData("\"errcode\":\"0\",")]
        public async Task WeChat_success_answer_with_or_without_errcode_0_is_a_token(string status)
        {
            _answer = _ => EmulatedAnswer.Json("{" + status + "\"access_token\":\"ACCESS_TOKEN_WX\",\"expires_in\":7200,\"refresh_token\":\"REFRESH_TOKEN_WX\","
                + "\"openid\":\"OPENID\",\"scope\":\"snsapi_login\",\"unionid\":\"o6_bmasdasdsad6_2sgVt7hMZOPfL\"}");
            var client = new WeixinAuth(_server.Http(), Options("wxd477edab60670232", "weixin-secret"), _time);

            var token = await client.ExchangeAuthorizationCodeAsync("CODE", Callback);

            Assert.Equal("ACCESS_TOKEN_WX", token.AccessToken);
            Assert.Equal(Start.AddHours(2), token.ExpiresAt);
            Assert.Equal("snsapi_login", token.Scope);
            Assert.Equal("OPENID", token.AdditionalFields["openid"].GetString());
        }

        [Fact]
        public async Task WeChat_errcode_that_is_an_object_is_refused()
        {
            _answer = _ => EmulatedAnswer.Json("{\"errcode\":{\"code\":40029},\"errmsg\":\"invalid code\"}");
            var client = new WeixinAuth(_server.Http(), Options("wxd477edab60670232", "weixin-secret"), _time);

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync("CODE", Callback));

            Assert.StartsWith("The provider answered HTTP 200 (OK) instead of a token: the errcode field is an object, not a string", failure.Message);
        }

        [Fact]
        public void The_declaration_reaches_the_provider_description()
        {
            Assert.Equal("authed_user", SlackUserAuth.Provider.ResponseRoot);
            Assert.Equal(",", SlackUserAuth.Provider.ScopeSeparator);
            Assert.Equal("expires_at", StravaAuth.Provider.ExpiresAtField);
            Assert.Equal("expires", DeezerAuth.Provider.ExpiresInField);
            Assert.Equal("errcode", WeixinAuth.Provider.ErrorField);
            Assert.Equal("errmsg", WeixinAuth.Provider.ErrorDescriptionField);
            Assert.Equal(" ", WeixinAuth.Provider.ScopeSeparator);
            Assert.Null(WeixinAuth.Provider.ResponseRoot);
        }
    }
}
