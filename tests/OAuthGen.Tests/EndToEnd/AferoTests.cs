using System;
using System.Net;
using System.Threading.Tasks;
using OAuthGen.Tests.Seeds;
using SeedProviders;
using Xunit;

namespace OAuthGen.Tests.EndToEnd
{
    /// <summary>Seed 000: password grant, client credentials in a Basic header, form body.</summary>
    public class AferoTests : SeedServerTests
    {
        [Fact]
        public async Task The_password_grant_is_sent_exactly_as_documented()
        {
            var client = new AferoAuth(Http(), Options(new Uri(Server.AferoBaseAddress, "oauth/token")), Clock);

            var token = await client.RequestPasswordTokenAsync("username@example.io", "user_password");

            var request = Last("afero");
            Assert.Equal("POST", request.Method);
            Assert.Equal("/oauth/token", request.Path);
            Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
            Assert.Equal("application/json", request.Headers["Accept"]);
            Assert.Equal("Basic TW9yazpNaW5keQ==", request.Headers["Authorization"]); // the document's own "Mork:Mindy" example
            Assert.Equal("grant_type=password&username=username%40example.io&password=user_password", request.BodyText);

            Assert.Equal("12345678-90AB-CDEF-0123-FED789CBA432", token.AccessToken);
            Assert.Equal("bearer", token.TokenType);
            Assert.True(token.IsBearer);
            Assert.Equal(TimeSpan.FromSeconds(16086), token.ExpiresIn);
            Assert.Equal(Now.AddSeconds(16086), token.ExpiresAt);
            Assert.Equal("partner account", token.Scope);
            Assert.Null(token.RefreshToken);
            Assert.Empty(token.AdditionalFields);
        }

        [Fact]
        public async Task A_wrong_password_is_an_OAuthException_that_does_not_repeat_it()
        {
            var client = new AferoAuth(Http(), Options(new Uri(Server.AferoBaseAddress, "oauth/token")));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestPasswordTokenAsync("username@example.io", "not-the-password"));

            Assert.Equal("invalid_grant", error.Error);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.DoesNotContain("not-the-password", error.ToString());
        }

        [Fact]
        public async Task The_undocumented_refresh_grant_is_refused_by_the_provider()
        {
            var client = new AferoAuth(Http(), Options(new Uri(Server.AferoBaseAddress, "oauth/token")));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RefreshTokenAsync("any-refresh-token"));

            Assert.Equal("unsupported_grant_type", error.Error);
            Assert.Equal("grant_type=refresh_token&refresh_token=any-refresh-token", Last("afero").BodyText);
        }
    }

    /// <summary>Seed 000 with credentials full of characters that Basic encodings treat differently (a raw pair cannot carry ':' in the id).</summary>
    public class AferoSpecialCredentialTests : SeedServerTests
    {
        public AferoSpecialCredentialTests()
            : base(new SeedCredentials { ClientId = "app ü+id", ClientSecret = "p+/s=?%20 é:x" })
        {
        }

        [Fact]
        public async Task A_plain_basic_header_carries_the_raw_credentials()
        {
            var client = new AferoAuth(Http(), Options(new Uri(Server.AferoBaseAddress, "oauth/token")));

            await client.RequestPasswordTokenAsync("username@example.io", "user_password");

            var expected = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("app ü+id:p+/s=?%20 é:x"));
            Assert.Equal("Basic " + expected, Last("afero").Headers["Authorization"]);
        }
    }
}
