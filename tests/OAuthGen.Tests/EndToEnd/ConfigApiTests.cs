using System;
using System.Threading.Tasks;
using OAuthGen.Tests.Seeds;
using SeedProviders;
using Xunit;

namespace OAuthGen.Tests.EndToEnd
{
    /// <summary>Seed 001: client credentials in the form body, a required scope, a per-tenant host.</summary>
    public class ConfigApiTests : SeedServerTests
    {
        // The document's example request uses these values.
        public ConfigApiTests()
            : base(new SeedCredentials { ClientId = "clientid", ClientSecret = "qkDwDJlDfig2IpeuUZYKH1Wb8q1V0ju6sILxQQqhJ" })
        {
        }

        [Fact]
        public async Task The_request_matches_the_documented_example_byte_for_byte()
        {
            var client = new ConfigApiAuth(Http(Server.ConfigApiBaseAddress), Options(), Clock);

            var token = await client.RequestClientCredentialsTokenAsync("example.com");

            var request = Last("configapi");
            Assert.Equal("POST", request.Method);
            Assert.Equal("/configapi/v2/oauth/token", request.Path);
            Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
            Assert.False(request.Headers.ContainsKey("Authorization"));
            Assert.Equal(
                "grant_type=client_credentials&client_id=clientid&client_secret=qkDwDJlDfig2IpeuUZYKH1Wb8q1V0ju6sILxQQqhJ&scope=example.com",
                request.BodyText);

            // The answer has a trailing comma and expires_in as a string.
            Assert.Equal("eyJhbGciOiJSUzI1NiI5q9Jgt...6HznsvPWy7UP3MINA", token.AccessToken);
            Assert.Equal("Bearer", token.TokenType);
            Assert.Equal(TimeSpan.FromSeconds(3599), token.ExpiresIn);
            Assert.Equal(Now.AddSeconds(3599), token.ExpiresAt);
        }

        [Fact]
        public async Task Through_the_interface_the_scope_comes_from_the_options()
        {
            var options = Options();
            options.Scope = "tenant.example";
            IClientCredentialsTokenClient client = new ConfigApiAuth(Http(Server.ConfigApiBaseAddress), options);

            var token = await client.RequestClientCredentialsTokenAsync(null, default);

            Assert.EndsWith("&scope=tenant.example", Last("configapi").BodyText);
            Assert.Equal("eyJhbGciOiJSUzI1NiI5q9Jgt...6HznsvPWy7UP3MINA", token.AccessToken);
            Assert.Same(ConfigApiAuth.Provider, client.Provider);
        }

        [Fact]
        public async Task Without_a_scope_nothing_is_sent()
        {
            IClientCredentialsTokenClient client = new ConfigApiAuth(Http(Server.ConfigApiBaseAddress), Options());

            await Assert.ThrowsAsync<ArgumentException>(() => client.RequestClientCredentialsTokenAsync(null, default));

            Assert.Empty(Server.Requests);
        }
    }
}
