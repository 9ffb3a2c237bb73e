using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuthGen.Providers;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>Catalogue classes registered like any generated client: configuration, the bearer handler, the token managers.</summary>
    public sealed class CatalogueDependencyInjectionTests : IAsyncLifetime
    {
        private const string SpotifyToken = "BQDpQ0spotify";
        private const string EntraToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra.sig";

        private ProviderEmulator _server = null!;

        public async Task InitializeAsync() => _server = await ProviderEmulator.StartAsync(request => request.Host switch
        {
            "https://accounts.spotify.com" => EmulatedAnswer.Json("{\"access_token\":\"" + SpotifyToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"),
            "https://login.microsoftonline.com" => EmulatedAnswer.Json("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":7199,\"access_token\":\"" + EntraToken + "\"}"),
            // The Web API: 200 for the token the provider issued, 401 otherwise.
            _ => request.Headers.TryGetValue("Authorization", out var authorization) && authorization == "Bearer " + SpotifyToken
                ? EmulatedAnswer.Json("{\"id\":\"me\"}")
                : EmulatedAnswer.Json("{\"error\":{\"status\":401,\"message\":\"No token provided\"}}", 401),
        });

        public async Task DisposeAsync() => await _server.DisposeAsync();

        [Fact]
        public async Task Spotify_from_a_configuration_section_puts_its_token_on_every_api_call_and_asks_once()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OAuth:Spotify:ClientId"] = "spotify-client",
                ["OAuth:Spotify:ClientSecret"] = "spotify-secret",
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddOAuthClient<Spotify>("OAuth:Spotify").ConfigurePrimaryHttpMessageHandler(() => _server.Handler());
            services.AddHttpClient("spotify-api", http => http.BaseAddress = new Uri("https://api.spotify.com/v1/"))
                .AddClientCredentialsToken<Spotify>()
                .ConfigurePrimaryHttpMessageHandler(() => _server.Handler());
            using var provider = services.BuildServiceProvider();
            var api = provider.GetRequiredService<IHttpClientFactory>().CreateClient("spotify-api");

            using var first = await api.GetAsync("browse/new-releases");
            using var second = await api.GetAsync("browse/categories");

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            var tokenRequest = Assert.Single(_server.Requests, request => request.Host == "https://accounts.spotify.com");
            Assert.Equal("/api/token", tokenRequest.Path);
            Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("spotify-client:spotify-secret")), tokenRequest.Headers["Authorization"]);
            Assert.Equal("grant_type=client_credentials", tokenRequest.Body);
        }

        [Fact]
        public async Task MicrosoftEntra_through_the_token_manager_returns_its_typed_token_for_the_configured_tenant()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OAuth:Entra:ClientId"] = "6731de76-14a6-49ae-97bc-6eba6914391e",
                ["OAuth:Entra:ClientSecret"] = "entra-secret",
                ["OAuth:Entra:Scope"] = "https://graph.microsoft.com/.default",
                ["OAuth:Entra:EndpointParameters:tenant"] = "contoso.onmicrosoft.com",
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddOAuthClient<MicrosoftEntra>("OAuth:Entra").ConfigurePrimaryHttpMessageHandler(() => _server.Handler());
            services.AddHttpClient("graph").AddClientCredentialsToken<MicrosoftEntra>();
            using var provider = services.BuildServiceProvider();

            var managed = await provider.GetRequiredService<ClientCredentialsTokenManager<MicrosoftEntra>>().GetTokenAsync();
            var typed = await provider.GetRequiredService<MicrosoftEntra>().RequestClientCredentialsTokenAsync();

            Assert.Equal(EntraToken, managed.AccessToken);
            Assert.Equal(TimeSpan.FromSeconds(7199), typed.ExtExpiresIn);
            Assert.All(_server.Requests, request => Assert.Equal("/contoso.onmicrosoft.com/oauth2/v2.0/token", request.Path));
            Assert.EndsWith("&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", _server.Requests.First().Body);
        }
    }
}
