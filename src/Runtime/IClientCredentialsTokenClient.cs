using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen
{
    /// <summary>
    /// A generated client that can get a token with the client credentials grant: the hook that token caches and
    /// the bearer handler use, without reflection.
    /// </summary>
    public interface IClientCredentialsTokenClient
    {
        /// <summary>The provider the client was generated for.</summary>
        OAuthProviderInfo Provider { get; }

        /// <summary>The client's options: its id names the cache entry; the secret is never read from here by callers.</summary>
        OAuthClientOptions Options { get; }

        /// <summary>Requests a token for <paramref name="scope"/>, or for the default scope when null.</summary>
        /// <remarks>The same defaults as the generated method, so that <c>client.RequestClientCredentialsTokenAsync()</c> reads the same through the interface.</remarks>
        Task<OAuthToken> RequestClientCredentialsTokenAsync(string? scope = null, CancellationToken cancellationToken = default);
    }
}
