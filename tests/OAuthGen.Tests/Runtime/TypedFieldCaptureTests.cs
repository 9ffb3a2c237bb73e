using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthGen.Infrastructure;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Runtime
{
    /// <summary>
    /// Typed fields captured in the reading pass (<see cref="TokenFieldSet{TToken}"/>, what generated code now passes)
    /// read exactly as the dictionary path (<see cref="TokenFieldReader"/> over <see cref="OAuthToken.AdditionalFields"/>).
    /// </summary>
    public class TypedFieldCaptureTests
    {
        private static readonly TokenFieldSet<Typed> Fields = new TokenFieldSet<Typed>(
            new[] { "s", "b", "i", "l", "d", "t", "at", "list" },
            fields => new Typed
            {
                S = fields.GetString(0),
                B = fields.GetBoolean(1),
                I = fields.GetInt32(2),
                L = fields.GetInt64(3),
                D = fields.GetDouble(4),
                T = fields.GetTimeSpan(5),
                At = fields.GetDateTimeOffset(6),
                List = fields.GetStringArray(7),
            });

        [Theory]
        [InlineData("\"s\":\" text \",\"b\":\"TRUE\",\"i\":\"42\",\"l\":9007199254740993,\"d\":\"1.5\",\"t\":\"90\",\"at\":1700000000,\"list\":\"a b  c\"")]
        [InlineData("\"s\":12.50,\"b\":0,\"i\":-7,\"l\":\"-12\",\"d\":2e3,\"t\":0.5,\"at\":\"2026-11-22T12:00:00Z\",\"list\":[\"x\",1,{\"k\":\"v\"}]")]
        [InlineData("\"s\":{\"nested\":[1,\"two\"]},\"b\":null,\"i\":\"\",\"l\":null,\"d\":\"\",\"t\":null,\"at\":\"\",\"list\":\"\"")]
        [InlineData("\"other\":1,\"s\":\"first\",\"s\":\"last wins\",\"\\u0073\":\"escaped name, later still\"")]
        [InlineData("")]
        public async Task Captured_fields_read_as_the_dictionary_path_reads_them(string members)
        {
            var json = "{\"access_token\":\"a\"" + (members.Length > 0 ? "," + members : "") + "}";

            var captured = await Client(json).RequestClientCredentialsTokenAsync(null, Fields, default);
            var fromDictionary = await Client(json).RequestClientCredentialsTokenAsync(null, FromDictionary, default);

            Assert.Equal(fromDictionary.S, captured.S);
            Assert.Equal(fromDictionary.B, captured.B);
            Assert.Equal(fromDictionary.I, captured.I);
            Assert.Equal(fromDictionary.L, captured.L);
            Assert.Equal(fromDictionary.D, captured.D);
            Assert.Equal(fromDictionary.T, captured.T);
            Assert.Equal(fromDictionary.At, captured.At);
            Assert.Equal(fromDictionary.List, captured.List);
            Assert.Equal(Describe(fromDictionary.AdditionalFields), Describe(captured.AdditionalFields));
        }

        [Fact]
        public async Task A_form_answer_fills_the_typed_fields_too()
        {
            var token = await Client("access_token=a&s=hello+there&i=3", "application/x-www-form-urlencoded").RequestClientCredentialsTokenAsync(null, Fields, default);

            Assert.Equal("hello there", token.S);
            Assert.Equal(3, token.I);
            Assert.Equal(new[] { "i", "s" }, Sorted(token.AdditionalFields.Keys));
        }

        [Fact]
        public async Task A_typed_field_that_cannot_be_read_fails_as_before()
        {
            var error = await Assert.ThrowsAsync<OAuthException>(() => Client("{\"access_token\":\"a\",\"i\":\"many\"}").RequestClientCredentialsTokenAsync(null, Fields, default));

            Assert.Equal("The token response field 'i' could not be read as an Int32.", error.Message);
        }

        [Fact]
        public async Task AdditionalFields_keep_every_non_standard_member_and_none_of_the_standard_ones()
        {
            var token = await Client("{\"Access_Token\":\"a\",\"REFRESH_TOKEN\":\"r\",\"x\":[1,{\"y\":\"z\"}],\"s\":\"v\",\"\":\"\",}").RequestClientCredentialsTokenAsync(null, Fields, default);

            Assert.Equal(new[] { "", "s", "x" }, Sorted(token.AdditionalFields.Keys));
            Assert.Equal("[1,{\"y\":\"z\"}]", token.AdditionalFields["x"].GetRawText());
            token.AdditionalFields = new Dictionary<string, System.Text.Json.JsonElement>();
            Assert.Empty(token.AdditionalFields);
        }

        private static Typed FromDictionary(IReadOnlyDictionary<string, System.Text.Json.JsonElement> fields) => new Typed
        {
            S = TokenFieldReader.GetString(fields, "s"),
            B = TokenFieldReader.GetBoolean(fields, "b"),
            I = TokenFieldReader.GetInt32(fields, "i"),
            L = TokenFieldReader.GetInt64(fields, "l"),
            D = TokenFieldReader.GetDouble(fields, "d"),
            T = TokenFieldReader.GetTimeSpan(fields, "t"),
            At = TokenFieldReader.GetDateTimeOffset(fields, "at"),
            List = TokenFieldReader.GetStringArray(fields, "list"),
        };

        private static string Describe(IReadOnlyDictionary<string, System.Text.Json.JsonElement> fields)
        {
            var parts = new List<string>();
            foreach (var name in Sorted(fields.Keys))
            {
                parts.Add(name + "=" + fields[name].GetRawText());
            }

            return string.Join(";", parts);
        }

        private static List<string> Sorted(IEnumerable<string> names)
        {
            var sorted = new List<string>(names);
            sorted.Sort(StringComparer.Ordinal);
            return sorted;
        }

        private static TokenEndpointClient Client(string answer, string mediaType = "application/json") =>
            new TokenEndpointClient(
                new HttpClient(StubHandler.Answer(HttpStatusCode.OK, answer, mediaType)),
                new OAuthClientOptions { ClientId = "client", ClientSecret = "secret" },
                new OAuthProviderInfo("Test", "https://auth.example/token"));

        public sealed class Typed : OAuthToken
        {
            public string? S { get; set; }

            public bool? B { get; set; }

            public int? I { get; set; }

            public long? L { get; set; }

            public double? D { get; set; }

            public TimeSpan? T { get; set; }

            public DateTimeOffset? At { get; set; }

            public string[]? List { get; set; }
        }
    }
}
