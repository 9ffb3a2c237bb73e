using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Responses
{
    /// <summary>
    /// The token answer reader line by line (the survivors of the first mutation run, issue 15): the problem text each
    /// broken answer gives, where each member is read with a ResponseRoot of one or two levels, declared names, escaped
    /// names, the lenient expires_in and the form-encoded path.
    /// </summary>
    public class ReaderMutationTests
    {
        private const string Utf8Problem = "the response is not valid UTF-8 JSON text (a string holds invalid UTF-8 or a \\u escape of half a surrogate pair)";

        private static ResponseShape Shape(string? root = null, string? expiresIn = null, string? expiresAt = null, string? error = null, string? errorDescription = null, string separator = " ") =>
            new OAuthProviderInfo("Example", "https://id.example/token", responseRoot: root, expiresInField: expiresIn, expiresAtField: expiresAt,
                errorField: error, errorDescriptionField: errorDescription, scopeSeparator: separator).ResponseShape!;

        private static readonly ResponseShape Aliases = Shape(expiresIn: "expires", expiresAt: "expires_at", error: "errcode", errorDescription: "errmsg");

        // Latin-1: each char one byte, so "\u00ff" is the invalid UTF-8 byte 0xFF.
        private static byte[] Bytes(string latin1) => latin1.Select(c => checked((byte)c)).ToArray();

        private static TokenResponse Read(string body, ResponseShape? shape = null) => Read(Encoding.UTF8.GetBytes(body), shape);

        private static TokenResponse Read(byte[] body, ResponseShape? shape = null)
        {
            var read = TokenResponseReader.Read(body, out var problem, fields: null, shape);
            Assert.True(read is not null && problem is null, problem);
            return read!;
        }

        private static string Problem(string body, ResponseShape? shape = null) => Problem(Encoding.UTF8.GetBytes(body), shape);

        private static string Problem(byte[] body, ResponseShape? shape = null)
        {
            var read = TokenResponseReader.Read(body, out var problem, fields: null, shape);
            Assert.Null(read);
            return problem!;
        }

        [Theory]
        [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
        [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\t', (byte)'\r', (byte)'\n' })]
        public void A_body_of_only_a_bom_and_whitespace_is_empty(byte[] body)
        {
            Assert.Equal("the response body is empty", Problem(body));
        }

        [Fact]
        public void A_bom_before_a_form_answer_is_skipped_but_half_a_bom_is_no_text()
        {
            Assert.Equal("a", Read(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.ASCII.GetBytes("access_token=a")).ToArray()).AccessToken);
            Assert.Equal("the response is neither JSON nor form-encoded text", Problem(new byte[] { 0xEF, 0xBB }.Concat(Encoding.ASCII.GetBytes("access_token=a")).ToArray()));
        }

        [Theory]
        [InlineData("{\"access_token\":\"a\"", "line 1, byte 20")]
        [InlineData("{\"access_token\":\"a\"} x", "line 1, byte 22")]
        [InlineData("{\"access_token\":\"a\",\n\"b\" 1}", "line 2, byte 5")]
        [InlineData("{\r\n  \"access_token\":\"a\",\r\n  \"scope\": \"x\",\r\n  nope\r\n}", "line 4, byte 3")]
        public void Invalid_json_names_its_line_and_byte_counted_from_one(string body, string position)
        {
            Assert.Equal("the response is not valid JSON (" + position + ")", Problem(body));
        }

        // The refused value is skipped before the problem is returned, and skipping it finds the broken JSON inside.
        [Theory]
        [InlineData("{\"access_token\":{\"a\" 1}}", null)]
        [InlineData("{\"access_token\":\"a\",\"scope\":[\"a\",{\"b\" 1}]}", null)]
        [InlineData("{\"access_token\":\"a\",\"expires_in\":[1 2]}", null)]
        [InlineData("{\"access_token\":\"a\",\"expires\":{\"a\" 1}}", "expires")]
        public void Broken_json_inside_a_refused_value_is_broken_json(string body, string? expiresIn)
        {
            Assert.StartsWith("the response is not valid JSON (line 1, byte ", Problem(body, expiresIn is null ? null : Shape(expiresIn: expiresIn)));
        }

        [Theory]
        [InlineData("{\"access_token\":\"a\",\"x\":\"\u00ff\"}")]
        [InlineData("{\"access_token\":\"a\",\"x\":[1,\"\u00ff\"]}")]
        [InlineData("{\"access_token\":\"a\",\"x\":{\"\u00ff\":1}}")]
        [InlineData("{\"access_token\":\"a\",\"\u00ff\":1}")]
        [InlineData("{\"access_token\":\"a\",\"x\":\"\\ud800\"}")]
        [InlineData("{\"access_token\":\"a\",\"x\":{\"\\udc00\":1}}")]
        [InlineData("{\"access_token\":\"a\",\"\\ud800\":1}")]
        [InlineData("{\"access_token\":\"\u00ff\"}")]
        public void Invalid_text_anywhere_is_named_while_reading_not_later(string latin1)
        {
            Assert.Equal(Utf8Problem, Problem(Bytes(latin1)));
        }

        [Fact]
        public void Invalid_text_in_a_root_that_is_no_object_is_named()
        {
            Assert.Equal(Utf8Problem, Problem(Bytes("{\"ok\":true,\"authed_user\":\"\u00ff\"}"), Shape(root: "authed_user")));
        }

        [Fact]
        public void Valid_non_ascii_text_and_surrogate_pairs_are_kept()
        {
            var read = Read("{\"access_token\":\"a\",\"x\":\"\u00e9\",\"y\":[\"\\ud83d\\ude00\"],\"\\u00e9\":{\"\u00e8\":\"\\u00e0\"}}");

            Assert.Equal("\u00e9", read.AdditionalFields["x"].GetString());
            Assert.Equal("\ud83d\ude00", read.AdditionalFields["y"][0].GetString());
            Assert.Equal("\u00e0", read.AdditionalFields["\u00e9"].GetProperty("\u00e8").GetString());
        }

        [Theory]
        [InlineData("{\"access_token\":[1]}", "the access_token field is an array, not a string")]
        [InlineData("{\"token_type\":{}}", "the token_type field is an object, not a string")]
        [InlineData("{\"refresh_token\":[]}", "the refresh_token field is an array, not a string")]
        [InlineData("{\"scope\":{}}", "the scope field is an object, not a string")]
        [InlineData("{\"scope\":[\"a\",1]}", "the scope field is an array of something other than strings")]
        [InlineData("{\"scope\":[\"a\",[\"b\"]]}", "the scope field is an array of something other than strings")]
        [InlineData("{\"id_token\":{}}", "the id_token field is an object, not a string")]
        [InlineData("{\"error\":{}}", "the error field is an object, not a string")]
        [InlineData("{\"error_description\":[]}", "the error_description field is an array, not a string")]
        [InlineData("{\"error_uri\":{}}", "the error_uri field is an object, not a string")]
        [InlineData("{\"access_token\":\"a\",\"expires\":[1]}", "the expires field is an array, not a number")]
        [InlineData("{\"access_token\":\"a\",\"expires\":{}}", "the expires field is an object, not a number")]
        [InlineData("{\"access_token\":\"a\",\"expires_at\":{}}", "the expires_at field is an object, not a point in time")]
        [InlineData("{\"access_token\":\"a\",\"expires_at\":[1]}", "the expires_at field is an array, not a point in time")]
        [InlineData("{\"errcode\":{}}", "the errcode field is an object, not a string")]
        [InlineData("{\"errmsg\":[]}", "the errmsg field is an array, not a string")]
        public void A_field_of_the_wrong_kind_is_named_with_its_kind(string body, string problem)
        {
            Assert.Equal(problem, Problem(body, Aliases));
        }

        [Fact]
        public void Scalars_in_string_fields_are_their_json_text()
        {
            var read = Read("{\"access_token\":true,\"token_type\":false,\"refresh_token\":12.50,\"id_token\":null,\"scope\":[]}");

            Assert.Equal(("true", "false", "12.50", (string?)null, ""), (read.AccessToken, read.TokenType, read.RefreshToken, read.IdToken, read.Scope));
        }

        [Theory]
        [InlineData("1e400", "expires_in is not a number")]
        [InlineData("\"NaN\"", "expires_in is not a number")]
        [InlineData("\"Infinity\"", "expires_in is not a number")]
        [InlineData("\"-Infinity\"", "expires_in is not a number")]
        [InlineData("\"35 99\"", "expires_in is not a number")]
        [InlineData("\"3599s\"", "expires_in is not a number")]
        [InlineData("\"-1\"", "expires_in is negative")]
        [InlineData("{}", "expires_in is not a number")]
        [InlineData("false", "expires_in is not a number")]
        public void An_unusable_expires_in_is_named(string value, string problem)
        {
            Assert.Equal(problem, Problem("{\"access_token\":\"a\",\"expires_in\":" + value + "}"));
        }

        [Theory]
        [InlineData("\"\\u0033600\"", 3600)]
        [InlineData("\" 3600\"", 3600)]
        [InlineData("\"3600 \"", 3600)]
        [InlineData("\"\\t3600\\n\"", 3600)]
        [InlineData("\"  36.5  \"", 36.5)]
        [InlineData("\"+60\"", 60)]
        [InlineData("\"6e1\"", 60)]
        public void A_quoted_expires_in_is_read_however_it_is_written(string value, double seconds)
        {
            Assert.Equal(TimeSpan.FromSeconds(seconds), Read("{\"access_token\":\"a\",\"expires_in\":" + value + "}").ExpiresIn);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Expires_in_at_the_largest_timespan_is_out_of_range_and_just_below_it_is_read(bool quoted)
        {
            var max = TimeSpan.MaxValue.TotalSeconds;
            var below = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(max) - 1);
            string Json(double seconds) => "{\"access_token\":\"a\",\"expires_in\":" + (quoted ? "\"" : "") + seconds.ToString("R", CultureInfo.InvariantCulture) + (quoted ? "\"" : "") + "}";

            Assert.Equal("expires_in is out of range", Problem(Json(max)));
            var lifetime = Read(Json(below)).ExpiresIn!.Value;
            Assert.Equal((long)Math.Floor(below) * TimeSpan.TicksPerSecond + (long)Math.Round((below - Math.Floor(below)) * TimeSpan.TicksPerSecond), lifetime.Ticks);
        }

        [Theory]
        [InlineData("{\"access_token\":\"a\",\"expires\":\"soon\"}", "expires is not a number")]
        [InlineData("{\"access_token\":\"a\",\"expires\":-5}", "expires is negative")]
        [InlineData("{\"access_token\":\"a\",\"expires\":1e300}", "expires is out of range")]
        [InlineData("access_token=a&expires=soon", "expires is not a number")]
        [InlineData("access_token=a&expires=-5", "expires is negative")]
        public void A_declared_lifetime_that_is_unusable_is_named_by_its_declared_name(string body, string problem)
        {
            Assert.Equal(problem, Problem(body, Aliases));
        }

        [Theory]
        [InlineData("{\"access_token\":\"a\",\"expires\":60}")]
        [InlineData("{\"access_token\":\"a\",\"expire\\u0073\":\"60\"}")]
        [InlineData("{\"expires\":60,\"access_token\":\"a\"}")]
        [InlineData("access_token=a&expires=60")]
        public void A_declared_lifetime_is_read_as_it_is_written_and_before_other_members(string body)
        {
            var read = Read(body, Aliases);

            Assert.Equal("a", read.AccessToken);
            Assert.Equal(TimeSpan.FromMinutes(1), read.ExpiresIn);
        }

        [Theory]
        [InlineData("0", null)]
        [InlineData("0.0", null)]
        [InlineData("-0", null)]
        [InlineData("0e3", null)]
        [InlineData("\"0\"", null)]
        [InlineData("\" 0 \"", null)]
        [InlineData("\"0.00\"", null)]
        [InlineData("null", null)]
        [InlineData("40029", "40029")]
        [InlineData("-1", "-1")]
        [InlineData("\"40029\"", "40029")]
        [InlineData("\"invalid code\"", "invalid code")]
        [InlineData("true", "true")]
        [InlineData("false", "false")]
        public void A_declared_error_code_of_zero_is_no_error(string value, string? error)
        {
            var read = Read("{\"access_token\":\"a\",\"errcode\":" + value + ",\"errmsg\":\"ok\"}", Aliases);

            Assert.Equal(error, read.Error);
            Assert.Equal("ok", read.ErrorDescription);
        }

        [Theory]
        [InlineData("true", "true")]
        [InlineData("false", "false")]
        [InlineData("7", "7")]
        [InlineData("null", null)]
        public void A_declared_error_description_that_is_no_string_is_its_json_text(string value, string? description)
        {
            Assert.Equal(description, Read("{\"errcode\":1,\"errmsg\":" + value + "}", Aliases).ErrorDescription);
        }

        [Theory]
        [InlineData("access_token=a&errcode=0", null)]
        [InlineData("access_token=a&errcode=+0+", null)]
        [InlineData("errcode=40029&access_token=a", "40029")]
        [InlineData("errcode=40029&errcode=40030", "40030")]
        public void A_form_error_under_a_declared_name_is_an_error_unless_zero(string body, string? error)
        {
            var read = Read(body, Aliases);

            Assert.Equal(error, read.Error);
            Assert.Null(read.ErrorDescription);
        }

        [Fact]
        public void A_form_answer_reads_every_standard_and_declared_field()
        {
            var read = Read("access_token=a&id_token=i&error_uri=u&refresh_token=r&token_type=t&scope=s&errmsg=m&expires_at=1700000000&extra=x", Aliases);

            Assert.Equal(("a", "i", "u", "r", "t", "s", "m"), (read.AccessToken, read.IdToken, read.ErrorUri, read.RefreshToken, read.TokenType, read.Scope, read.ErrorDescription));
            Assert.Equal(FieldValueKind.String, read.ExpiresAtValue.Kind);
            Assert.Equal("1700000000", read.ExpiresAtValue.Text);
            Assert.Null(read.Error);
            Assert.Equal(new[] { "errmsg", "expires_at", "extra" }, read.AdditionalFields.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("token_type=bearer&scope=x")]
        [InlineData("refresh_token=r&expires_in=60")]
        [InlineData("foo=bar&errmsg=m")]
        [InlineData("=a&access_token")]
        public void A_form_answer_without_an_access_token_or_an_error_is_no_token_response(string body)
        {
            Assert.Equal("the response is neither a JSON object nor a form-encoded token response", Problem(body, Aliases));
        }

        [Theory]
        [InlineData("error=invalid_grant", "invalid_grant")]
        [InlineData("access_token=a&error=e&access_token=b", "e")]
        public void A_form_error_alone_or_between_tokens_is_recognized(string body, string error)
        {
            Assert.Equal(error, Read(body).Error);
        }

        [Fact]
        public void The_last_of_duplicate_form_tokens_wins()
        {
            Assert.Equal("b", Read("access_token=a&access_token=b").AccessToken);
        }

        [Fact]
        public void A_form_pair_without_a_name_is_dropped_and_no_member_is_an_error_description()
        {
            var plain = Read("access_token=a&=x&y=1");
            var shaped = Read("access_token=a&=x&y=1", Shape(error: "errcode"));

            Assert.Equal(new[] { "y" }, plain.AdditionalFields.Keys);
            Assert.Equal(new[] { "y" }, shaped.AdditionalFields.Keys);
            Assert.Null(plain.ErrorDescription);
            Assert.Null(shaped.ErrorDescription);
            Assert.Null(shaped.ShapeProblem);
        }

        [Fact]
        public void Invalid_utf8_in_a_form_answer_is_no_text()
        {
            Assert.Equal("the response is neither JSON nor form-encoded text", Problem(Bytes("access_token=a&x=\u00ff")));
        }

        [Fact]
        public void A_form_answer_has_no_declared_root()
        {
            Assert.Equal("the answer is form-encoded, so it has no 'data.token' object (the declared ResponseRoot)", Read("access_token=a", Shape(root: "data.token")).ShapeProblem);
        }

        [Fact]
        public void A_json_answer_with_a_shape_but_no_root_has_no_shape_problem()
        {
            var read = Read("{\"access_token\":\"a\"}", Aliases);

            Assert.Null(read.ShapeProblem);
            Assert.False(read.HasRoot);
        }

        [Theory]
        [InlineData("{\"data\":{\"token\":{\"access_token\":\"a\"}}}", "data.token")]
        [InlineData("{\"data\":{\"token\":{\"access_token\":\"a\"}},\"data\":{\"x\":1}}", "data.token")]
        [InlineData("{\"x\":{\"token\":{}},\"data\":{\"other\":{},\"token\":{\"access_token\":\"a\"}}}", "data.token")]
        [InlineData("{\"a\":{\"b\":{\"c\":{\"access_token\":\"a\"}}}}", "a.b.c")]
        [InlineData("{\"data\":{\"access_token\":\"a\"}}", "data")]
        public void A_root_of_one_to_three_levels_is_found(string body, string root)
        {
            var read = Read(body, Shape(root: root));

            Assert.Equal("a", read.AccessToken);
            Assert.True(read.HasRoot);
            Assert.Null(read.ShapeProblem);
        }

        [Theory]
        [InlineData("{\"data\":{\"token\":{\"access_token\":\"a\",\"extra\":1}},\"data\":1}", "data.token")]
        [InlineData("{\"data\":{\"token\":{\"access_token\":\"a\",\"extra\":1}},\"data\":{\"token\":7}}", "data.token")]
        [InlineData("{\"a\":{\"b\":{\"c\":{\"access_token\":\"a\",\"extra\":1}}},\"a\":{\"b\":[]}}", "a.b.c")]
        [InlineData("{\"data\":5,\"data\":{\"token\":{\"access_token\":\"a\",\"extra\":1}}}", "data.token")]
        public void Additional_fields_come_from_the_root_the_token_was_read_from_whatever_duplicates_follow(string body, string root)
        {
            var read = Read(body, Shape(root: root));

            Assert.Equal("a", read.AccessToken);
            Assert.Equal(new[] { "extra" }, read.AdditionalFields.Keys);
        }

        [Fact]
        public void Of_two_roots_on_one_path_the_additional_fields_are_those_of_the_one_whose_token_is_read()
        {
            var read = Read("{\"data\":{\"token\":{\"access_token\":\"a\",\"first\":1}},\"data\":{\"token\":{\"access_token\":\"b\",\"second\":2}}}", Shape(root: "data.token"));

            Assert.Equal(read.AccessToken == "a" ? new[] { "first" } : new[] { "second" }, read.AdditionalFields.Keys);
        }

        [Theory]
        [InlineData("{\"data\":{\"other\":{}}}", "data.token", "the answer has no 'data.token' object (the declared ResponseRoot)")]
        [InlineData("{\"token\":{\"access_token\":\"a\"}}", "data.token", "the answer has no 'data.token' object (the declared ResponseRoot)")]
        [InlineData("{\"data\":null}", "data.token", "the answer has no 'data.token' object (the declared ResponseRoot)")]
        [InlineData("{\"data\":{\"token\":null}}", "data.token", "the answer has no 'data.token' object (the declared ResponseRoot)")]
        [InlineData("{\"data\":{\"token\":\"x\"}}", "data.token", "the answer's 'data.token' is a string, not an object (the declared ResponseRoot is 'data.token')")]
        [InlineData("{\"data\":[1]}", "data.token", "the answer's 'data' is an array, not an object (the declared ResponseRoot is 'data.token')")]
        [InlineData("{\"data\":{\"token\":{\"x\":1}}}", "data.token.inner", "the answer has no 'data.token.inner' object (the declared ResponseRoot)")]
        [InlineData("{\"a\":{\"b\":{\"c\":7}}}", "a.b.c", "the answer's 'a.b.c' is a number, not an object (the declared ResponseRoot is 'a.b.c')")]
        [InlineData("{\"data\":true}", "data", "the answer's 'data' is a Boolean, not an object (the declared ResponseRoot is 'data')")]
        [InlineData("{\"data\":false}", "data", "the answer's 'data' is a Boolean, not an object (the declared ResponseRoot is 'data')")]
        [InlineData("{\"data\":1.5}", "data", "the answer's 'data' is a number, not an object (the declared ResponseRoot is 'data')")]
        [InlineData("{\"data\":[]}", "data", "the answer's 'data' is an array, not an object (the declared ResponseRoot is 'data')")]
        [InlineData("{\"data\":\"\"}", "data", "the answer's 'data' is a string, not an object (the declared ResponseRoot is 'data')")]
        public void A_missing_root_or_one_that_is_no_object_is_named_with_its_path(string body, string root, string problem)
        {
            var read = Read(body, Shape(root: root));

            Assert.Equal(problem, read.ShapeProblem);
            Assert.Null(read.AccessToken);
        }

        [Fact]
        public void Every_root_object_of_duplicates_is_read()
        {
            var read = Read("{\"data\":{\"access_token\":\"a\"},\"data\":{\"refresh_token\":\"r\"}}", Shape(root: "data"));

            Assert.Equal(("a", "r"), (read.AccessToken, read.RefreshToken));
            Assert.True(read.HasRoot);
            Assert.Null(read.ShapeProblem);
        }

        [Theory]
        [InlineData("{\"data\":{\"access_token\":\"a\"},\"error\":\"late\"}")]
        [InlineData("{\"data\":[1,{\"access_token\":\"x\"}],\"error\":\"late\"}")]
        [InlineData("{\"data\":\"x\",\"error\":\"late\"}")]
        [InlineData("{\"data\":{\"token\":{}},\"error\":\"late\"}")]
        public void Members_after_the_root_are_still_read(string body)
        {
            Assert.Equal("late", Read(body, Shape(root: "data")).Error);
        }

        [Fact]
        public void A_problem_inside_the_root_is_the_answer_s_problem()
        {
            Assert.Equal("the access_token field is an object, not a string", Problem("{\"data\":{\"token\":{\"access_token\":{}}}}", Shape(root: "data.token")));
            Assert.Equal("expires is not a number", Problem("{\"data\":{\"access_token\":\"a\",\"expires\":\"soon\"}}", Shape(root: "data", expiresIn: "expires")));
        }

        // Where each member counts, with the root two levels down: the top level, the level between, the root.
        [Theory]
        [InlineData("error", "top", true)]
        [InlineData("error", "between", false)]
        [InlineData("error", "root", true)]
        [InlineData("error_description", "top", true)]
        [InlineData("error_description", "between", false)]
        [InlineData("error_description", "root", true)]
        [InlineData("error_uri", "top", true)]
        [InlineData("error_uri", "between", false)]
        [InlineData("error_uri", "root", true)]
        [InlineData("access_token", "top", false)]
        [InlineData("access_token", "between", false)]
        [InlineData("access_token", "root", true)]
        [InlineData("scope", "top", false)]
        [InlineData("scope", "root", true)]
        [InlineData("errcode", "top", true)]
        [InlineData("errcode", "between", false)]
        [InlineData("errcode", "root", true)]
        [InlineData("errmsg", "top", true)]
        [InlineData("errmsg", "between", false)]
        [InlineData("errmsg", "root", true)]
        [InlineData("expires", "top", false)]
        [InlineData("expires", "between", false)]
        [InlineData("expires", "root", true)]
        [InlineData("expires_at", "top", false)]
        [InlineData("expires_at", "root", true)]
        public void A_member_counts_where_it_belongs_before_or_after_the_root(string name, string where, bool counts)
        {
            var shape = Shape(root: "data.token", expiresIn: "expires", expiresAt: "expires_at", error: "errcode", errorDescription: "errmsg");
            var member = "\"" + name + "\":\"60\"";
            foreach (var body in new[]
            {
                where switch
                {
                    "top" => "{" + member + ",\"data\":{\"token\":{}}}",
                    "between" => "{\"data\":{" + member + ",\"token\":{}}}",
                    _ => "{\"data\":{\"token\":{" + member + "}}}",
                },
                where switch
                {
                    "top" => "{\"data\":{\"token\":{}}," + member + "}",
                    "between" => "{\"data\":{\"token\":{}," + member + "}}",
                    _ => "{\"data\":{\"token\":{\"x\":1," + member + "}}}",
                },
            })
            {
                var read = Read(body, shape);
                string? value = name switch
                {
                    "error" or "errcode" => read.Error,
                    "error_description" or "errmsg" => read.ErrorDescription,
                    "error_uri" => read.ErrorUri,
                    "access_token" => read.AccessToken,
                    "scope" => read.Scope,
                    "expires" => read.ExpiresIn?.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                    _ => read.ExpiresAtValue.Text,
                };
                Assert.True((counts ? "60" : null) == value, body + " gave " + (value ?? "null"));
            }
        }

        [Fact]
        public void Declared_members_are_kept_in_AdditionalFields_in_the_root_only()
        {
            var shape = Shape(root: "data", expiresIn: "expires", error: "errcode");

            Assert.Equal(new[] { "errcode", "expires" }, Read("{\"data\":{\"access_token\":\"a\",\"expires\":60,\"errcode\":0}}", shape).AdditionalFields.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(new[] { "errcode", "expires" }, Read("{\"access_token\":\"a\",\"expires\":60,\"errcode\":0}", Aliases).AdditionalFields.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Empty(Read("{\"errcode\":0,\"data\":{\"access_token\":\"a\"},\"ok\":true}", shape).AdditionalFields);
        }

        [Fact]
        public void Escaped_standard_names_are_recognized()
        {
            var read = Read("""
                {"access\u005ftoken":"a","id\u005ftoken":"i","error\u005furi":"u","token\u005ftype":"t","expires\u005fin":60,
                 "refresh\u005ftoken":"r","\u0073cope":"s","error\u005fdescription":"d","\u0065rror":"e","\u0061":"kept"}
                """);

            Assert.Equal(("a", "i", "u", "t", "r", "s", "d", "e"), (read.AccessToken, read.IdToken, read.ErrorUri, read.TokenType, read.RefreshToken, read.Scope, read.ErrorDescription, read.Error));
            Assert.Equal(TimeSpan.FromMinutes(1), read.ExpiresIn);
            Assert.Equal(new[] { "a" }, read.AdditionalFields.Keys);
        }

        // Names as long as a standard one, which only its letters tell apart.
        [Fact]
        public void Names_of_a_standard_name_s_length_are_additional_fields()
        {
            var read = Read("{\"access_token\":\"a\",\"username\":\"u\",\"client_id\":\"c\",\"session_id\":\"s\",\"token_typo\":\"t\",\"organization\":\"o\",\"refresh_at_ms\":\"1\",\"scopes\":\"x\",\"error_descriptio\":\"d\",\"error\\u005fdescriptiom\":\"e\"}");

            Assert.Equal("a", read.AccessToken);
            Assert.Null(read.IdToken);
            Assert.Null(read.ErrorUri);
            Assert.Null(read.ExpiresIn);
            Assert.Null(read.TokenType);
            Assert.Null(read.RefreshToken);
            Assert.Null(read.Scope);
            Assert.Null(read.ErrorDescription);
            Assert.Equal(
                new[] { "client_id", "error_descriptio", "error_descriptiom", "organization", "refresh_at_ms", "scopes", "session_id", "token_typo", "username" },
                read.AdditionalFields.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("access_token", true)]
        [InlineData("ACCESS_TOKEN", true)]
        [InlineData("Expires_In", true)]
        [InlineData("error_uri", true)]
        [InlineData("id_token", true)]
        [InlineData("username", false)]
        [InlineData("access-token", false)]
        [InlineData("", false)]
        [InlineData("\u017fcope", false)]
        [InlineData("\u0131d_token", false)]
        [InlineData("expires_\u0130n", false)]
        public void The_standard_names_are_the_same_as_text_and_as_bytes_ascii_case_insensitively(string name, bool standard)
        {
            Assert.Equal(standard, TokenResponseReader.IsStandardName(name));
            Assert.Equal(standard, TokenResponseReader.IsStandardName(Encoding.UTF8.GetBytes(name)));
        }

        // A non-ASCII letter whose upper case is an ASCII one (long s, dotless i) names no standard member, escaped or not.
        [Theory]
        [InlineData("\\u017fcope", "\u017fcope")]
        [InlineData("\u017fcope", "\u017fcope")]
        [InlineData("\\u0131d_token", "\u0131d_token")]
        [InlineData("\u0131d_token", "\u0131d_token")]
        public void A_name_that_only_unicode_casing_makes_standard_is_an_additional_field(string jsonName, string name)
        {
            var read = Read("{\"access_token\":\"a\",\"" + jsonName + "\":\"v\"}");

            Assert.Null(read.Scope);
            Assert.Null(read.IdToken);
            Assert.Equal("v", read.AdditionalFields[name].GetString());
        }
    }
}
