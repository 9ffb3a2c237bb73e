using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Runtime
{
    public class TokenResponseReaderTests
    {
        [Theory]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":3599}", 3599)]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":\"3599\"}", 3599)]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":3599.0}", 3599)]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":\"3599.0\"}", 3599)]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":\" 3599 \"}", 3599)]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":1.5}", 1.5)]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":0}", 0)]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":3.6e3}", 3600)]
        public void Expires_in_is_read_as_a_number_or_a_string(string json, double seconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds), Read(json).ExpiresIn);
        }

        [Theory]
        [InlineData("{\"access_token\":\"a\"}")]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":null}")]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":\"\"}")]
        public void A_missing_or_empty_expires_in_means_no_expiry(string json)
        {
            Assert.Null(Read(json).ExpiresIn);
        }

        [Theory]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":-1}", "expires_in is negative")]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":\"soon\"}", "expires_in is not a number")]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":1e300}", "expires_in is out of range")]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":true}", "expires_in is not a number")]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":[1]}", "expires_in is not a number")]
        [InlineData("{\"access_token\":{}}", "the access_token field is an object, not a string")]
        [InlineData("{\"access_token\":\"a\"", "the response is not valid JSON")]
        [InlineData("{\"access_token\":\"a\"} trailing", "the response is not valid JSON")]
        [InlineData("{\"access_token\":\"a\",,}", "the response is not valid JSON")]
        [InlineData("<html><body>Bad Gateway</body></html>", "the response is neither a JSON object nor a form-encoded token response")]
        [InlineData("[\"access_token\"]", "the response is neither a JSON object nor a form-encoded token response")]
        [InlineData("", "the response body is empty")]
        [InlineData("   \r\n", "the response body is empty")]
        public void What_is_not_a_token_response_is_named(string body, string problem)
        {
            var read = TokenResponseReader.Read(Encoding.UTF8.GetBytes(body), out var actual);

            Assert.Null(read);
            Assert.StartsWith(problem, actual);
        }

        [Fact]
        public void Invalid_utf8_is_a_problem_not_a_crash()
        {
            var read = TokenResponseReader.Read(new byte[] { 0xC3, 0x28, 0xFF, (byte)'=' }, out var problem);

            Assert.Null(read);
            Assert.NotNull(problem);
        }

        [Fact]
        public void A_utf8_bom_and_leading_whitespace_are_skipped()
        {
            var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("\r\n {\"access_token\":\"a\"}")).ToArray();

            Assert.Equal("a", TokenResponseReader.Read(body, out _)!.AccessToken);
        }

        [Fact]
        public void Trailing_commas_and_comments_are_tolerated()
        {
            var read = Read("{ /* issued by a gateway */ \"access_token\":\"a\", // the token\n \"token_type\":\"Bearer\", }");

            Assert.Equal("a", read.AccessToken);
            Assert.Equal("Bearer", read.TokenType);
        }

        [Fact]
        public void Unknown_fields_including_an_empty_key_are_kept_with_their_json_types()
        {
            var read = Read("{\"access_token\":\"a\",\"\":\"\",\"n\":42,\"o\":{\"deep\":[1,{\"x\":null}]},\"b\":false}");

            Assert.Equal(4, read.AdditionalFields.Count);
            Assert.Equal("", read.AdditionalFields[""].GetString());
            Assert.Equal(42, read.AdditionalFields["n"].GetInt32());
            Assert.Equal(JsonValueKind.Null, read.AdditionalFields["o"].GetProperty("deep")[1].GetProperty("x").ValueKind);
            Assert.Equal(JsonValueKind.False, read.AdditionalFields["b"].ValueKind);
        }

        [Fact]
        public void Standard_fields_match_in_any_case_and_leave_additional_fields_alone()
        {
            var read = Read("{\"Access_Token\":\"a\",\"TOKEN_TYPE\":\"bearer\",\"Refresh_Token\":\"r\",\"ID_TOKEN\":\"i\",\"Scope\":\"s\"}");

            Assert.Equal(("a", "bearer", "r", "i", "s"), (read.AccessToken, read.TokenType, read.RefreshToken, read.IdToken, read.Scope));
            Assert.Empty(read.AdditionalFields);
        }

        [Fact]
        public void A_scope_array_is_joined_with_spaces()
        {
            Assert.Equal("read write", Read("{\"access_token\":\"a\",\"scope\":[\"read\",\"write\"]}").Scope);
        }

        [Fact]
        public void A_numeric_access_token_is_read_as_its_text()
        {
            Assert.Equal("1234567890123456789012", Read("{\"access_token\":1234567890123456789012}").AccessToken);
        }

        [Fact]
        public void Escaped_strings_are_unescaped()
        {
            Assert.Equal("a/b\"c\u00e9", Read("{\"access_token\":\"a\\/b\\\"c\\u00e9\"}").AccessToken);
        }

        [Fact]
        public void The_last_of_duplicate_keys_wins()
        {
            Assert.Equal("second", Read("{\"access_token\":\"first\",\"access_token\":\"second\"}").AccessToken);
        }

        [Fact]
        public void Error_fields_are_read()
        {
            var read = Read("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\",\"error_uri\":\"https://docs.example/errors\"}");

            Assert.Equal(("invalid_client", "Client authentication failed", "https://docs.example/errors"), (read.Error, read.ErrorDescription, read.ErrorUri));
        }

        [Fact]
        public void A_form_encoded_answer_is_read()
        {
            var read = Read("access_token=e72e16c7e42f292c6912e7710c838347ae178b4a&scope=repo%2Cgist&token_type=bearer&expires_in=28800&extra=a+b");

            Assert.Equal("e72e16c7e42f292c6912e7710c838347ae178b4a", read.AccessToken);
            Assert.Equal("repo,gist", read.Scope);
            Assert.Equal("bearer", read.TokenType);
            Assert.Equal(TimeSpan.FromHours(8), read.ExpiresIn);
            Assert.Equal("a b", read.AdditionalFields["extra"].GetString());
        }

        [Fact]
        public void A_form_encoded_error_is_read()
        {
            var read = Read("error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.");

            Assert.Equal("bad_verification_code", read.Error);
            Assert.Equal("The code passed is incorrect or expired.", read.ErrorDescription);
        }

        [Fact]
        public void Deep_nesting_is_refused_rather_than_recursed_into()
        {
            var json = "{\"access_token\":\"a\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

            Assert.Null(TokenResponseReader.Read(Encoding.UTF8.GetBytes(json), out var problem));
            Assert.NotNull(problem);
        }

        private static TokenResponse Read(string body)
        {
            var read = TokenResponseReader.Read(Encoding.UTF8.GetBytes(body), out var problem);
            Assert.True(read is not null, problem);
            return read!;
        }
    }
}
