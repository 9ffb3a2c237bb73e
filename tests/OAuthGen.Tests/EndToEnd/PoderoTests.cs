using System;
using System.Net;
using System.Threading.Tasks;
using OAuthGen.Tests.Seeds;
using Xunit;

namespace OAuthGen.Tests.EndToEnd
{
    /// <summary>Seed 004: client credentials in a JSON body, Basic header, Cache-Control, a trailing slash.</summary>
    public class PoderoTests : SeedServerTests
    {
        [Fact]
        public async Task The_request_matches_the_documented_curl()
        {
            // The sandbox subdomain replaced, as the document says: the endpoint comes from the options.
            var client = new PoderoAuth(Http(), Options(new Uri(Server.PoderoBaseAddress, "oauth2/token/")), Clock);

            var token = await client.RequestClientCredentialsTokenAsync();

            var request = Last("podero");
            Assert.Equal("POST", request.Method);
            Assert.Equal("/oauth2/token/", request.Path);
            Assert.Equal("application/json", request.ContentType);
            Assert.Equal("Basic TW9yazpNaW5keQ==", request.Headers["Authorization"]);
            Assert.Equal("no-cache", request.Headers["Cache-Control"]);
            Assert.Equal("{\"grant_type\":\"client_credentials\"}", request.BodyText);

            Assert.Equal("PaZDOD5UwzbGOFsQr34LQ7JUYOj3yK", token.AccessToken);
            Assert.Equal(TimeSpan.FromSeconds(36000), token.ExpiresIn);
            Assert.Equal(Now.AddHours(10), token.ExpiresAt);
            Assert.Equal("read write", token.Scope);
            Assert.Equal("Bearer", token.TokenType);
        }

        [Fact]
        public async Task Without_the_trailing_slash_the_endpoint_does_not_exist()
        {
            var client = new PoderoAuth(Http(), Options(new Uri(Server.PoderoBaseAddress, "oauth2/token")));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync());

            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        }

        [Fact]
        public void The_declaration_is_described_by_the_provider_info()
        {
            Assert.Equal("https://app.podero.com/oauth2/token/", PoderoAuth.Provider.TokenEndpoint);
            Assert.Equal(BodyEncoding.Json, PoderoAuth.Provider.Body);
            Assert.Equal(ClientAuthMethod.ClientSecretBasic, PoderoAuth.Provider.ClientAuth);
            Assert.Equal("Cache-Control", Assert.Single(PoderoAuth.Provider.Headers).Key);
        }
    }
}
