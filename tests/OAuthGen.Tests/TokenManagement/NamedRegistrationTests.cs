using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>One client type for two tenants: each name has its own options, HttpClient, token manager and tokens.</summary>
    public class NamedRegistrationTests
    {
        private sealed class Tenants : IDisposable
        {
            public CountingTokenEndpoint EndpointA { get; } = new() { TokenPrefix = "a" };

            public CountingTokenEndpoint EndpointB { get; } = new() { TokenPrefix = "b" };

            public ProtectedApi Api { get; } = new();

            public ServiceProvider Provider { get; }

            public Tenants(Action<IServiceCollection>? configure = null)
            {
                var configuration = new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["OAuth:A:ClientId"] = "tenant-a",
                        ["OAuth:A:ClientSecret"] = "secret-a",
                        ["OAuth:A:TokenEndpoint"] = "https://a.auth.test/oauth2/token/",
                        ["OAuth:B:ClientId"] = "tenant-b",
                        ["OAuth:B:ClientSecret"] = "secret-b",
                        ["OAuth:B:TokenEndpoint"] = "https://b.auth.test/oauth2/token/",
                        ["OAuth:B:Scope"] = "read",
                    })
                    .Build();
                var services = new ServiceCollection();
                services.AddSingleton<IConfiguration>(configuration);
                services.AddOAuthClient<PoderoAuth>("A", "OAuth:A").ConfigurePrimaryHttpMessageHandler(() => EndpointA);
                services.AddOAuthClient<PoderoAuth>("B", "OAuth:B").ConfigurePrimaryHttpMessageHandler(() => EndpointB);
                services.AddHttpClient("api-a").AddClientCredentialsToken<PoderoAuth>("A").ConfigurePrimaryHttpMessageHandler(() => Api);
                services.AddHttpClient("api-b").AddClientCredentialsToken<PoderoAuth>("B").ConfigurePrimaryHttpMessageHandler(() => Api);
                services.AddTransient<TenantReport>();
                configure?.Invoke(services);
                Provider = services.BuildServiceProvider(validateScopes: true);
            }

            public HttpClient Client(string name) => Provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

            public void Dispose() => Provider.Dispose();
        }

        private sealed class TenantReport
        {
            public TenantReport([FromKeyedServices("A")] PoderoAuth tenantA, [FromKeyedServices("B")] PoderoAuth tenantB)
            {
                TenantA = tenantA;
                TenantB = tenantB;
            }

            public PoderoAuth TenantA { get; }

            public PoderoAuth TenantB { get; }
        }

        [Fact]
        public void Two_names_get_two_options_from_their_own_sections()
        {
            using var tenants = new Tenants();

            var report = tenants.Provider.GetRequiredService<TenantReport>();

            Assert.Equal(("tenant-a", "https://a.auth.test/oauth2/token/", null), (report.TenantA.Options.ClientId, report.TenantA.Options.TokenEndpoint!.AbsoluteUri, report.TenantA.Options.Scope));
            Assert.Equal(("tenant-b", "https://b.auth.test/oauth2/token/", "read"), (report.TenantB.Options.ClientId, report.TenantB.Options.TokenEndpoint!.AbsoluteUri, report.TenantB.Options.Scope));
        }

        [Fact]
        public async Task Two_names_get_two_token_streams_each_cached_on_its_own()
        {
            using var tenants = new Tenants();

            for (var i = 0; i < 3; i++)
            {
                (await tenants.Client("api-a").GetAsync("https://api.test/a")).EnsureSuccessStatusCode();
                (await tenants.Client("api-b").GetAsync("https://api.test/b")).EnsureSuccessStatusCode();
            }

            Assert.Equal((1, 1), (tenants.EndpointA.Requests, tenants.EndpointB.Requests));
            Assert.Equal(new[] { "a-1", "b-1", "a-1", "b-1", "a-1", "b-1" }, tenants.Api.SeenTokens.ToArray());
            Assert.Equal("{\"grant_type\":\"client_credentials\"}", Assert.Single(tenants.EndpointA.Bodies));
            Assert.Equal("{\"grant_type\":\"client_credentials\",\"scope\":\"read\"}", Assert.Single(tenants.EndpointB.Bodies));
            Assert.NotSame(
                tenants.Provider.GetRequiredKeyedService<ClientCredentialsTokenManager<PoderoAuth>>("A"),
                tenants.Provider.GetRequiredKeyedService<ClientCredentialsTokenManager<PoderoAuth>>("B"));
        }

        [Fact]
        public async Task Two_names_sharing_a_distributed_cache_keep_their_own_entries()
        {
            using var tenants = new Tenants(s => s.AddDistributedMemoryCache().AddOAuthDistributedTokenCache());

            var a = await tenants.Provider.GetRequiredKeyedService<ClientCredentialsTokenManager<PoderoAuth>>("A").GetTokenAsync();
            var b = await tenants.Provider.GetRequiredKeyedService<ClientCredentialsTokenManager<PoderoAuth>>("B").GetTokenAsync();

            Assert.Equal(("a-1", "b-1"), (a.AccessToken, b.AccessToken));
        }

        [Fact]
        public async Task A_name_nobody_registered_fails_with_what_to_register()
        {
            var services = new ServiceCollection();
            services.AddHttpClient("api").AddClientCredentialsToken<PoderoAuth>("Typo");
            using var provider = services.BuildServiceProvider();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                provider.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("https://api.test/"));

            Assert.Contains("No PoderoAuth is registered as 'Typo'", error.Message);
            Assert.Contains("AddOAuthClient<PoderoAuth>(\"Typo\", ...)", error.Message);
        }

        [Fact]
        public void A_named_registration_leaves_the_unnamed_one_alone()
        {
            var services = new ServiceCollection();
            services.AddOAuthClient<PoderoAuth>(o => { o.ClientId = "default"; o.ClientSecret = "s"; });
            services.AddOAuthClient<PoderoAuth>("A", o => { o.ClientId = "tenant-a"; o.ClientSecret = "s"; });
            using var provider = services.BuildServiceProvider();

            Assert.Equal("default", provider.GetRequiredService<PoderoAuth>().Options.ClientId);
            Assert.Equal("tenant-a", provider.GetRequiredKeyedService<PoderoAuth>("A").Options.ClientId);
        }

        [Fact]
        public void A_blank_name_is_refused()
        {
            var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOAuthClient<PoderoAuth>(" ", "OAuth:A"));

            Assert.Equal("name", error.ParamName);
        }
    }
}
