using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>
    /// The client-credentials token manager one rule at a time: tokens an API refused, cache keys, changed options,
    /// its log events and what a shared cache or request lock that fails leads to.
    /// </summary>
    public class ClientCredentialsManagerRuleTests
    {
        private static readonly DateTimeOffset Start = TokenManagementHarness.Start;

        private static OAuthToken SharedToken(string accessToken, TimeSpan? life = null) => new()
        {
            AccessToken = accessToken,
            TokenType = "Bearer",
            ExpiresIn = life ?? TimeSpan.FromHours(1),
            ExpiresAt = Start + (life ?? TimeSpan.FromHours(1)),
        };

        private static Action<IServiceCollection> Shared(ScriptedTokenCache cache, ScriptedLock? requestLock = null, Action<TokenManagementOptions>? options = null) => services =>
        {
            services.AddSingleton<IOAuthTokenCache>(cache);
            if (requestLock is not null)
            {
                services.AddSingleton<IOAuthTokenRequestLock>(requestLock);
            }

            if (options is not null)
            {
                services.Configure(options);
            }
        };

        // A token an API refused

        [Fact]
        public async Task A_rejected_token_on_a_manager_without_one_is_answered_with_a_new_token()
        {
            using var setup = new TokenSetup();

            var token = await setup.Tokens.GetTokenAsync(null, new OAuthToken { AccessToken = "from-elsewhere" });

            Assert.Equal("token-1", token.AccessToken);
        }

        [Fact]
        public void A_null_rejected_token_is_refused()
        {
            using var setup = new TokenSetup();

            var error = Assert.Throws<ArgumentNullException>(() => setup.Tokens.GetTokenAsync(null, null!));

            Assert.Equal("rejected", error.ParamName);
            Assert.Equal(0, setup.Endpoint.Requests);
        }

        [Fact]
        public async Task A_token_another_caller_already_replaced_is_answered_with_its_replacement_without_a_request()
        {
            using var setup = new TokenSetup();
            var first = await setup.Tokens.GetTokenAsync();
            var second = await setup.Tokens.GetTokenAsync(null, first);

            var late = await setup.Tokens.GetTokenAsync(null, first);

            Assert.Equal(("token-2", "token-2", 2), (second.AccessToken, late.AccessToken, setup.Endpoint.Requests));
        }

        [Fact]
        public async Task While_a_refused_token_is_replaced_no_caller_is_handed_it()
        {
            var endpoint = new CountingTokenEndpoint();
            using var services = TokenManagementHarness.Build(endpoint);
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();
            var refused = await tokens.GetTokenAsync();
            endpoint.Gate = new TaskCompletionSource();

            var replacing = tokens.GetTokenAsync(null, refused).AsTask();
            var meanwhile = tokens.GetTokenAsync().AsTask();

            Assert.False(meanwhile.IsCompleted);
            endpoint.Gate.SetResult();
            Assert.Equal(("token-2", "token-2"), ((await replacing).AccessToken, (await meanwhile).AccessToken));
            Assert.Equal(2, endpoint.Requests);
        }

        [Fact]
        public async Task A_copy_of_the_refused_token_is_replaced_as_the_token_itself_would_be()
        {
            using var setup = new TokenSetup();
            var refused = await setup.Tokens.GetTokenAsync();

            var replacement = await setup.Tokens.GetTokenAsync(null, new OAuthToken { AccessToken = refused.AccessToken });

            Assert.Equal("token-2", replacement.AccessToken);
        }

        [Fact]
        public async Task A_copy_of_the_refused_token_is_dropped_even_when_its_replacement_fails()
        {
            using var setup = new TokenSetup();
            var refused = await setup.Tokens.GetTokenAsync();
            var tokens = setup.Endpoint.Answer;
            setup.Endpoint.Answer = _ => ScriptedHandler.Json(HttpStatusCode.BadRequest, "{\"error\":\"invalid_client\"}");

            await Assert.ThrowsAsync<OAuthException>(() => setup.Tokens.GetTokenAsync(null, new OAuthToken { AccessToken = refused.AccessToken }).AsTask());
            setup.Endpoint.Answer = tokens;
            var next = await setup.Tokens.GetTokenAsync();

            Assert.NotEqual(refused.AccessToken, next.AccessToken);
        }

        // Cache keys

        [Fact]
        public async Task The_configured_scope_asked_for_by_name_shares_the_default_token_and_another_scope_does_not()
        {
            using var setup = new TokenSetup(options: o => o.Scope = "read");

            var byDefault = await setup.Tokens.GetTokenAsync();
            var byName = await setup.Tokens.GetTokenAsync("read");
            var other = await setup.Tokens.GetTokenAsync("write");

            Assert.Equal(("token-1", "token-1", "token-2"), (byDefault.AccessToken, byName.AccessToken, other.AccessToken));
            Assert.Equal(2, setup.Endpoint.Requests);
        }

        [Fact]
        public async Task A_shared_cache_key_names_the_provider_and_hides_the_rest_in_a_hash_and_its_lock_is_the_key_with_lock()
        {
            var cache = new ScriptedTokenCache();
            var requestLock = new ScriptedLock();
            using var setup = new TokenSetup(Shared(cache, requestLock, o => o.RequestLockWait = TimeSpan.FromSeconds(3)), options: o => o.ClientId = "tenant-client");

            await setup.Tokens.GetTokenAsync("read");

            var key = cache.Keys.Distinct().Single();
            Assert.Matches(new Regex("^oauthgen:cc:PoderoAuth:[A-Za-z0-9_-]{43}$"), key);
            Assert.DoesNotContain("tenant-client", key);
            Assert.Equal((key + ":lock", TimeSpan.FromSeconds(6)), Assert.Single(requestLock.Requests));
        }

        [Fact]
        public async Task Endpoint_parameters_are_part_of_the_key_with_their_names_compared_ignoring_case()
        {
            async Task<string> KeyWith(string name, string value)
            {
                var cache = new ScriptedTokenCache();
                using var setup = new TokenSetup(Shared(cache), options: o => o.EndpointParameters[name] = value);
                await setup.Tokens.GetTokenAsync();
                return cache.Keys.Distinct().Single();
            }

            var contoso = await KeyWith("tenant", "contoso");

            Assert.Equal(contoso, await KeyWith("TENANT", "contoso"));
            Assert.NotEqual(contoso, await KeyWith("tenant", "fabrikam"));
            Assert.NotEqual(contoso, await KeyWith("region", "contoso"));
        }

        [Fact]
        public async Task Client_ids_and_scopes_that_would_run_together_as_text_still_get_keys_of_their_own()
        {
            async Task<string> KeyOf(string clientId, string scope)
            {
                var cache = new ScriptedTokenCache();
                using var setup = new TokenSetup(Shared(cache), options: o => o.ClientId = clientId);
                await setup.Tokens.GetTokenAsync(scope);
                return cache.Keys.Distinct().Single();
            }

            Assert.NotEqual(await KeyOf("x", "y|-1:z"), await KeyOf("x|-1:y", "z"));
            Assert.NotEqual(await KeyOf("x", "y|4:z"), await KeyOf("x|1:y", "z"));
        }

        // Changed options

        [Fact]
        public async Task After_the_client_options_change_the_token_comes_from_the_new_options()
        {
            var clientId = "first-client";
            var changes = new ChangeTokenSource(typeof(PoderoAuth).FullName!);
            var elsewhere = new ChangeTokenSource("Some.Other.Client");
            using var setup = new TokenSetup(
                s => s.AddSingleton<IOptionsChangeTokenSource<OAuthClientOptions>>(changes).AddSingleton<IOptionsChangeTokenSource<OAuthClientOptions>>(elsewhere),
                options: o => o.ClientId = clientId);
            var first = await setup.Tokens.GetTokenAsync();
            var firstScoped = await setup.Tokens.GetTokenAsync("read");

            elsewhere.Change();
            Assert.Equal(first.AccessToken, (await setup.Tokens.GetTokenAsync()).AccessToken);
            clientId = "second-client";
            changes.Change();
            var second = await setup.Tokens.GetTokenAsync();
            var secondScoped = await setup.Tokens.GetTokenAsync("read");

            Assert.Equal(("token-1", "token-2", "token-3", "token-4"), (first.AccessToken, firstScoped.AccessToken, second.AccessToken, secondScoped.AccessToken));
            Assert.Equal(new[] { "client first-client", "client first-client, scope read", "client second-client", "client second-client, scope read" },
                setup.Logs.WithId(1).Select(e => e["Subject"]));
        }

        private sealed class ChangeTokenSource(string name) : IOptionsChangeTokenSource<OAuthClientOptions>
        {
            private CancellationTokenSource _changed = new();

            public string Name { get; } = name;

            public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

            public void Change()
            {
                var changed = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
                changed.Cancel();
            }
        }

        // Log events

        [Fact]
        public async Task Each_step_of_a_token_is_logged_with_its_event_level_and_values_and_never_the_token()
        {
            var api = new ProtectedApi { Accepts = token => token != "token-1" };
            using var setup = new TokenSetup(api: api);

            (await setup.Api.GetAsync("data")).EnsureSuccessStatusCode();
            await setup.Tokens.GetTokenAsync();
            setup.Endpoint.Answer = _ => ScriptedHandler.Json(HttpStatusCode.BadRequest, "{\"error\":\"invalid_scope\",\"error_description\":\"no such scope\"}");
            await Assert.ThrowsAsync<OAuthException>(() => setup.Tokens.GetTokenAsync("admin").AsTask());

            var requested = setup.Logs.WithId(1);
            Assert.All(requested, e => Assert.Equal((LogLevel.Information, "TokenRequested", "client_credentials", "PoderoAuth"), (e.Level, e.Name, e["GrantType"], e["Provider"])));
            Assert.Equal(new object?[] { "client client-id", "client client-id", "client client-id, scope admin" }, requested.Select(e => e["Subject"]));
            var refreshed = setup.Logs.WithId(3);
            Assert.Equal(2, refreshed.Count);
            Assert.All(refreshed, e => Assert.Equal((LogLevel.Information, "TokenRefreshed", "PoderoAuth", (object?)(Start + TimeSpan.FromHours(1))), (e.Level, e.Name, e["Provider"], e["ExpiresAt"])));
            var served = Assert.Single(setup.Logs.WithId(2));
            Assert.Equal((LogLevel.Debug, "TokenServedFromCache", "PoderoAuth", (object?)(Start + TimeSpan.FromHours(1))), (served.Level, served.Name, served["Provider"], served["ExpiresAt"]));
            var retry = Assert.Single(setup.Logs.WithId(5));
            Assert.Equal((LogLevel.Information, "UnauthorizedRetry", "PoderoAuth"), (retry.Level, retry.Name, retry["Provider"]));
            var failed = Assert.Single(setup.Logs.WithId(4));
            Assert.Equal((LogLevel.Warning, "TokenRequestFailed", "PoderoAuth"), (failed.Level, failed.Name, failed["Provider"]));
            Assert.StartsWith("invalid_scope (", (string)failed["Error"]!);
            Assert.Empty(setup.Logs.WithId(6));
            Assert.Empty(setup.Logs.WithId(7));
            Assert.All(setup.Logs.Events, e => Assert.DoesNotContain("token-", e.Everything));
            Assert.All(setup.Logs.Events, e => Assert.DoesNotContain(TokenSetup.Secret, e.Everything));
        }

        [Fact]
        public async Task The_subject_of_a_named_registration_starts_with_its_name()
        {
            using var setup = new TokenSetup(s =>
            {
                s.AddOAuthClient<PoderoAuth>("A", o =>
                    {
                        o.ClientId = "tenant-a";
                        o.ClientSecret = "s";
                        o.TokenEndpoint = new Uri("https://a.auth.test/oauth2/token/");
                    })
                    .ConfigurePrimaryHttpMessageHandler(() => new CountingTokenEndpoint());
                s.AddHttpClient("api-a").AddClientCredentialsToken<PoderoAuth>("A");
            });

            await setup.Services.GetRequiredKeyedService<ClientCredentialsTokenManager<PoderoAuth>>("A").GetTokenAsync("read");
            await setup.Services.GetRequiredKeyedService<ClientCredentialsTokenManager<PoderoAuth>>("A").GetTokenAsync();

            Assert.Equal(new object?[] { "A: client tenant-a, scope read", "A: client tenant-a" }, setup.Logs.WithId(1).Select(e => e["Subject"]));
        }

        [Fact]
        public async Task A_token_from_the_shared_cache_is_logged_as_served_from_cache_with_its_expiry()
        {
            var cache = new ScriptedTokenCache();
            cache.NextReads.Enqueue(SharedToken("shared-Sentinel", TimeSpan.FromMinutes(30)));
            using var setup = new TokenSetup(Shared(cache));

            var token = await setup.Tokens.GetTokenAsync();

            Assert.Equal(("shared-Sentinel", 0), (token.AccessToken, setup.Endpoint.Requests));
            var served = Assert.Single(setup.Logs.WithId(2));
            Assert.Equal((LogLevel.Debug, (object?)(Start + TimeSpan.FromMinutes(30))), (served.Level, served["ExpiresAt"]));
            Assert.Empty(setup.Logs.WithId(1));
        }

        [Fact]
        public async Task An_unnamed_client_nobody_registered_fails_with_the_containers_own_error()
        {
            var services = new ServiceCollection();
            services.AddHttpClient("api").AddClientCredentialsToken<PoderoAuth>();
            services.AddOptions<OAuthClientOptions>(typeof(PoderoAuth).FullName);
            using var provider = services.BuildServiceProvider();

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>().GetTokenAsync().AsTask());

            Assert.Contains("PoderoAuth", error.Message);
            Assert.DoesNotContain("registered as ''", error.Message);
        }

        [Fact]
        public void The_options_and_HttpClient_of_a_named_registration_are_named_after_the_type_and_the_name()
        {
            var services = new ServiceCollection();
            services.AddOAuthClient<PoderoAuth>("A", o =>
            {
                o.ClientId = "tenant-a";
                o.ClientSecret = "s";
            });
            using var provider = services.BuildServiceProvider();

            Assert.Equal("tenant-a", provider.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(typeof(PoderoAuth).FullName + ":A").ClientId);
        }

        // A shared cache or request lock that fails

        [Theory]
        [InlineData("read")]
        [InlineData("store")]
        [InlineData("take the request lock")]
        [InlineData("release the request lock")]
        public async Task A_failing_shared_operation_is_logged_by_name_and_exception_type_and_the_token_still_comes(string operation)
        {
            var cache = new ScriptedTokenCache();
            var requestLock = new ScriptedLock();
            Func<Exception> failure = () => new InvalidOperationException(operation + " failed Sentinel");
            switch (operation)
            {
                case "read":
                    cache.ReadFailure = failure;
                    break;
                case "store":
                    cache.WriteFailure = failure;
                    break;
                case "take the request lock":
                    requestLock.AcquireFailure = failure;
                    break;
                default:
                    requestLock.ReleaseFailure = failure;
                    break;
            }

            using var setup = new TokenSetup(Shared(cache, requestLock));

            var token = await setup.Tokens.GetTokenAsync();

            Assert.Equal("token-1", token.AccessToken);
            var warning = Assert.Single(setup.Logs.WithId(6));
            Assert.Equal((LogLevel.Warning, "SharedCacheUnavailable", operation, "InvalidOperationException", "PoderoAuth"),
                (warning.Level, warning.Name, warning["Operation"], warning["Error"], warning["Provider"]));
            Assert.DoesNotContain("Sentinel", warning.Everything);
        }

        [Fact]
        public async Task A_shared_cache_that_failed_is_left_alone_for_a_while()
        {
            var cache = new ScriptedTokenCache { ReadFailure = () => new InvalidOperationException("down") };
            var requestLock = new ScriptedLock();
            using var setup = new TokenSetup(Shared(cache, requestLock));

            await setup.Tokens.GetTokenAsync("a");
            await setup.Tokens.GetTokenAsync("b");

            Assert.Equal((1, 0, 0, 2), (cache.Reads, cache.Writes, requestLock.Requests.Count, setup.Endpoint.Requests));
            Assert.Single(setup.Logs.WithId(6));
        }

        [Fact]
        public async Task With_the_lock_taken_the_token_is_stored_for_the_others_and_the_lock_released()
        {
            var cache = new ScriptedTokenCache();
            var requestLock = new ScriptedLock();
            using var setup = new TokenSetup(Shared(cache, requestLock));

            var token = await setup.Tokens.GetTokenAsync();

            Assert.Equal(("token-1", 1, 1), (token.AccessToken, cache.Writes, requestLock.Released));
            Assert.Equal("token-1", cache[cache.Keys.First()]!.AccessToken);
            Assert.Empty(setup.Logs.WithId(6));
        }

        [Fact]
        public async Task A_token_stored_by_another_instance_while_the_lock_was_taken_is_used_and_the_lock_released()
        {
            var cache = new ScriptedTokenCache();
            cache.NextReads.Enqueue(null);
            cache.NextReads.Enqueue(SharedToken("from-another-instance"));
            var requestLock = new ScriptedLock();
            using var setup = new TokenSetup(Shared(cache, requestLock));

            var token = await setup.Tokens.GetTokenAsync();

            Assert.Equal(("from-another-instance", 0, 1, 2), (token.AccessToken, setup.Endpoint.Requests, requestLock.Released, cache.Reads));
        }

        [Fact]
        public async Task While_another_instance_holds_the_lock_the_shared_cache_is_polled_not_hammered()
        {
            var cache = new ScriptedTokenCache();
            var requestLock = new ScriptedLock { Grant = false };
            using var setup = new TokenSetup(Shared(cache, requestLock, o => o.RequestLockWait = TimeSpan.FromMilliseconds(150)));

            var token = await setup.Tokens.GetTokenAsync();

            Assert.Equal(("token-1", 1, 0), (token.AccessToken, setup.Endpoint.Requests, requestLock.Released));
            Assert.InRange(cache.Reads, 2, 6); // one look, then one every 50 ms for 150 ms
            var waiting = Assert.Single(setup.Logs.WithId(7));
            Assert.Equal((LogLevel.Debug, "WaitingForAnotherInstance", "PoderoAuth"), (waiting.Level, waiting.Name, waiting["Provider"]));
        }

        [Fact]
        public async Task While_another_instance_holds_the_lock_its_token_is_taken_from_the_shared_cache()
        {
            var cache = new ScriptedTokenCache();
            cache.NextReads.Enqueue(null);
            cache.NextReads.Enqueue(SharedToken("from-the-lock-holder"));
            var requestLock = new ScriptedLock { Grant = false };
            using var setup = new TokenSetup(Shared(cache, requestLock));

            var token = await setup.Tokens.GetTokenAsync();

            Assert.Equal(("from-the-lock-holder", 0, 2), (token.AccessToken, setup.Endpoint.Requests, cache.Reads));
        }
    }
}
