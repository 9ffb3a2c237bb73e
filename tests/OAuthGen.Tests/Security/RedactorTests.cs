using System;
using System.Net;
using System.Text;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Security
{
    /// <summary>
    /// The redactor's own rules, one at a time: which member names hold credentials, every form of a known secret, the
    /// order in which overlapping secrets are hidden, and which shapes of provider text are masked as unknown credentials.
    /// </summary>
    public class RedactorTests
    {
        [Theory]
        [InlineData("access_token")]
        [InlineData("ID_TOKEN")]
        [InlineData("signing_key")]
        [InlineData("secret")]
        [InlineData("client_secret_hash")]
        [InlineData("password")]
        [InlineData("old_password_hint")]
        [InlineData("assertion")]
        [InlineData("client_assertion_type")]
        [InlineData("device_code")]
        [InlineData("authorization_code")]
        [InlineData("code_verifier")]
        [InlineData("APIKEY")]
        [InlineData("key")]
        [InlineData("session_ref")]
        public void A_member_named_like_a_credential_is_one(string name)
        {
            Assert.True(new Redactor(Array.Empty<string>(), new[] { "session_ref" }).IsCredentialName(name), name);
        }

        [Theory]
        [InlineData("code")]
        [InlineData("error")]
        [InlineData("expires_in")]
        [InlineData("keyboard")]
        [InlineData("token_type")]
        [InlineData("scope")]
        [InlineData("session_ref")]
        public void An_ordinary_member_is_not_a_credential(string name)
        {
            // session_ref is a credential only for a typed token that marks it Secret.
            Assert.False(new Redactor(Array.Empty<string>()).IsCredentialName(name), name);
        }

        [Fact]
        public void The_suffix_of_a_message_says_there_was_no_answer_an_empty_one_or_its_excerpt()
        {
            Assert.Equal(".", new Redactor(Array.Empty<string>()).ExcerptSuffix);
            Assert.Equal(" (empty body).", new Redactor(Array.Empty<string>()).Seeing(Array.Empty<byte>(), 0).ExcerptSuffix);

            var body = Encoding.UTF8.GetBytes("{\"error\":\"invalid_grant\"}");
            Assert.Equal(": {\"error\":\"invalid_grant\"}", new Redactor(Array.Empty<string>()).Seeing(body, body.Length).ExcerptSuffix);
        }

        [Fact]
        public void A_failure_carries_the_redacted_oauth_fields_the_status_and_the_retry_delay()
        {
            var redactor = new Redactor(new[] { "hunter2-secret" });

            var failure = redactor.Failure(
                "Refused for hunter2-secret.",
                HttpStatusCode.TooManyRequests,
                "slow_down",
                "Wait, hunter2-secret.",
                "https://idp.example/errors",
                TimeSpan.FromSeconds(7));

            Assert.Equal("Refused for ***.", failure.Message);
            Assert.Equal("slow_down", failure.Error);
            Assert.Equal("Wait, ***.", failure.ErrorDescription);
            Assert.Equal("https://idp.example/errors", failure.ErrorUri);
            Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
        }

        [Fact]
        public void A_secret_that_contains_another_is_hidden_whole_whichever_came_first()
        {
            var redactor = new Redactor(new[] { "abc", "abcdef-longer-secret" });

            Assert.Equal("x *** y", redactor.Redact("x abcdef-longer-secret y"));
        }

        [Fact]
        public void A_secret_of_three_characters_is_hidden_and_a_shorter_one_is_not()
        {
            Assert.Equal("id=***", new Redactor(new[] { "a1b" }).Redact("id=a1b"));
            Assert.Equal("id=a1", new Redactor(new[] { "a1" }).Redact("id=a1"));
        }

        [Theory]
        [InlineData("pass word/1&x")]                                      // raw
        [InlineData("pass+word%2F1%26x")]                                   // form-encoded: the space as '+'
        [InlineData("pass%20word%2F1%26x")]                                 // percent-encoded: the space as %20
        [InlineData("pass word/1\\u0026x")]                                // JSON-escaped by the default encoder
        public void A_secret_is_hidden_in_each_form_it_can_take_in_a_text(string form)
        {
            var redactor = new Redactor(new[] { "pass word/1&x" });

            Assert.DoesNotContain("word", redactor.Redact("[" + form + "]"));
        }

        [Fact]
        public void A_secret_with_characters_json_escapes_even_relaxed_is_hidden_in_its_relaxed_form()
        {
            var redactor = new Redactor(new[] { "quote\"tab\tend" });

            Assert.Equal("[***]", redactor.Redact("[quote\\\"tab\\tend]"));
            Assert.Equal("[***]", redactor.Redact("[quote\\u0022tab\\tend]"));
        }

        [Theory]
        [InlineData("eyJhbGciOiJIUzI1.x", "***")]                            // 18: a JWT shorter than an opaque token
        [InlineData("eyJhbGciOiJI.xyz", "***")]                              // exactly 16
        [InlineData("eyJhbGciOiJ.xyz", "eyJhbGciOiJ.xyz")]                   // 15
        [InlineData("eyJhbGciOiJIUzI1NiJ9abc", "eyJhbGciOiJIUzI1NiJ9abc")]   // no dot, under 32
        [InlineData("abJhbGciOiJIUzI1.xyz", "abJhbGciOiJIUzI1.xyz")]         // dotted, under 32, not "eyJ"
        public void A_jwt_shaped_value_in_provider_text_is_masked(string value, string shown)
        {
            Assert.Equal("before " + shown + " after", CredentialShapes.Mask("before " + value + " after"));
        }

        [Theory]
        [InlineData("0123456789abcdefghij0123456789ab", true)]   // 32, digits and letters
        [InlineData("0123456789ABCDEFGHIJ0123456789AB", true)]   // capitals
        [InlineData("a0000000000000000000000000000000", true)]   // the first letter and the first digit only
        [InlineData("z9999999999999999999999999999999", true)]   // the last letter and the last digit only
        [InlineData("Z-_.~+=0000000000000000000000000", true)]   // every other token character is part of the run
        [InlineData("0123456789abcdefghij0123456789a", false)]   // 31
        [InlineData("abcdefghijklmnopqrstuvwxyzabcdefgh", false)] // letters only
        [InlineData("01234567890123456789012345678901234", false)] // digits only
        [InlineData("0123456789_0123456789~0123456789_0123", false)] // digits and separators: '_' and '~' are no letters
        [InlineData("0123456789abcdef/0123456789abcdef", false)]  // '/' ends a run: URLs stay readable
        public void A_long_opaque_value_in_provider_text_is_masked(string value, bool masked)
        {
            Assert.Equal("(" + (masked ? "***" : value) + ")", CredentialShapes.Mask("(" + value + ")"));
        }

        [Fact]
        public void Every_credential_shaped_value_of_a_text_is_masked_and_the_text_between_them_kept()
        {
            var text = "a eyJhbGciOiJIUzI1.x b 0123456789abcdefghij0123456789ab c";

            Assert.Equal("a *** b *** c", CredentialShapes.Mask(text));
        }
    }
}
