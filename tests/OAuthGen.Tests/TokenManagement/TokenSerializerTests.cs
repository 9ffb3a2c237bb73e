using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using OAuthGen.Infrastructure;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>What a shared cache or user token store keeps of a token: all of it, and nothing it did not write.</summary>
    public class TokenSerializerTests
    {
        [Fact]
        public void Every_field_of_a_token_survives_a_round_trip()
        {
            var token = new OAuthToken
            {
                AccessToken = "access-1",
                TokenType = "Bearer",
                RefreshToken = "refresh-1",
                Scope = "read write",
                IdToken = "id-1",
                ExpiresIn = TimeSpan.FromSeconds(3600),
                ExpiresAt = new DateTimeOffset(2026, 11, 22, 13, 0, 0, 250, TimeSpan.Zero),
                AdditionalFields = new Dictionary<string, JsonElement>
                {
                    ["tenant"] = Json("\"contoso\""),
                    ["limits"] = Json("{\"calls\":[1,2,3]}"),
                },
            };

            var read = OAuthTokenSerializer.Deserialize(OAuthTokenSerializer.Serialize(token))!;

            Assert.Equal(
                (token.AccessToken, token.TokenType, token.RefreshToken, token.Scope, token.IdToken, token.ExpiresIn, token.ExpiresAt),
                (read.AccessToken, read.TokenType, read.RefreshToken, read.Scope, read.IdToken, read.ExpiresIn, read.ExpiresAt));
            Assert.Equal(new[] { "limits", "tenant" }, read.AdditionalFields.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal("contoso", read.AdditionalFields["tenant"].GetString());
            Assert.Equal("{\"calls\":[1,2,3]}", read.AdditionalFields["limits"].GetRawText());
        }

        [Fact]
        public void A_token_with_only_an_access_token_comes_back_with_nothing_else()
        {
            var bytes = OAuthTokenSerializer.Serialize(new OAuthToken { AccessToken = "only" });

            var read = OAuthTokenSerializer.Deserialize(bytes)!;

            Assert.Equal(("only", null, null, null, null, null, null, 0),
                (read.AccessToken, read.TokenType, read.RefreshToken, read.Scope, read.IdToken, read.ExpiresIn, read.ExpiresAt, read.AdditionalFields.Count));
            Assert.Equal("{\"v\":1,\"token\":{\"access_token\":\"only\"}}", Encoding.UTF8.GetString(bytes));
        }

        [Fact]
        public void The_deepest_answer_the_token_reader_accepts_is_kept_and_read_back()
        {
            var depth = 128;
            string Answer(int levels) => "{\"access_token\":\"deep\",\"nested\":" + new string('[', levels - 1) + new string(']', levels - 1) + "}";
            while (TokenResponseReader.Read(Encoding.UTF8.GetBytes(Answer(depth)), out _) is null)
            {
                depth--;
            }

            var answer = TokenResponseReader.Read(Encoding.UTF8.GetBytes(Answer(depth)), out _)!;
            Assert.Null(TokenResponseReader.Read(Encoding.UTF8.GetBytes(Answer(depth + 1)), out _));
            var token = new OAuthToken { AccessToken = answer.AccessToken!, AdditionalFields = answer.AdditionalFields };

            var read = OAuthTokenSerializer.Deserialize(OAuthTokenSerializer.Serialize(token));

            Assert.Equal("deep", read?.AccessToken);
            Assert.Equal(token.AdditionalFields["nested"].GetRawText(), read!.AdditionalFields["nested"].GetRawText());
        }

        [Theory]
        [InlineData("not json at all")]
        [InlineData("{\"v\":1,\"token\":{\"access_token\":\"cut")]
        [InlineData("[]")]
        [InlineData("\"a string\"")]
        [InlineData("{\"token\":{\"access_token\":\"no-version\"}}")]
        [InlineData("{\"v\":\"1\",\"token\":{\"access_token\":\"text-version\"}}")]
        [InlineData("{\"v\":0,\"token\":{\"access_token\":\"old-version\"}}")]
        [InlineData("{\"v\":2,\"token\":{\"access_token\":\"new-version\"}}")]
        [InlineData("{\"v\":1.5,\"token\":{\"access_token\":\"odd-version\"}}")]
        [InlineData("{\"v\":1}")]
        [InlineData("{\"v\":1,\"token\":\"access\"}")]
        [InlineData("{\"v\":1,\"token\":[]}")]
        [InlineData("{\"v\":1,\"token\":{\"token_type\":\"Bearer\"}}")]
        [InlineData("{\"v\":1,\"expires_at\":\"soon\",\"token\":{\"access_token\":\"a\"}}")]
        public void An_entry_it_did_not_write_is_no_token(string entry)
        {
            Assert.Null(OAuthTokenSerializer.Deserialize(Encoding.UTF8.GetBytes(entry)));
        }

        [Fact]
        public void An_entry_without_an_expiry_is_a_token_without_one()
        {
            var read = OAuthTokenSerializer.Deserialize(Encoding.UTF8.GetBytes("{\"v\":1,\"token\":{\"access_token\":\"a\"}}"));

            Assert.Equal(("a", null), (read?.AccessToken, read?.ExpiresAt));
        }

        private static JsonElement Json(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
    }
}
