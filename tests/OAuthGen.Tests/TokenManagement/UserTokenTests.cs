using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    public class UserTokenTests
    {
        private static readonly DateTimeOffset Start = TokenManagementHarness.Start;

        [Fact]
        public async Task A_fresh_token_is_served_from_the_store()
        {
            var (services, refreshes, _) = Build();
            var tokens = services.GetRequiredService<UserTokenManager<ConnectedHomeAuth>>();
            await tokens.StoreTokenAsync("alice", Token("a1", "r1", Start.AddHours(1)));

            Assert.Equal("a1", (await tokens.GetTokenAsync("alice")).AccessToken);
            Assert.Equal(0, refreshes.Count);
        }

        [Fact]
        public async Task Concurrent_callers_with_an_expired_token_cause_one_refresh()
        {
            var (services, refreshes, time) = Build(gate: new TaskCompletionSource());
            var tokens = services.GetRequiredService<UserTokenManager<ConnectedHomeAuth>>();
            await tokens.StoreTokenAsync("alice", Token("a1", "r1", Start.AddMinutes(30)));
            time.Advance(TimeSpan.FromHours(1));

            var calls = Enumerable.Range(0, 200).Select(_ => Task.Run(() => tokens.GetTokenAsync("alice"))).ToArray();
            await Task.Delay(100);
            refreshes.Gate!.SetResult();
            var results = await Task.WhenAll(calls);

            Assert.Equal(1, refreshes.Count);
            Assert.All(results, token => Assert.Equal("a-new", token.AccessToken));
            Assert.Equal("grant_type=refresh_token&refresh_token=r1", refreshes.LastBody);
        }

        [Fact]
        public async Task A_refresh_answer_without_a_refresh_token_keeps_the_old_one()
        {
            var (services, refreshes, time) = Build(newRefreshToken: null);
            var tokens = services.GetRequiredService<UserTokenManager<ConnectedHomeAuth>>();
            await tokens.StoreTokenAsync("alice", Token("a1", "r1", Start.AddMinutes(1)));
            time.Advance(TimeSpan.FromMinutes(5));

            var refreshed = await tokens.GetTokenAsync("alice");

            Assert.Equal("r1", refreshed.RefreshToken);
            Assert.Equal("r1", (await services.GetRequiredService<IUserTokenStore>().GetAsync("oauthgen:user:" + typeof(ConnectedHomeAuth).FullName + ":alice", default))!.RefreshToken);
        }

        [Fact]
        public async Task A_refresh_answer_with_a_new_refresh_token_replaces_the_old_one()
        {
            var (services, refreshes, time) = Build(newRefreshToken: "r2");
            var tokens = services.GetRequiredService<UserTokenManager<ConnectedHomeAuth>>();
            await tokens.StoreTokenAsync("alice", Token("a1", "r1", Start.AddMinutes(1)));
            time.Advance(TimeSpan.FromMinutes(5));

            Assert.Equal("r2", (await tokens.GetTokenAsync("alice")).RefreshToken);
            time.Advance(TimeSpan.FromHours(2));
            await tokens.GetTokenAsync("alice");
            Assert.Equal("grant_type=refresh_token&refresh_token=r2", refreshes.LastBody);
        }

        [Fact]
        public async Task A_refused_refresh_token_is_forgotten()
        {
            var (services, refreshes, time) = Build();
            refreshes.Refuse = true;
            var tokens = services.GetRequiredService<UserTokenManager<ConnectedHomeAuth>>();
            await tokens.StoreTokenAsync("alice", Token("a1", "r1", Start.AddMinutes(1)));
            time.Advance(TimeSpan.FromMinutes(5));

            var refused = await Assert.ThrowsAsync<OAuthException>(() => tokens.GetTokenAsync("alice"));
            var forgotten = await Assert.ThrowsAsync<OAuthException>(() => tokens.GetTokenAsync("alice"));

            Assert.Equal("invalid_grant", refused.Error);
            Assert.Contains("No token is stored", forgotten.Message);
            Assert.Equal(1, refreshes.Count);
        }

        [Fact]
        public async Task Users_do_not_share_tokens()
        {
            var (services, _, _) = Build();
            var tokens = services.GetRequiredService<UserTokenManager<ConnectedHomeAuth>>();
            await tokens.StoreTokenAsync("alice", Token("a-alice", "r", Start.AddHours(1)));
            await tokens.StoreTokenAsync("bob", Token("a-bob", "r", Start.AddHours(1)));

            Assert.Equal("a-alice", (await tokens.GetTokenAsync("alice")).AccessToken);
            Assert.Equal("a-bob", (await tokens.GetTokenAsync("bob")).AccessToken);
        }

        private static OAuthToken Token(string access, string? refresh, DateTimeOffset expiresAt) =>
            new() { AccessToken = access, RefreshToken = refresh, ExpiresAt = expiresAt, ExpiresIn = expiresAt - Start, TokenType = "Bearer" };

        private static (ServiceProvider Services, RefreshEndpoint Refreshes, FakeTimeProvider Time) Build(TaskCompletionSource? gate = null, string? newRefreshToken = "r-new")
        {
            var time = new FakeTimeProvider(Start);
            var endpoint = new RefreshEndpoint(newRefreshToken) { Gate = gate };
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddOAuthClient<ConnectedHomeAuth>(options =>
                {
                    options.ClientId = "id";
                    options.ClientSecret = "secret";
                    options.TokenEndpoint = new Uri("https://gateway.test/oauth/token");
                })
                .ConfigurePrimaryHttpMessageHandler(() => endpoint);
            services.AddOAuthUserTokens<ConnectedHomeAuth>();
            return (services.BuildServiceProvider(), endpoint, time);
        }

        private sealed class RefreshEndpoint : HttpMessageHandler
        {
            private readonly string? _newRefreshToken;
            private int _count;

            public RefreshEndpoint(string? newRefreshToken)
            {
                _newRefreshToken = newRefreshToken;
            }

            public int Count => Volatile.Read(ref _count);

            public string? LastBody { get; private set; }

            public TaskCompletionSource? Gate { get; set; }

            public bool Refuse { get; set; }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _count);
                LastBody = await request.Content!.ReadAsStringAsync(cancellationToken);
                if (Gate is { } gate)
                {
                    await gate.Task.WaitAsync(cancellationToken);
                }

                var json = Refuse
                    ? "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token revoked\"}"
                    : "{\"access_token\":\"a-new\",\"token_type\":\"Bearer\",\"expires_in\":3600" + (_newRefreshToken is null ? "" : ",\"refresh_token\":\"" + _newRefreshToken + "\"") + "}";
                return new HttpResponseMessage(Refuse ? HttpStatusCode.BadRequest : HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            }
        }
    }
}
