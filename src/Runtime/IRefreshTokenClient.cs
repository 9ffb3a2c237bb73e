using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen
{
    /// <summary>
    /// A generated client that can refresh tokens (RFC 6749 §6): the hook that the user token manager
    /// uses, without reflection.
    /// </summary>
    public interface IRefreshTokenClient
    {
        /// <summary>The provider the client was generated for.</summary>
        OAuthProviderInfo Provider { get; }

        /// <summary>The client's options.</summary>
        OAuthClientOptions Options { get; }

        /// <summary>Gets a new token with <paramref name="refreshToken"/>.</summary>
        Task<OAuthToken> RefreshTokenAsync(string refreshToken, string? scope, CancellationToken cancellationToken);
    }
}
