using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>{name} placeholders in declared endpoints, filled from OAuthClientOptions.EndpointParameters (Microsoft Entra's {tenant}).</summary>
    public sealed class EndpointTemplateTests : IAsyncLifetime
    {
        private const string EntraToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIm5vbmNlIjoiSFZ-entra";

        private ProviderEmulator _entra = null!;

        public async Task InitializeAsync() => _entra = await ProviderEmulator.StartAsync(request =>
            request.Path.EndsWith("/devicecode", StringComparison.Ordinal)
                ? EmulatedAnswer.Json("{\"user_code\":\"AAAAAAAAA\",\"device_code\":\"device-code-entra\",\"verification_uri\":\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":5}")
            : request.Body.Contains("client_secret=right-secret", StringComparison.Ordinal)
                // The documented success answer (v2.0 client credentials): no refresh token, expires_in a number.
                ? EmulatedAnswer.Json("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + EntraToken + "\"}")
                // The documented error answer.
                : EmulatedAnswer.Json(
                    "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.\",\"error_codes\":[7000215],\"timestamp\":\"2026-12-01 21:00:00Z\",\"trace_id\":\"0000aaaa-11bb-cccc-dd22-eeeeee333333\",\"correlation_id\":\"aaaa0000-bb11-2222-33cc-444444dddddd\"}",
                    status: 401));

        public async Task DisposeAsync() => await _entra.DisposeAsync();

        [Fact]
        public async Task The_tenant_fills_the_path_of_the_token_endpoint()
        {
            var client = new EntraAuth(_entra.Http(), Options("contoso.onmicrosoft.com"));

            var token = await client.RequestClientCredentialsTokenAsync();

            var request = _entra.Last;
            Assert.Equal("https://login.microsoftonline.com", request.Host);
            Assert.Equal("POST", request.Method);
            Assert.Equal("/contoso.onmicrosoft.com/oauth2/v2.0/token", request.Path);
            Assert.Equal("", request.Query);
            Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
            Assert.Equal(
                "grant_type=client_credentials&client_id=6731de76-14a6-49ae-97bc-6eba6914391e&client_secret=right-secret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default",
                request.Body);
            Assert.Equal(EntraToken, token.AccessToken);
            Assert.Equal(TimeSpan.FromSeconds(3599), token.ExpiresIn);
        }

        [Fact]
        public async Task The_documented_error_is_an_OAuthException()
        {
            var options = Options("contoso.onmicrosoft.com");
            options.ClientSecret = "wrong-secret";
            var client = new EntraAuth(_entra.Http(), options);

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync());

            Assert.Equal("invalid_client", error.Error);
            Assert.StartsWith("AADSTS7000215", error.ErrorDescription);
            Assert.Equal("/contoso.onmicrosoft.com/oauth2/v2.0/token", _entra.Last.Path);
        }

        [Fact]
        public async Task A_value_is_escaped_as_one_path_segment()
        {
            var client = new EntraAuth(_entra.Http(), Options("tenant+ü@x"));

            await client.RequestClientCredentialsTokenAsync();

            Assert.Equal("/tenant%2B%C3%BC%40x/oauth2/v2.0/token", _entra.Last.Path);
        }

        [Fact]
        public async Task The_other_declared_endpoints_are_filled_too()
        {
            var client = new EntraAuth(_entra.Http(), Options("common"));

            var authorization = client.CreateAuthorizationRequest(new Uri("https://app.example/callback"));
            await client.RequestDeviceAuthorizationAsync();

            Assert.StartsWith("https://login.microsoftonline.com/common/oauth2/v2.0/authorize?", authorization.Url.AbsoluteUri);
            Assert.Equal("/common/oauth2/v2.0/devicecode", _entra.Last.Path);
        }

        [Fact]
        public async Task A_changed_value_is_followed_by_the_next_request()
        {
            var options = Options("first");
            var client = new EntraAuth(_entra.Http(), options);
            await client.RequestClientCredentialsTokenAsync();

            options.EndpointParameters["tenant"] = "second";
            await client.RequestClientCredentialsTokenAsync();

            Assert.Equal(new[] { "/first/oauth2/v2.0/token", "/second/oauth2/v2.0/token" }, Paths());
        }

        [Fact]
        public async Task A_placeholder_without_a_value_fails_the_first_request_naming_it_and_sends_nothing()
        {
            var options = Options(tenant: null);
            var client = new EntraAuth(_entra.Http(), options);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestClientCredentialsTokenAsync());

            Assert.Equal(
                "The token endpoint of EntraAuth ('https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token') has the placeholder {tenant} and no value for it: set OAuthClientOptions.EndpointParameters[\"tenant\"] (configuration: EndpointParameters:tenant).",
                error.Message);
            Assert.Empty(_entra.Requests);
        }

        [Theory]
        [InlineData("", "is empty")]
        [InlineData("contoso/../other", "contains '..'")]
        [InlineData("..", "contains '..'")]
        [InlineData("contoso/evil", "contains '/', which would change the address beyond one path segment")]
        [InlineData("contoso?x=1", "contains '?', which would change the address beyond one path segment")]
        [InlineData("contoso#x", "contains '#', which would change the address beyond one path segment")]
        [InlineData("contoso\\evil", "contains '\\', which would change the address beyond one path segment")]
        [InlineData("con toso", "contains whitespace or a control character")]
        public async Task A_value_that_is_not_one_path_segment_is_refused_before_anything_is_sent(string tenant, string problem)
        {
            var client = new EntraAuth(_entra.Http(), Options(tenant));

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestClientCredentialsTokenAsync());

            Assert.Equal("The value of EndpointParameters[\"tenant\"] for the token endpoint of EntraAuth " + problem + "; it must be one path segment.", error.Message);
            Assert.Empty(_entra.Requests);
        }

        [Fact]
        public async Task An_override_of_the_endpoint_needs_no_value()
        {
            var options = Options(tenant: null);
            options.TokenEndpoint = new Uri("https://login.microsoftonline.com/fixed/oauth2/v2.0/token");
            var client = new EntraAuth(_entra.Http(), options);

            await client.RequestClientCredentialsTokenAsync();

            Assert.Equal("/fixed/oauth2/v2.0/token", _entra.Last.Path);
        }

        [Fact]
        public async Task Values_are_bound_from_configuration_and_checked_at_start_up()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OAuth:Entra:ClientId"] = "6731de76-14a6-49ae-97bc-6eba6914391e",
                ["OAuth:Entra:ClientSecret"] = "right-secret",
                ["OAuth:Entra:EndpointParameters:tenant"] = "fabrikam",
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddOAuthClient<EntraAuth>("OAuth:Entra").ConfigurePrimaryHttpMessageHandler(() => _entra.Handler());
            using var provider = services.BuildServiceProvider();

            await provider.GetRequiredService<EntraAuth>().RequestClientCredentialsTokenAsync();

            Assert.Equal("/fabrikam/oauth2/v2.0/token", _entra.Last.Path);
        }

        [Fact]
        public void A_placeholder_without_a_value_fails_start_up_validation_saying_where_to_set_it()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OAuth:Entra:ClientId"] = "6731de76-14a6-49ae-97bc-6eba6914391e",
                ["OAuth:Entra:ClientSecret"] = "right-secret",
            }).Build();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddOAuthClient<EntraAuth>("OAuth:Entra");
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(typeof(EntraAuth).FullName));

            // One failure per endpoint that has the placeholder: token, authorization, device authorization.
            Assert.Equal(3, error.Failures.Count());
            Assert.Contains(
                "The token endpoint of EntraAuth ('https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token') has the placeholder {tenant} and no value for it: set OAuthClientOptions.EndpointParameters[\"tenant\"] (configuration: OAuth:Entra:EndpointParameters:tenant).",
                error.Failures);
        }

        [Fact]
        public void A_bad_value_fails_start_up_validation()
        {
            var services = new ServiceCollection();
            services.AddOAuthClient<EntraAuth>(options =>
            {
                options.ClientId = "6731de76-14a6-49ae-97bc-6eba6914391e";
                options.ClientSecret = "right-secret";
                options.EndpointParameters["tenant"] = "../admin";
            });
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(typeof(EntraAuth).FullName));

            Assert.Contains("The value of EndpointParameters[\"tenant\"] for the token endpoint of EntraAuth contains '..'; it must be one path segment.", error.Failures);
        }

        [Fact]
        public async Task Another_tenant_never_gets_a_token_from_a_shared_cache()
        {
            // Two applications, the same registration name and client id, one distributed cache: the tenant is another server.
            var shared = new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));
            foreach (var tenant in new[] { "first", "second", "first" })
            {
                var services = new ServiceCollection();
                services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(shared);
                services.AddOAuthDistributedTokenCache();
                services.AddOAuthClient<EntraAuth>(options =>
                {
                    options.ClientId = "6731de76-14a6-49ae-97bc-6eba6914391e";
                    options.ClientSecret = "right-secret";
                    options.EndpointParameters["tenant"] = tenant;
                }).ConfigurePrimaryHttpMessageHandler(() => _entra.Handler());
                services.AddHttpClient("graph").AddClientCredentialsToken<EntraAuth>();
                using var provider = services.BuildServiceProvider();

                var token = await provider.GetRequiredService<OAuthGen.Tokens.ClientCredentialsTokenManager<EntraAuth>>().GetTokenAsync();

                Assert.Equal(EntraToken, token.AccessToken);
            }

            // The third application found the first one's token in the cache.
            Assert.Equal(new[] { "/first/oauth2/v2.0/token", "/second/oauth2/v2.0/token" }, Paths());
        }

        private string[] Paths() => _entra.Requests.Select(request => request.Path).ToArray();

        private static OAuthClientOptions Options(string? tenant)
        {
            var options = new OAuthClientOptions { ClientId = "6731de76-14a6-49ae-97bc-6eba6914391e", ClientSecret = "right-secret" };
            if (tenant is not null)
            {
                options.EndpointParameters["tenant"] = tenant;
            }

            return options;
        }
    }
}
