using System;
using System.Net;
using System.Text;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Responses
{
    /// <summary>
    /// What an answer means (<see cref="ResponseMapping"/>): the token with its lifetime, scope and declared absolute
    /// expiry, the device authorization, the revocation, and the exact message of each answer that is none (the
    /// survivors of the first mutation run, issue 15).
    /// </summary>
    public class ResponseMappingMutationTests
    {
        private static readonly DateTimeOffset Received = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        private static readonly ResponseShape ExpiresAtShape =
            new OAuthProviderInfo("Example", "https://id.example/token", expiresAtField: "expires_at").ResponseShape!;

        // The body in a larger buffer, as the pooled ones are: only the first Length bytes are the answer.
        private static Answer Answer(HttpStatusCode status, string body, ResponseShape? shape = null, TimeSpan? retryAfter = null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var buffer = new byte[bytes.Length + 16];
            bytes.CopyTo(buffer, 0);
            Encoding.ASCII.GetBytes("{\"error\":\"tail\"}").CopyTo(buffer, bytes.Length);
            return new Answer(status, (int)status >= 200 && (int)status < 300, buffer, bytes.Length, Received, Array.Empty<string>(), retryAfter, Array.Empty<string>(), shape);
        }

        private static OAuthToken Token(Answer answer, string? requestedScope = null) =>
            ResponseMapping.CreateToken(answer, new TokenFactory<OAuthToken>(_ => new OAuthToken()), requestedScope);

        private static string Failure(Func<object> read) => Assert.Throws<OAuthException>(read).Message;

        [Theory]
        [InlineData(200, "{\"token_type\":\"bearer\"}", "The token endpoint answered HTTP 200 (OK) without an access_token.")]
        [InlineData(201, "{\"access_token\":\"\"}", "The token endpoint answered HTTP 201 (Created) without an access_token.")]
        [InlineData(200, "{\"token_type\":\"bearer\"", "The provider answered HTTP 200 (OK) instead of a token: the response is not valid JSON (line 1, byte 23): {\"token_type\":\"bearer\"")]
        [InlineData(200, "[1]", "The provider answered HTTP 200 (OK) instead of a token: the response is neither a JSON object nor a form-encoded token response: [1]")]
        [InlineData(200, "{\"error\":\"invalid_grant\"}", "The provider answered HTTP 200 (OK) with error 'invalid_grant'.")]
        [InlineData(400, "{\"error\":\"invalid_grant\",\"error_description\":\"\"}", "The provider answered HTTP 400 (BadRequest) with error 'invalid_grant'.")]
        [InlineData(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The code expired\"}", "The provider answered HTTP 400 (BadRequest) with error 'invalid_grant': The code expired.")]
        [InlineData(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The code expired.\"}", "The provider answered HTTP 400 (BadRequest) with error 'invalid_grant': The code expired.")]
        [InlineData(401, "{\"error\":\"invalid_client.\"}", "The provider answered HTTP 401 (Unauthorized) with error 'invalid_client.'.")]
        [InlineData(500, "<html>Bad Gateway</html>", "The provider answered HTTP 500 (InternalServerError) without an OAuth error: <html>Bad Gateway</html>")]
        [InlineData(502, "{\"token_type\":", "The provider answered HTTP 502 (BadGateway) without an OAuth error: {\"token_type\":")]
        [InlineData(503, "", "The provider answered HTTP 503 (ServiceUnavailable) without an OAuth error (empty body).")]
        public void An_answer_that_is_no_token_says_why(int status, string body, string message)
        {
            Assert.Equal(message, Failure(() => Token(Answer((HttpStatusCode)status, body))));
        }

        [Fact]
        public void A_wait_asked_for_is_in_the_message_rounded_up_to_the_second()
        {
            Assert.Equal(
                "The provider answered HTTP 503 (ServiceUnavailable), asking to retry after 30 s, without an OAuth error (empty body).",
                Failure(() => Token(Answer(HttpStatusCode.ServiceUnavailable, "", retryAfter: TimeSpan.FromSeconds(29.2)))));
        }

        [Fact]
        public void An_answer_without_the_declared_root_says_so_and_not_that_it_lacks_a_token()
        {
            var shape = new OAuthProviderInfo("Example", "https://id.example/token", responseRoot: "authed_user").ResponseShape!;

            Assert.Equal(
                "The provider answered HTTP 200 (OK) instead of a token: the answer has no 'authed_user' object (the declared ResponseRoot): {\"ok\":true}",
                Failure(() => Token(Answer(HttpStatusCode.OK, "{\"ok\":true}", shape))));
            Assert.Equal("The provider answered HTTP 200 (OK) with error 'invalid_code'.", Failure(() => Token(Answer(HttpStatusCode.OK, "{\"ok\":false,\"error\":\"invalid_code\"}", shape))));
        }

        [Theory]
        [InlineData("{\"access_token\":\"a\",\"scope\":\"granted\"}", "requested", "granted")]
        [InlineData("{\"access_token\":\"a\"}", "requested", "requested")]
        [InlineData("{\"access_token\":\"a\",\"scope\":\"granted\"}", null, "granted")]
        [InlineData("{\"access_token\":\"a\"}", null, null)]
        public void The_scope_is_what_was_granted_or_else_what_was_asked_for(string body, string? requested, string? scope)
        {
            Assert.Equal(scope, Token(Answer(HttpStatusCode.OK, body), requested).Scope);
        }

        [Fact]
        public void A_lifetime_is_counted_from_the_answer_s_arrival_and_zero_is_none()
        {
            var token = Token(Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"expires_in\":3600}"));
            Assert.Equal((TimeSpan.FromHours(1), Received.AddHours(1)), (token.ExpiresIn!.Value, token.ExpiresAt!.Value));

            var zero = Token(Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"expires_in\":0}"));
            Assert.Equal(TimeSpan.Zero, zero.ExpiresIn);
            Assert.Null(zero.ExpiresAt);

            Assert.Null(Token(Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}")).ExpiresAt);
        }

        [Fact]
        public void A_lifetime_beyond_the_calendar_ends_at_its_last_moment()
        {
            var token = Token(Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"expires_in\":922337203685}"));

            Assert.Equal(DateTimeOffset.MaxValue, token.ExpiresAt);
            Assert.Equal(TimeSpan.FromSeconds(922337203685), token.ExpiresIn);
        }

        [Theory]
        [InlineData(6 * 3600)]
        [InlineData(-5 * 60)]
        [InlineData(-60)]
        [InlineData(0)]
        [InlineData(3650 * 86400)]
        public void A_declared_expiry_within_bounds_wins_over_the_lifetime(long offsetSeconds)
        {
            var expiresAt = Received.AddSeconds(offsetSeconds);
            var token = Token(Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"expires_in\":60,\"expires_at\":" + expiresAt.ToUnixTimeSeconds() + "}", ExpiresAtShape));

            Assert.Equal(expiresAt, token.ExpiresAt);
            Assert.Equal(TimeSpan.FromSeconds(offsetSeconds), token.ExpiresIn);
        }

        [Theory]
        [InlineData(-5 * 60 - 1, "The token endpoint answered HTTP 200 (OK) with a 'expires_at' of 2026-12-01T11:54:59Z, in the past of the answer's arrival at 2026-12-01T12:00:00Z.")]
        [InlineData(-86400, "The token endpoint answered HTTP 200 (OK) with a 'expires_at' of 2026-11-30T12:00:00Z, in the past of the answer's arrival at 2026-12-01T12:00:00Z.")]
        [InlineData(3650 * 86400 + 1, "The token endpoint answered HTTP 200 (OK) with a 'expires_at' of 2036-11-28T12:00:01Z, more than 10 years ahead of the answer's arrival at 2026-12-01T12:00:00Z.")]
        public void A_declared_expiry_out_of_bounds_is_refused_with_both_times(long offsetSeconds, string message)
        {
            var expiresAt = Received.AddSeconds(offsetSeconds).ToUnixTimeSeconds();

            Assert.Equal(message, Failure(() => Token(Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"expires_at\":" + expiresAt + "}", ExpiresAtShape))));
        }

        [Theory]
        [InlineData("\"soon\"")]
        [InlineData("true")]
        [InlineData("1e300")]
        public void A_declared_expiry_that_is_no_time_is_refused(string value)
        {
            Assert.Equal(
                "The token endpoint answered HTTP 200 (OK) with a 'expires_at' that is not epoch seconds or milliseconds, nor an ISO 8601 time.",
                Failure(() => Token(Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"expires_at\":" + value + "}", ExpiresAtShape))));
        }

        [Theory]
        [InlineData("null")]
        [InlineData("\"\"")]
        public void An_empty_declared_expiry_leaves_the_lifetime(string value)
        {
            var token = Token(Answer(HttpStatusCode.OK, "{\"access_token\":\"a\",\"expires_in\":60,\"expires_at\":" + value + "}", ExpiresAtShape));

            Assert.Equal(Received.AddMinutes(1), token.ExpiresAt);
        }

        [Fact]
        public void A_device_authorization_is_read_with_its_defaults()
        {
            var read = ResponseMapping.ReadDeviceAuthorization(Answer(HttpStatusCode.OK,
                "{\"device_code\":\"d\",\"user_code\":\"U-1\",\"verification_uri\":\"https://id.example/device\",\"verification_url\":\"https://old.example/device\",\"verification_uri_complete\":\"https://id.example/device?code=U-1\"}"));

            Assert.Equal(("d", "U-1"), (read.DeviceCode, read.UserCode));
            Assert.Equal(new Uri("https://id.example/device"), read.VerificationUri);
            Assert.Equal(new Uri("https://id.example/device?code=U-1"), read.VerificationUriComplete);
            Assert.Equal(TimeSpan.FromMinutes(5), read.ExpiresIn);
            Assert.Equal(TimeSpan.FromSeconds(5), read.Interval);
            Assert.Equal(Received, read.IssuedAt);
        }

        [Theory]
        [InlineData(",\"interval\":7,\"expires_in\":1800", 7, 1800)]
        [InlineData(",\"interval\":0", 5, 300)]
        [InlineData(",\"interval\":-3", 5, 300)]
        [InlineData(",\"interval\":\"2.5\"", 2.5, 300)]
        [InlineData(",\"verification_uri_complete\":\"/device?code=U\"", 5, 300)]
        public void A_device_authorization_s_interval_is_used_when_it_is_positive(string members, double interval, double expiresIn)
        {
            var read = ResponseMapping.ReadDeviceAuthorization(Answer(HttpStatusCode.OK, "{\"device_code\":\"d\",\"user_code\":\"U\",\"verification_url\":\"https://old.example/device\"" + members + "}"));

            Assert.Equal(new Uri("https://old.example/device"), read.VerificationUri);
            Assert.Null(read.VerificationUriComplete);
            Assert.Equal(TimeSpan.FromSeconds(interval), read.Interval);
            Assert.Equal(TimeSpan.FromSeconds(expiresIn), read.ExpiresIn);
        }

        [Theory]
        [InlineData("{\"user_code\":\"U\",\"verification_uri\":\"https://id.example/device\"}")]
        [InlineData("{\"device_code\":\"d\",\"verification_uri\":\"https://id.example/device\"}")]
        [InlineData("{\"device_code\":\"\",\"user_code\":\"U\",\"verification_uri\":\"https://id.example/device\"}")]
        [InlineData("{\"device_code\":\"d\",\"user_code\":\"\",\"verification_uri\":\"https://id.example/device\"}")]
        [InlineData("{\"device_code\":\"d\",\"user_code\":\"U\"}")]
        [InlineData("{\"device_code\":\"d\",\"user_code\":\"U\",\"verification_uri\":\"/device\"}")]
        [InlineData("{\"device_code\":\"d\",\"user_code\":\"U\",\"verification_uri\":\"file:///device\"}")]
        [InlineData("{\"device_code\":\"d\",\"user_code\":\"U\",\"verification_uri\":\"device\"}")]
        public void A_device_authorization_without_its_three_members_is_refused(string body)
        {
            Assert.Equal(
                "The device authorization endpoint answered HTTP 200 (OK) without device_code, user_code and verification_uri.",
                Failure(() => ResponseMapping.ReadDeviceAuthorization(Answer(HttpStatusCode.OK, body))));
        }

        [Fact]
        public void What_is_no_device_authorization_or_introspection_result_is_named()
        {
            Assert.Equal(
                "The provider answered HTTP 200 (OK) instead of a device authorization: the response is not valid JSON (line 1, byte 2): {",
                Failure(() => ResponseMapping.ReadDeviceAuthorization(Answer(HttpStatusCode.OK, "{"))));
            Assert.Equal(
                "The provider answered HTTP 200 (OK) instead of an introspection result: the response is not valid JSON (line 1, byte 2): {",
                Failure(() => ResponseMapping.ReadIntrospection(Answer(HttpStatusCode.OK, "{"))));
        }

        [Theory]
        [InlineData(200, "")]
        [InlineData(200, "OK")]
        [InlineData(204, "")]
        [InlineData(200, "{\"revoked\":true}")]
        public void A_revocation_succeeds_on_any_success_without_an_error(int status, string body)
        {
            Assert.True(ResponseMapping.ReadRevocation(Answer((HttpStatusCode)status, body)));
        }

        [Theory]
        [InlineData(200, "{\"error\":\"unsupported_token_type\"}", "The provider answered HTTP 200 (OK) with error 'unsupported_token_type'.")]
        [InlineData(400, "{\"error\":\"invalid_request\",\"error_description\":\"token missing\"}", "The provider answered HTTP 400 (BadRequest) with error 'invalid_request': token missing.")]
        [InlineData(400, "", "The provider answered HTTP 400 (BadRequest) without an OAuth error (empty body).")]
        [InlineData(503, "down", "The provider answered HTTP 503 (ServiceUnavailable) without an OAuth error: down")]
        public void A_revocation_fails_on_an_error_or_a_failure_status(int status, string body, string message)
        {
            Assert.Equal(message, Failure(() => ResponseMapping.ReadRevocation(Answer((HttpStatusCode)status, body))));
        }

        [Fact]
        public void A_token_factory_needs_its_function()
        {
            Assert.Equal("createToken", Assert.Throws<ArgumentNullException>(() => new TokenFactory<OAuthToken>((Func<System.Collections.Generic.IReadOnlyDictionary<string, System.Text.Json.JsonElement>, OAuthToken>)null!)).ParamName);
            Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => new TokenFactory<OAuthToken>((ITokenFieldSet<OAuthToken>)null!)).ParamName);
        }
    }
}
