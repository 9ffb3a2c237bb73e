using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>The user token manager one rule at a time: when a token is refreshed, what it says when it cannot be, and what it logs.</summary>
    public class UserTokenManagerRuleTests
    {
        private static readonly DateTimeOffset Start = TokenManagementHarness.Start;
        private static readonly string Key = "oauthgen:user:" + typeof(ConnectedHomeAuth).FullName + ":alice";

        private static OAuthToken Token(string access, string? refresh, TimeSpan? life, DateTimeOffset? issued = null) => new()
        {
            AccessToken = access,
            RefreshToken = refresh,
            TokenType = "Bearer",
            ExpiresIn = life,
            ExpiresAt = life is { } l ? (issued ?? Start) + l : null,
        };

        private sealed class Users : IDisposable
        {
            public Users(IUserTokenStore? store = null, bool defaults = false)
            {
                Endpoint = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.OK, "{\"access_token\":\"a-new\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"r-new\"}"));
                var services = new ServiceCollection();
                if (!defaults)
                {
                    services.AddSingleton<TimeProvider>(Time);
                    services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
                }

                services.AddOAuthClient<ConnectedHomeAuth>(o =>
                    {
                        o.ClientId = "id";
                        o.ClientSecret = "secret";
                        o.TokenEndpoint = new Uri("https://gateway.test/oauth/token");
                        o.RetryTransientFailures = false;
                    })
                    .ConfigurePrimaryHttpMessageHandler(() => Endpoint);
                if (store is not null)
                {
                    services.AddSingleton(store);
                }

                services.AddOAuthUserTokens<ConnectedHomeAuth>();
                Services = services.BuildServiceProvider();
                Tokens = defaults
                    ? new UserTokenManager<ConnectedHomeAuth>(Services, Services.GetRequiredService<IUserTokenStore>())
                    : Services.GetRequiredService<UserTokenManager<ConnectedHomeAuth>>();
            }

            public FakeTimeProvider Time { get; } = new(Start);

            public ScriptedHandler Endpoint { get; }

            public CollectingLoggerProvider Logs { get; } = new();

            public ServiceProvider Services { get; }

            public UserTokenManager<ConnectedHomeAuth> Tokens { get; }

            public void Dispose() => Services.Dispose();
        }

        /// <summary>A store whose reads answer from a script first (one a read), as if other instances changed the entry between them.</summary>
        private sealed class ScriptedStore : IUserTokenStore
        {
            public ConcurrentQueue<OAuthToken?> Reads { get; } = new();

            public Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Reads.TryDequeue(out var token) ? token : null);

            public Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken) => Task.CompletedTask;

            public Task RemoveAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;
        }

        [Fact]
        public async Task Made_without_options_a_clock_or_a_logger_it_serves_and_refreshes_tokens()
        {
            using var users = new Users(defaults: true);
            await users.Tokens.StoreTokenAsync("alice", Token("a1", "r1", TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
            await users.Tokens.StoreTokenAsync("bob", Token("b1", "r1", TimeSpan.FromHours(1), DateTimeOffset.UtcNow - TimeSpan.FromHours(2)));

            Assert.Equal("a1", (await users.Tokens.GetTokenAsync("alice")).AccessToken);
            Assert.Equal("a-new", (await users.Tokens.GetTokenAsync("bob")).AccessToken);
            Assert.Equal(1, users.Endpoint.Requests);
        }

        [Fact]
        public async Task A_token_without_an_expiry_is_never_refreshed()
        {
            using var users = new Users();
            await users.Tokens.StoreTokenAsync("alice", Token("a1", "r1", life: null));

            users.Time.Advance(TimeSpan.FromDays(3650));

            Assert.Equal(("a1", 0), ((await users.Tokens.GetTokenAsync("alice")).AccessToken, users.Endpoint.Requests));
        }

        [Fact]
        public async Task A_token_living_less_than_twice_the_skew_is_refreshed_at_exactly_half_its_life()
        {
            using var users = new Users(); // the default skew: a minute
            await users.Tokens.StoreTokenAsync("alice", Token("a1", "r1", TimeSpan.FromSeconds(100)));

            users.Time.Advance(TimeSpan.FromMilliseconds(49_999));
            Assert.Equal("a1", (await users.Tokens.GetTokenAsync("alice")).AccessToken);
            users.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal("a-new", (await users.Tokens.GetTokenAsync("alice")).AccessToken);
        }

        [Fact]
        public async Task A_long_lived_token_is_refreshed_exactly_the_skew_before_its_expiry()
        {
            using var users = new Users();
            await users.Tokens.StoreTokenAsync("alice", Token("a1", "r1", TimeSpan.FromHours(1)));

            users.Time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1));
            Assert.Equal("a1", (await users.Tokens.GetTokenAsync("alice")).AccessToken);
            users.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal("a-new", (await users.Tokens.GetTokenAsync("alice")).AccessToken);
        }

        [Fact]
        public async Task A_token_removed_while_a_refresh_was_about_to_start_is_reported_as_missing()
        {
            var store = new ScriptedStore();
            store.Reads.Enqueue(Token("a1", "r1", TimeSpan.FromMinutes(1), Start - TimeSpan.FromHours(1)));
            using var users = new Users(store);

            var error = await Assert.ThrowsAsync<OAuthException>(() => users.Tokens.GetTokenAsync("alice"));

            Assert.Equal("No token is stored for this user: store the token of their sign-in first.", error.Message);
            Assert.Equal(0, users.Endpoint.Requests);
        }

        [Fact]
        public async Task A_token_another_refresh_just_stored_is_served_without_refreshing_again()
        {
            var store = new ScriptedStore();
            store.Reads.Enqueue(Token("a1", "r1", TimeSpan.FromMinutes(1), Start - TimeSpan.FromHours(1)));
            store.Reads.Enqueue(Token("a2", "r2", TimeSpan.FromHours(1)));
            using var users = new Users(store);

            var token = await users.Tokens.GetTokenAsync("alice");

            Assert.Equal(("a2", 0), (token.AccessToken, users.Endpoint.Requests));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public async Task An_expired_token_without_a_refresh_token_says_the_user_must_sign_in_again(string? refreshToken)
        {
            using var users = new Users();
            await users.Tokens.StoreTokenAsync("alice", Token("a1", refreshToken, TimeSpan.FromMinutes(5)));
            users.Time.Advance(TimeSpan.FromMinutes(10));

            var error = await Assert.ThrowsAsync<OAuthException>(() => users.Tokens.GetTokenAsync("alice"));

            Assert.Equal("The user's token has expired and there is no refresh token: the user must sign in again.", error.Message);
            Assert.Equal(0, users.Endpoint.Requests);
        }

        [Fact]
        public async Task Serving_refreshing_and_failing_are_logged_without_a_token()
        {
            using var users = new Users();
            await users.Tokens.StoreTokenAsync("alice", Token("a1-Sentinel", "r1-Sentinel", TimeSpan.FromMinutes(30)));

            await users.Tokens.GetTokenAsync("alice");
            users.Time.Advance(TimeSpan.FromHours(1));
            await users.Tokens.GetTokenAsync("alice");
            users.Time.Advance(TimeSpan.FromHours(2));
            users.Endpoint.Answer = _ => ScriptedHandler.Json(HttpStatusCode.InternalServerError, "{}");
            await Assert.ThrowsAsync<OAuthException>(() => users.Tokens.GetTokenAsync("alice"));
            users.Endpoint.Answer = _ => ScriptedHandler.Json(HttpStatusCode.BadRequest, "{\"error\":\"invalid_grant\",\"error_description\":\"revoked\"}");
            await Assert.ThrowsAsync<OAuthException>(() => users.Tokens.GetTokenAsync("alice"));

            var served = Assert.Single(users.Logs.WithId(2));
            Assert.Equal((LogLevel.Debug, "TokenServedFromCache", "ConnectedHomeAuth", (object?)(Start + TimeSpan.FromMinutes(30))), (served.Level, served.Name, served["Provider"], served["ExpiresAt"]));
            var requested = users.Logs.WithId(1);
            Assert.Equal(3, requested.Count);
            Assert.All(requested, e => Assert.Equal((LogLevel.Information, "refresh_token", "ConnectedHomeAuth", "a user"), (e.Level, e["GrantType"], e["Provider"], e["Subject"])));
            var refreshed = Assert.Single(users.Logs.WithId(3));
            Assert.Equal((LogLevel.Information, "TokenRefreshed", (object?)(Start + TimeSpan.FromHours(2))), (refreshed.Level, refreshed.Name, refreshed["ExpiresAt"]));
            var failures = users.Logs.WithId(4);
            Assert.Equal(2, failures.Count);
            Assert.All(failures, e => Assert.Equal((LogLevel.Warning, "TokenRequestFailed", "ConnectedHomeAuth"), (e.Level, e.Name, e["Provider"])));
            Assert.StartsWith("HTTP 500 (", (string)failures[0]["Error"]!);
            Assert.StartsWith("invalid_grant (", (string)failures[1]["Error"]!);
            Assert.All(users.Logs.Events, e => Assert.DoesNotContain("Sentinel", e.Everything));
            Assert.All(users.Logs.Events, e => Assert.DoesNotContain("a-new", e.Everything));
        }

        [Theory]
        [InlineData("invalid_client", HttpStatusCode.Unauthorized, "invalid_client (refused)")]
        [InlineData(null, HttpStatusCode.ServiceUnavailable, "HTTP 503 (refused)")]
        [InlineData(null, null, "no token (refused)")]
        public void A_failure_is_described_by_its_error_code_or_status_and_its_message(string? error, HttpStatusCode? status, string described)
        {
            Assert.Equal(described, TokenLog.Describe(new OAuthException("refused", error, "a long description", null, status, "the body")));
        }

        [Fact]
        public void A_failure_other_than_an_OAuth_one_is_described_by_its_type_only()
        {
            Assert.Equal("HttpRequestException", TokenLog.Describe(new HttpRequestException("connection refused to 10.0.0.1")));
        }

        [Fact]
        public async Task A_token_is_stored_under_the_client_type_and_the_user()
        {
            using var users = new Users();

            await users.Tokens.StoreTokenAsync("alice", Token("a1", "r1", TimeSpan.FromHours(1)));

            Assert.Equal("a1", (await users.Services.GetRequiredService<IUserTokenStore>().GetAsync(Key, default))?.AccessToken);
        }
    }
}
