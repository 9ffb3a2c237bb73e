using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using OAuthGen.Tests.Seeds;
using SeedProviders;
using Xunit;

namespace OAuthGen.Tests.EndToEnd
{
    /// <summary>Seed 003: an Apigee gateway; client credentials, authorization code and refresh, all-string answers.</summary>
    public class ConnectedHomeTests : SeedServerTests
    {
        // The document's client-credentials example uses these values.
        public ConnectedHomeTests()
            : base(new SeedCredentials { ClientId = "123abc", ClientSecret = "456def" })
        {
        }

        [Fact]
        public async Task Client_credentials_match_the_documented_curl_and_every_field_is_typed()
        {
            var client = new ConnectedHomeAuth(Http(), Options(new Uri(Server.ConnectedHomeBaseAddress, "oauth/token")), Clock);

            var token = await client.RequestClientCredentialsTokenAsync();

            var request = Last("connectedhome");
            Assert.Equal("POST", request.Method);
            Assert.Equal("/oauth/token", request.Path);
            Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
            Assert.Equal("Basic MTIzYWJjOjQ1NmRlZg==", request.Headers["Authorization"]);
            Assert.Equal("grant_type=client_credentials", request.BodyText);

            Assert.Equal("456def", token.AccessToken);
            Assert.Equal("BearerToken", token.TokenType);
            Assert.True(token.IsBearer);
            Assert.Equal(TimeSpan.FromSeconds(3599), token.ExpiresIn);
            Assert.Equal("user", token.Scope);
            Assert.Equal("connectedhome", token.OrganizationName);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1487281223451), token.IssuedAt);
            Assert.Equal(0, token.RefreshCount);
            Assert.Equal(TimeSpan.Zero, token.RefreshTokenExpiresIn);
            Assert.Equal("[Basic Plan]", token.ApiProductList);
            Assert.Equal("b1bd4907-924a-4470-a641-0effeb279834", token.ApplicationName);
            Assert.Equal("approved", token.Status);
            Assert.Equal("", token.AdditionalFields[""].GetString());
            Assert.Equal("123abc", token.AdditionalFields["client_id"].GetString());
            Assert.Equal(9, token.AdditionalFields.Count);
        }

        [Fact]
        public async Task Authorization_code_with_pkce_then_refresh()
        {
            var redirectUri = new Uri(Credentials.RedirectUri);
            var http = Http();
            var client = new ConnectedHomeAuth(http, new OAuthClientOptions
            {
                ClientId = Credentials.ClientId,
                ClientSecret = Credentials.ClientSecret,
                TokenEndpoint = new Uri(Server.ConnectedHomeBaseAddress, "oauth/token"),
                AuthorizationEndpoint = new Uri(Server.ConnectedHomeBaseAddress, "authorize"),
            });

            var authorization = client.CreateAuthorizationRequest(redirectUri);
            using var redirect = await http.GetAsync(authorization.Url);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            var callback = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query);
            Assert.Equal(authorization.State, callback["state"].ToString());

            var token = await client.ExchangeAuthorizationCodeAsync(callback["code"].ToString(), redirectUri, authorization.CodeVerifier);

            var exchange = Last("connectedhome");
            Assert.Equal("Basic MTIzYWJjOjQ1NmRlZg==", exchange.Headers["Authorization"]);
            Assert.Equal(
                "grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient.example%2Fcallback&code_verifier=" + authorization.CodeVerifier,
                exchange.BodyText);
            Assert.Equal(Credentials.RefreshToken, token.RefreshToken);

            var refreshed = await client.RefreshTokenAsync(token.RefreshToken!);

            Assert.Equal("grant_type=refresh_token&refresh_token=tGzv3JOkF0XG5Qx2TlKWIA", Last("connectedhome").BodyText);
            Assert.Equal("456def", refreshed.AccessToken);
            Assert.Equal("connectedhome", refreshed.OrganizationName);
        }

        [Fact]
        public async Task A_code_without_its_verifier_is_refused()
        {
            var redirectUri = new Uri(Credentials.RedirectUri);
            var http = Http();
            var options = Options(new Uri(Server.ConnectedHomeBaseAddress, "oauth/token"));
            options.AuthorizationEndpoint = new Uri(Server.ConnectedHomeBaseAddress, "authorize");
            var client = new ConnectedHomeAuth(http, options);
            using var redirect = await http.GetAsync(client.CreateAuthorizationRequest(redirectUri).Url);
            var code = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeAuthorizationCodeAsync(code, redirectUri, codeVerifier: null));

            Assert.Equal("invalid_request", error.Error);
        }
    }

    /// <summary>Seed 003's third example: the Basic header value the document prints for its long credentials.</summary>
    public class ConnectedHomeDocumentedHeaderTests : SeedServerTests
    {
        public ConnectedHomeDocumentedHeaderTests()
            : base(new SeedCredentials { ClientId = "9UY8NrmDtIh8GVTkNdX0Y7I6k37254a9", ClientSecret = "Z1947381rwgf0WkPPGPHnGik6h3LdhZ9" })
        {
        }

        [Fact]
        public async Task The_header_is_the_documented_one()
        {
            var client = new ConnectedHomeAuth(Http(), Options(new Uri(Server.ConnectedHomeBaseAddress, "oauth/token")));

            await client.RequestClientCredentialsTokenAsync();

            Assert.Equal(
                "Basic OVVZOE5ybUR0SWg4R1ZUa05kWDBZN0k2azM3MjU0YTk6WjE5NDczODFyd2dmMFdrUFBHUEhuR2lrNmgzTGRoWjk=",
                Last("connectedhome").Headers["Authorization"]);
        }
    }
}
