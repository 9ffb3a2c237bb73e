using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Security
{
    /// <summary>
    /// The pass that finds an answer's credentials, one rule at a time: what it hides in the excerpt, where each
    /// credential is written (so every row names the exact text shown), and which values it then hides anywhere else.
    /// Bodies wrapped in &lt;p&gt; are not JSON, so only the text scan sees them; names escaped as "acc\u0065ss_token"
    /// are seen only by the JSON reader.
    /// </summary>
    public class AnswerCredentialsTests
    {
        [Theory]
        // The JSON reader: a credential of any type is hidden whole, an object or array with all it holds.
        [InlineData("{\"acc\\u0065ss_token\":{\"value\":\"in-v4lue-1\"}}", "{\"acc\\u0065ss_token\":***}")]
        [InlineData("{\"acc\\u0065ss_token\":[\"in-v4lue-1\",\"in-v4lue-2\"]}", "{\"acc\\u0065ss_token\":***}")]
        [InlineData("{\"acc\\u0065ss_token\":1234567890}", "{\"acc\\u0065ss_token\":***}")]
        [InlineData("{\"acc\\u0065ss_token\":{\"value\":\"in-v4lue-1\"", "{\"acc\\u0065ss_token\":***")]                     // broken inside the object: hidden to the end
        [InlineData("{\"access_token\":\"ab-123\",\"error\":\"invalid_grant\"", "{\"access_token\":\"***\",\"error\":\"invalid_grant\"")] // broken after it: the rest is kept
        // Short values: a quoted one is hidden from three characters with its quotes, a bare one from eight.
        [InlineData("{\"access_token\":\"a\"}", "{\"access_token\":\"***\"}")]
        [InlineData("{\"access_token\":\"ab\"}", "{\"access_token\":\"***\"}")]
        [InlineData("{\"access_token\":\"\"}", "{\"access_token\":\"\"}")]
        [InlineData("{\"access_token\":400,\"expires_in\":3600}", "{\"access_token\":400,\"expires_in\":3600}")]
        [InlineData("{\"access_token\":12345678,\"expires_in\":3600}", "{\"access_token\":***,\"expires_in\":3600}")]
        [InlineData("{\"access_token\":1234567890,\"token_type\":\"Bearer\"}", "{\"access_token\":***,\"token_type\":\"Bearer\"}")]
        [InlineData("{\"a_token\":12345678,\"b_token\":1234567890}", "{\"a_token\":***,\"b_token\":***}")]                   // the longer first: no "***90"
        // The text scan, in a body that is not JSON.
        [InlineData("<p>{\"access_token\":\"ab-123\"}</p>", "<p>{\"access_token\":\"***\"}</p>")]
        [InlineData("<p>{\"access_token\":\"ab\"}</p>", "<p>{\"access_token\":\"***\"}</p>")]
        [InlineData("<p>{\"access_token\":\"ab-12", "<p>{\"access_token\":\"***")]                                            // cut off: no quote is added
        [InlineData("<p>{\"access_token\":\"ab\\\"cd-123\"}</p>", "<p>{\"access_token\":\"***\"}</p>")]                        // an escaped quote does not end it
        [InlineData("<p>{\"access_token\" : \"ab-123\"}</p>", "<p>{\"access_token\" : \"***\"}</p>")]
        [InlineData("<p>{\"access_token\":\t1234567890 }</p>", "<p>{\"access_token\": *** }</p>")]                                    // a tab is shown as a space
        [InlineData("<p>{\"access_token\":1234567890}</p>", "<p>{\"access_token\":***}</p>")]
        [InlineData("<p>{\"access_token\":1234567890,\"x\":1}</p>", "<p>{\"access_token\":***,\"x\":1}</p>")]
        [InlineData("<p>[\"access_token\":1234567890]</p>", "<p>[\"access_token\":***]</p>")]
        [InlineData("<p>{\"access_token\":=ab1}</p>", "<p>{\"access_token\":***}</p>")]                                       // short, but not bare: it holds '='
        [InlineData("<p>{\"access_token\":{\"a\":\"in-1\",\"b\":{\"c\":[\"in-2\"]},\"d\":\"in-3\"}} tail</p>", "<p>{\"access_token\":***} tail</p>")]
        [InlineData("<p>{\"access_token\":[\"in-1\",[\"in-2\"],{\"c\":\"in-3\"}]} tail</p>", "<p>{\"access_token\":***} tail</p>")]
        [InlineData("<p>{\"access_token\":{\"a\":\"in-1\"", "<p>{\"access_token\":***")]                                      // an object that never closes
        [InlineData("\"access_token\":\"ab-123\"", "\"access_token\":\"***\"")]                                                // a member at the very start
        [InlineData("5\" tall: {\"access_token\":\"ab-123\"}", "5\" tall: {\"access_token\":\"***\"}")]                        // after a quote that closes nothing
        // JSON quoted inside a string: a gateway's wrapped upstream answer.
        [InlineData("{\"error\":\"bad_gateway\",\"upstream\":\"{\\\"access_token\\\":\\\"ab-123\\\"}\"}", "{\"error\":\"bad_gateway\",\"upstream\":\"{\\\"access_token\\\":\\\"***\\\"}\"}")]
        [InlineData("{\"upstream\":[\"{\\\"refresh_token\\\":\\\"rt-123\\\"}\"]}", "{\"upstream\":[\"{\\\"refresh_token\\\":\\\"***\\\"}\"]}")]
        // Form-encoded: only the credentials' values.
        [InlineData("access_token=ab&expires_in=3600&token_type=bearer", "access_token=***&expires_in=3600&token_type=bearer")]
        [InlineData("=x&access_token=ab-123", "=x&access_token=***")]                                                          // a first pair without a name
        // A JSON answer is not read as a form: a description of one keeps its words.
        [InlineData("{\"error\":\"invalid_client\",\"error_description\":\"client_secret=required\"}", "{\"error\":\"invalid_client\",\"error_description\":\"client_secret=required\"}")]
        public void The_excerpt_of_an_answer_shows_it_with_each_credential_masked_where_it_is_written(string body, string shown)
        {
            Assert.Equal(shown, Seen(body).Excerpt!.Text);
        }

        [Theory]
        [InlineData("{\"acc\\u0065ss_token\":\"v4lue-123\"}", "v4lue-123")]                                    // an escaped name
        [InlineData("{\"access_token\":\"v4lue\\u002d123\"}", "v4lue-123")]                                   // an escaped value, decoded
        [InlineData("{/* a comment */\"acc\\u0065ss_token\":\"v4lue-123\"}", "v4lue-123")]
        [InlineData("{\"scope\":[\"a\",\"b\",],\"acc\\u0065ss_token\":\"v4lue-123\",}", "v4lue-123")]         // trailing commas
        [InlineData("{\"ACCESS_TOKEN\":\"v4lue-123\"}", "v4lue-123")]
        [InlineData("{\"data\":{\"items\":[{\"refresh_token\":\"v4lue-123\"}]}}", "v4lue-123")]
        [InlineData("{\"api_handle\":\"v4lue-123\"}", "v4lue-123")]                                           // marked Secret by the typed token
        [InlineData("<p>{\"access_token\":\"v4lue-123\"}</p>", "v4lue-123")]
        [InlineData("<p>{\"refresh_token\":{\"access_token\":\"v4lue-123\"}}</p>", "v4lue-123")]              // inside a credential object
        [InlineData("{\"upstream\":\"{\\\"access_token\\\":\\\"v4lue-123\\\"}\"}", "v4lue-123")]               // in JSON quoted in a string
        [InlineData("\"{\\\"access_token\\\":\\\"v4lue-123\\\"}\"", "v4lue-123")]                               // a body that is such a string
        [InlineData("{\"a\":\"{\\\"b\\\":\\\"{\\\\\\\"access_token\\\\\\\":\\\\\\\"v4lue-123\\\\\\\"}\\\"}\"}", "v4lue-123")] // quoted twice
        [InlineData("{\"upstream\":\"{\\\"access_token\\\":\\\"v4lue-123\\\"}\\", "v4lue-123")]               // cut off after a backslash
        [InlineData("access_token=v4lue%2b123", "v4lue%2b123")]                                              // form: as written
        [InlineData("access_token=v4lue%2B123", "v4lue+123")]                                                // form: decoded
        public void A_credential_value_of_an_answer_is_hidden_wherever_else_it_appears(string body, string value)
        {
            Assert.Equal("refused: ***.", Seen(body, "api_handle").Redact("refused: " + value + "."));
        }

        [Fact]
        public void A_credential_that_the_excerpt_window_cuts_in_two_shows_none_of_its_start()
        {
            // The access token is masked down to three characters, so what was at the window's end reaches the excerpt.
            var head = "{\"access_token\":\"" + new string('a', 16 * 1024 - 8 - 36) + "\",\"refresh_token\":\"";
            Assert.Equal(16 * 1024 - 8, head.Length);

            var redactor = Seen(head + "rt-v4lue-123\"}");

            Assert.Equal("{\"access_token\":\"***\",\"refresh_token\":\"***", redactor.Excerpt!.Text);
        }

        [Theory]
        [InlineData("{\"a\":")]
        [InlineData("{\"a_token\":")]
        [InlineData("[{\"a_key\":[")]
        public void A_deeply_nested_answer_is_read_in_linear_time(string level)
        {
            // A megabyte of nesting: measuring each level's value to its end would take minutes.
            var body = string.Concat(Enumerable.Repeat(level, OAuthClientOptions.DefaultMaxResponseBytes / level.Length));
            var watch = Stopwatch.StartNew();

            var redactor = Seen(body);

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
            Assert.NotNull(redactor.Excerpt);
        }

        private static Redactor Seen(string body, params string[] secretFields)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            return new Redactor(Array.Empty<string>(), secretFields).Seeing(bytes, bytes.Length);
        }
    }
}
