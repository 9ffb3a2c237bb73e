using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OAuthGen.Tokens
{
    /// <summary>
    /// Keeps each user's access and refresh token in an <see cref="IUserTokenStore"/> and refreshes the access token
    /// when it expires: one refresh per user at a time (one-time refresh tokens break when two refreshes race). A
    /// refresh answer without a refresh token keeps the old one; one with a new refresh token replaces it (RFC 6749 §6).
    /// </summary>
    /// <typeparam name="TClient">A generated client with the refresh token grant.</typeparam>
    public sealed class UserTokenManager<TClient>
        where TClient : class, IRefreshTokenClient
    {
        private readonly IServiceProvider _services;
        private readonly IUserTokenStore _store;
        private readonly TokenManagementOptions _options;
        private readonly TimeProvider _timeProvider;
        private readonly ILogger _logger;
        private readonly SingleFlight<OAuthToken> _refreshes = new SingleFlight<OAuthToken>();
        private readonly string _providerName = typeof(TClient).Name;

        /// <summary>Creates the manager; dependency injection does this once per client type.</summary>
        public UserTokenManager(
            IServiceProvider services,
            IUserTokenStore store,
            IOptions<TokenManagementOptions>? options = null,
            TimeProvider? timeProvider = null,
            ILogger<UserTokenManager<TClient>>? logger = null)
        {
            _services = services ?? throw new ArgumentNullException(nameof(services));
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _options = options?.Value ?? new TokenManagementOptions();
            _timeProvider = timeProvider ?? TimeProvider.System;
            _logger = (ILogger?)logger ?? NullLogger.Instance;
        }

        /// <summary>Keeps <paramref name="token"/> (from a sign-in: a code exchange, say) as <paramref name="userId"/>'s.</summary>
        public Task StoreTokenAsync(string userId, OAuthToken token, CancellationToken cancellationToken = default) =>
            _store.SetAsync(StoreKey(userId), token ?? throw new ArgumentNullException(nameof(token)), cancellationToken);

        /// <summary>Forgets <paramref name="userId"/>'s tokens (at sign-out).</summary>
        public Task RemoveTokenAsync(string userId, CancellationToken cancellationToken = default) =>
            _store.RemoveAsync(StoreKey(userId), cancellationToken);

        /// <summary><paramref name="userId"/>'s token, refreshed first if it has expired or is about to.</summary>
        /// <exception cref="OAuthException">There is no usable token: none was stored, it cannot be refreshed, or the provider refused the refresh.</exception>
        public async Task<OAuthToken> GetTokenAsync(string userId, CancellationToken cancellationToken = default)
        {
            var key = StoreKey(userId);
            var token = await _store.GetAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new OAuthException("No token is stored for this user: store the token of their sign-in first.");
            if (_options.IsFresh(token, _timeProvider.GetUtcNow()))
            {
                TokenLog.TokenServedFromCache(_logger, _providerName, token.ExpiresAt, null);
                return token;
            }

            return await _refreshes.RunAsync(key, () => RefreshAsync(key), cancellationToken).ConfigureAwait(false);
        }

        private async Task<OAuthToken> RefreshAsync(string key)
        {
            // Read again inside the single flight: a refresh that just finished has stored a fresh token.
            var current = await _store.GetAsync(key, CancellationToken.None).ConfigureAwait(false)
                ?? throw new OAuthException("No token is stored for this user: store the token of their sign-in first.");
            if (_options.IsFresh(current, _timeProvider.GetUtcNow()))
            {
                return current;
            }

            if (current.RefreshToken is not { Length: > 0 } refreshToken)
            {
                throw new OAuthException("The user's token has expired and there is no refresh token: the user must sign in again.");
            }

            var client = _services.GetRequiredService<TClient>();
            TokenLog.TokenRequested(_logger, "refresh_token", _providerName, "a user", null);
            OAuthToken refreshed;
            try
            {
                refreshed = await client.RefreshTokenAsync(refreshToken, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OAuthException e) when (e.Error == "invalid_grant")
            {
                // The refresh token is revoked or used up: keeping it would fail the same way on every call.
                TokenLog.TokenRequestFailed(_logger, _providerName, TokenLog.Describe(e), null);
                await _store.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            catch (Exception e)
            {
                TokenLog.TokenRequestFailed(_logger, _providerName, TokenLog.Describe(e), null);
                throw;
            }

            if (string.IsNullOrEmpty(refreshed.RefreshToken))
            {
                refreshed.RefreshToken = refreshToken;
            }

            await _store.SetAsync(key, refreshed, CancellationToken.None).ConfigureAwait(false);
            TokenLog.TokenRefreshed(_logger, _providerName, refreshed.ExpiresAt, null);
            return refreshed;
        }

        private string StoreKey(string userId) =>
            "oauthgen:user:" + (typeof(TClient).FullName ?? _providerName) + ":" + (userId ?? throw new ArgumentNullException(nameof(userId)));
    }
}
