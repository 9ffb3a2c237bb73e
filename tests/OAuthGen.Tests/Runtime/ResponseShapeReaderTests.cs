using System;
using System.Text;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Runtime
{
    /// <summary>The reader with a declared response shape: a nested root path, declared names, and where each is looked for.</summary>
    public class ResponseShapeReaderTests
    {
        private static ResponseShape Shape(string? root = null, string? expiresIn = null, string? error = null, string separator = " ") =>
            new OAuthProviderInfo("Example", "https://id.example/token", responseRoot: root, expiresInField: expiresIn, errorField: error, scopeSeparator: separator).ResponseShape!;

        private static TokenResponse Read(string json, ResponseShape shape)
        {
            var read = TokenResponseReader.Read(Encoding.UTF8.GetBytes(json), out var problem, fields: null, shape);
            Assert.Null(problem);
            return read!;
        }

        [Fact]
        public void A_standard_provider_has_no_shape()
        {
            Assert.Null(new OAuthProviderInfo("Example", "https://id.example/token").ResponseShape);
        }

        [Fact]
        public void A_two_level_root_is_read_and_the_members_beside_it_are_not_token_fields()
        {
            var read = Read("""
                {"access_token":"outer","data":{"expires_in":5,"access_token":"middle","token":{"access_token":"inner","expires_in":60,"extra":1}},"token":{"access_token":"wrong"}}
                """, Shape(root: "data.token"));

            Assert.Equal("inner", read.AccessToken);
            Assert.Equal(TimeSpan.FromMinutes(1), read.ExpiresIn);
            Assert.True(read.HasRoot);
            Assert.Null(read.ShapeProblem);
            Assert.Equal(1, read.AdditionalFields["extra"].GetInt32());
            Assert.Single(read.AdditionalFields);
        }

        [Fact]
        public void Errors_are_read_at_the_top_and_in_the_root_but_not_between()
        {
            Assert.Equal("top", Read("{\"error\":\"top\"}", Shape(root: "data.token")).Error);
            Assert.Equal("root", Read("{\"data\":{\"token\":{\"error\":\"root\"}}}", Shape(root: "data.token")).Error);
            Assert.Null(Read("{\"data\":{\"error\":\"between\",\"token\":{\"access_token\":\"a\"}}}", Shape(root: "data.token")).Error);
        }

        [Fact]
        public void An_escaped_root_name_is_found()
        {
            Assert.Equal("inner", Read("{\"authed\\u005fuser\":{\"access_token\":\"inner\"}}", Shape(root: "authed_user")).AccessToken);
        }

        [Fact]
        public void A_null_root_is_missing()
        {
            var read = Read("{\"access_token\":\"bot\",\"authed_user\":null}", Shape(root: "authed_user"));

            Assert.Null(read.AccessToken);
            Assert.Equal("the answer has no 'authed_user' object (the declared ResponseRoot)", read.ShapeProblem);
        }

        [Fact]
        public void A_declared_lifetime_is_read_beside_the_standard_one_and_stays_an_additional_field()
        {
            var read = Read("{\"access_token\":\"a\",\"expires\":\"3600\"}", Shape(expiresIn: "expires"));

            Assert.Equal(TimeSpan.FromHours(1), read.ExpiresIn);
            Assert.Equal("3600", read.AdditionalFields["expires"].GetString());
        }

        [Fact]
        public void Declared_names_match_ordinally()
        {
            Assert.Null(Read("{\"access_token\":\"a\",\"Expires\":3600}", Shape(expiresIn: "expires")).ExpiresIn);
        }

        [Fact]
        public void A_form_error_under_a_declared_name_is_recognized()
        {
            var read = TokenResponseReader.Read(Encoding.UTF8.GetBytes("errcode=40029&errmsg=invalid+code"), out var problem, null, Shape(error: "errcode"));

            Assert.Null(problem);
            Assert.Equal("40029", read!.Error);
        }

        [Fact]
        public void A_scope_array_is_joined_with_the_declared_separator()
        {
            Assert.Equal("read+write", Read("{\"access_token\":\"a\",\"scope\":[\"read\",\"write\"]}", Shape(separator: "+")).Scope);
        }
    }
}
