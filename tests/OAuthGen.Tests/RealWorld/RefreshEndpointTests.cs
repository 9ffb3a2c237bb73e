using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    // A provider shaped like Trovo, with a region in both endpoints (as Zoho's data centres are).
    [OAuthProvider("https://api.{region}.stream.example/openplatform/exchangetoken",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Body = BodyEncoding.Json,
        AuthorizationEndpoint = "https://stream.example/page/login.html",
        RefreshTokenEndpoint = "https://api.{region}.stream.example/openplatform/refreshtoken")]
    [OAuthHeader("Client-ID", "{client_id}")]
    [OAuthHeader("X-Template", "{{client_id}} is {client_id}")]
    [OAuthParameterName("client_id", null)]
    public partial class RegionalStreamAuth { }

    /// <summary>RefreshTokenEndpoint and {client_id} in header values, at run time (the analyzers' side is OAUTH047 to OAUTH049).</summary>
    public sealed class RefreshEndpointTests : IAsyncLifetime
    {
        private ProviderEmulator _emulator = null!;

        public async Task InitializeAsync() => _emulator = await ProviderEmulator.StartAsync(request =>
            EmulatedAnswer.Json("{\"access_token\":\"at-" + request.Path.Substring(request.Path.LastIndexOf('/') + 1) + "\",\"token_type\":\"OAuth\",\"expires_in\":14400,\"refresh_token\":\"rt\"}"));

        public async Task DisposeAsync() => await _emulator.DisposeAsync();

        private static OAuthClientOptions Options() => new()
        {
            ClientId = "stream-client",
            ClientSecret = "stream-secret",
            EndpointParameters = new Dictionary<string, string> { ["region"] = "eu" },
        };

        [Fact]
        public async Task A_refresh_goes_to_the_refresh_endpoint_with_its_placeholder_filled_and_a_code_to_the_token_endpoint()
        {
            var client = new RegionalStreamAuth(_emulator.Http(), Options());

            var exchanged = await client.ExchangeAuthorizationCodeAsync("the-code", new Uri("https://app.example/callback"), codeVerifier: null);
            var exchange = _emulator.Last;
            var refreshed = await client.RefreshTokenAsync("the-refresh-token");
            var refresh = _emulator.Last;

            Assert.Equal(("https://api.eu.stream.example", "/openplatform/exchangetoken", "at-exchangetoken"), (exchange.Host, exchange.Path, exchanged.AccessToken));
            Assert.Equal(("https://api.eu.stream.example", "/openplatform/refreshtoken", "at-refreshtoken"), (refresh.Host, refresh.Path, refreshed.AccessToken));
            Assert.Equal("{\"grant_type\":\"refresh_token\",\"client_secret\":\"stream-secret\",\"refresh_token\":\"the-refresh-token\"}", refresh.Body);
        }

        [Fact]
        public async Task Both_requests_carry_the_client_id_in_the_header_and_a_doubled_brace_stays_a_brace()
        {
            var client = new RegionalStreamAuth(_emulator.Http(), Options());

            await client.ExchangeAuthorizationCodeAsync("the-code", new Uri("https://app.example/callback"), codeVerifier: null);
            var exchange = _emulator.Last;
            await client.RefreshTokenAsync("the-refresh-token");
            var refresh = _emulator.Last;

            foreach (var request in new[] { exchange, refresh })
            {
                Assert.Equal("stream-client", request.Headers["Client-ID"]);
                Assert.Equal("{client_id} is stream-client", request.Headers["X-Template"]);
                Assert.DoesNotContain("stream-client", request.Body);
            }
        }

        [Fact]
        public async Task A_changed_client_id_is_the_header_of_the_next_request()
        {
            var options = Options();
            var client = new RegionalStreamAuth(_emulator.Http(), options);
            await client.RefreshTokenAsync("r1");

            options.ClientId = "other-client";
            await client.RefreshTokenAsync("r2");

            Assert.Equal("other-client", _emulator.Last.Headers["Client-ID"]);
        }

        [Fact]
        public async Task A_configured_token_endpoint_replaces_the_refresh_endpoint_too()
        {
            var options = Options();
            options.TokenEndpoint = new Uri("https://sandbox.stream.example/openplatform/exchangetoken");
            var client = new RegionalStreamAuth(_emulator.Http(), options);

            await client.RefreshTokenAsync("the-refresh-token");

            Assert.Equal(("https://sandbox.stream.example", "/openplatform/exchangetoken"), (_emulator.Last.Host, _emulator.Last.Path));
        }

        [Fact]
        public async Task A_missing_placeholder_value_fails_the_refresh_before_anything_is_sent()
        {
            var options = Options();
            options.EndpointParameters = new Dictionary<string, string>();
            var client = new RegionalStreamAuth(_emulator.Http(), options);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RefreshTokenAsync("the-refresh-token"));

            Assert.Contains("region", error.Message);
            Assert.DoesNotContain("the-refresh-token", error.Message);
            Assert.Empty(_emulator.Requests);
        }

        [Theory]
        [InlineData("{client_secret}")]
        [InlineData("{client_id")]
        [InlineData("}")]
        public void Provider_info_refuses_a_header_value_it_cannot_fill(string value)
        {
            var error = Assert.Throws<ArgumentException>(() => new OAuthProviderInfo(
                "Hand-written", "https://id.example/token", OAuthGrant.ClientCredentials, ClientAuthMethod.ClientSecretPost, BodyEncoding.Form,
                headers: new[] { new KeyValuePair<string, string>("Client-ID", value) }));

            Assert.Contains("Client-ID", error.Message);
        }
    }
}
