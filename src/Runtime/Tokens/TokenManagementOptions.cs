using System;

namespace OAuthGen.Tokens
{
    /// <summary>How cached tokens are kept fresh.</summary>
    public sealed class TokenManagementOptions
    {
        /// <summary>
        /// How long before its expiry a token is replaced. Default: one minute. A token that lives less than twice
        /// this is replaced at half its lifetime instead, so short-lived tokens are still reused.
        /// </summary>
        public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>
        /// How long a shared cache (Redis, say) or request lock may take to answer before it is treated as down, and the
        /// token comes from the provider instead (with a warning). Default: two seconds.
        /// </summary>
        public TimeSpan SharedCacheTimeout { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>
        /// With an <see cref="IOAuthTokenRequestLock"/>: how long an instance waits for the token another instance is
        /// requesting before it asks the provider itself. Default: five seconds. The lock itself lasts twice this at most.
        /// </summary>
        public TimeSpan RequestLockWait { get; set; } = TimeSpan.FromSeconds(5);

        internal bool IsFresh(OAuthToken token, DateTimeOffset now)
        {
            if (token.ExpiresAt is not { } expiresAt)
            {
                return true;
            }

            var skew = RefreshBeforeExpiry;
            if (token.ExpiresIn is { } lifetime && lifetime.Ticks / 2 < skew.Ticks)
            {
                skew = TimeSpan.FromTicks(lifetime.Ticks / 2);
            }

            return !token.IsExpired(now, skew);
        }
    }
}
