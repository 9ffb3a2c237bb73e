using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>
    /// expires_in: 0 is no usable lifetime, so no expiry (Mailchimp); a token answer without scope granted the scope
    /// that was asked for (RFC 6749 §5.1).
    /// </summary>
    public sealed class LifetimeAndScopeTests : IAsyncLifetime
    {
        private const string MailchimpToken = "5c6ccc561059aa386da9d112215bae55";
        private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        private ProviderEmulator _server = null!;

        public async Task InitializeAsync() => _server = await ProviderEmulator.StartAsync(request =>
            request.Host == "https://login.mailchimp.com"
                // https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/: the documented answer.
                ? EmulatedAnswer.Json("{\"access_token\":\"" + MailchimpToken + "\",\"expires_in\":0,\"scope\":null}")
                // Entra answers client credentials without scope.
                : EmulatedAnswer.Json("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"entra-access\"}"));

        public async Task DisposeAsync() => await _server.DisposeAsync();

        [Fact]
        public async Task Expires_in_zero_is_no_expiry_so_the_token_manager_asks_once_for_many_calls()
        {
            var time = new FakeTimeProvider(Start);
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddOAuthClient<MailchimpAuth>(options =>
            {
                options.ClientId = "366328413456";
                options.ClientSecret = "mailchimp-secret";
            }).ConfigurePrimaryHttpMessageHandler(() => _server.Handler());
            services.AddOAuthUserTokens<MailchimpAuth>();
            using var provider = services.BuildServiceProvider();

            var token = await provider.GetRequiredService<MailchimpAuth>().ExchangeAuthorizationCodeAsync("1edf2589e664fd317f6a7ff5f97b42f7", new Uri("https://app.example/callback"));
            var manager = provider.GetRequiredService<UserTokenManager<MailchimpAuth>>();
            await manager.StoreTokenAsync("user-1", token);
            for (var call = 0; call < 5; call++)
            {
                time.Advance(TimeSpan.FromDays(30));
                Assert.Equal(MailchimpToken, (await manager.GetTokenAsync("user-1")).AccessToken);
            }

            Assert.Equal(TimeSpan.Zero, token.ExpiresIn);
            Assert.Null(token.ExpiresAt);
            Assert.False(token.IsExpired(time.GetUtcNow()));
            var request = Assert.Single(_server.Requests);
            Assert.Equal("/oauth2/token", request.Path);
            Assert.Equal(
                "grant_type=authorization_code&client_id=366328413456&client_secret=mailchimp-secret&code=1edf2589e664fd317f6a7ff5f97b42f7&redirect_uri=https%3A%2F%2Fapp.example%2Fcallback",
                request.Body);
        }

        [Fact]
        public async Task An_answer_without_scope_granted_the_scope_that_was_sent()
        {
            var options = new OAuthClientOptions { ClientId = "6731de76-14a6-49ae-97bc-6eba6914391e", ClientSecret = "right-secret" };
            options.EndpointParameters["tenant"] = "contoso";
            var client = new EntraAuth(_server.Http(), options);

            var byDefault = await client.RequestClientCredentialsTokenAsync();
            var asked = await client.RequestClientCredentialsTokenAsync("api://orders/.default");

            Assert.Equal("https://graph.microsoft.com/.default", byDefault.Scope);
            Assert.Equal("api://orders/.default", asked.Scope);
            Assert.EndsWith("&scope=api%3A%2F%2Forders%2F.default", _server.Last.Body);
        }

        [Fact]
        public async Task An_answer_with_scope_keeps_what_the_provider_granted()
        {
            var client = new MailchimpAuth(_server.Http(), new OAuthClientOptions { ClientId = "366328413456", ClientSecret = "mailchimp-secret" });

            // "scope": null in the answer and no scope in a code exchange: nothing was asked, nothing is claimed.
            var token = await client.ExchangeAuthorizationCodeAsync("code", new Uri("https://app.example/callback"));

            Assert.Null(token.Scope);
        }
    }
}
