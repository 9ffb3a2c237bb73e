using System;
using System.Threading.Tasks;
using OAuthGen.Tests.Seeds;
using SeedProviders;
using Xunit;

namespace OAuthGen.Tests.EndToEnd
{
    /// <summary>Seed 002: password grant with the client id and secret in the form body, and an empty scope.</summary>
    public class BarApiTests : SeedServerTests
    {
        // The document's Python example uses these values.
        public BarApiTests()
            : base(new SeedCredentials
            {
                ClientId = "332269999912132097",
                ClientSecret = "937it3ow87i4ery69876wqire",
                Username = "john@doe.com",
                Password = "mypassword123",
            })
        {
        }

        [Fact]
        public async Task The_request_carries_every_documented_field_in_the_documented_order()
        {
            var client = new BarApiAuth(Http(), Options(new Uri(Server.BarApiBaseAddress, "oauth/token")), Clock);

            var token = await client.RequestPasswordTokenAsync("john@doe.com", "mypassword123");

            var request = Last("barapi");
            Assert.Equal("POST", request.Method);
            Assert.Equal("/oauth/token", request.Path);
            Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
            Assert.False(request.Headers.ContainsKey("Authorization"));
            Assert.Equal(
                "grant_type=password&client_id=332269999912132097&client_secret=937it3ow87i4ery69876wqire&username=john%40doe.com&password=mypassword123&scope=",
                request.BodyText);

            Assert.Equal("fea6fd89safdsjalfdsa.fds659424jlkr679fdsjkl32y7fdskls.fjge9wghslrjeklfsd", token.AccessToken);
            Assert.Equal("fdsa695432h89dsaf.354u89gy7a532.f8e392q563fkdlsa.532ryu8ew9fy32l45j3", token.RefreshToken);
            Assert.Equal(TimeSpan.FromSeconds(31622400), token.ExpiresIn);
            Assert.True(token.IsBearer);
        }

        [Fact]
        public async Task A_scope_given_by_the_call_replaces_the_declared_empty_one()
        {
            var client = new BarApiAuth(Http(), Options(new Uri(Server.BarApiBaseAddress, "oauth/token")));

            await client.RequestPasswordTokenAsync("john@doe.com", "mypassword123", "read write");

            Assert.EndsWith("&password=mypassword123&scope=read+write", Last("barapi").BodyText);
        }
    }
}
