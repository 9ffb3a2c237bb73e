using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>
    /// On the system clock a cached token's freshness is kept on the monotonic tick count; these check that it ends when
    /// the token's freshness does. Each waits a few tens of milliseconds for the real clock to move: that is what they test.
    /// </summary>
    public class SystemClockFreshnessTests
    {
        private static OAuthToken SharedToken(TimeSpan life, TimeSpan left) => new()
        {
            AccessToken = "shared-token",
            TokenType = "Bearer",
            ExpiresIn = life,
            ExpiresAt = DateTimeOffset.UtcNow + left,
        };

        private static async Task WaitForTheClock(long fromTick, int milliseconds)
        {
            while (Environment.TickCount64 < fromTick + milliseconds)
            {
                await Task.Delay(5);
            }
        }

        private static TokenSetup Setup(ScriptedTokenCache cache) => new(s => s.AddSingleton<IOAuthTokenCache>(cache), time: TimeProvider.System);

        // 1 h of life, 20 min left: renewed the default minute before its expiry. 100 s of life, 55 s left: renewed half its
        // life (50 s) before its expiry, not the default minute, so it is fresh for 5 s more.
        [Theory]
        [InlineData(3600, 1200)]
        [InlineData(100, 55)]
        public async Task A_token_from_the_shared_cache_stays_in_memory_until_its_renewal_point(int lifeSeconds, int leftSeconds)
        {
            var cache = new ScriptedTokenCache();
            cache.NextReads.Enqueue(SharedToken(life: TimeSpan.FromSeconds(lifeSeconds), left: TimeSpan.FromSeconds(leftSeconds)));
            using var setup = Setup(cache);
            var start = Environment.TickCount64;

            await setup.Tokens.GetTokenAsync();
            await WaitForTheClock(start, 30);
            var again = await setup.Tokens.GetTokenAsync();

            Assert.Equal(("shared-token", 1, 0), (again.AccessToken, cache.Reads, setup.Endpoint.Requests));
        }

        [Fact]
        public async Task A_token_in_memory_is_renewed_once_the_skew_before_its_expiry_is_reached()
        {
            var cache = new ScriptedTokenCache();
            // Fresh for 50 ms more: a minute (the default skew) and 50 ms before its expiry.
            cache.NextReads.Enqueue(SharedToken(life: TimeSpan.FromHours(1), left: TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(50)));
            using var setup = Setup(cache);
            var start = Environment.TickCount64;

            var first = await setup.Tokens.GetTokenAsync();
            await WaitForTheClock(start, 150);
            var renewed = await setup.Tokens.GetTokenAsync();

            Assert.Equal(("shared-token", "token-1", 1), (first.AccessToken, renewed.AccessToken, setup.Endpoint.Requests));
        }

        [Fact]
        public async Task A_token_from_the_provider_stays_in_memory()
        {
            using var setup = new TokenSetup(time: TimeProvider.System);
            var start = Environment.TickCount64;

            await setup.Tokens.GetTokenAsync();
            await WaitForTheClock(start, 30);
            var again = await setup.Tokens.GetTokenAsync();

            Assert.Equal(("token-1", 1), (again.AccessToken, setup.Endpoint.Requests));
        }
    }
}
