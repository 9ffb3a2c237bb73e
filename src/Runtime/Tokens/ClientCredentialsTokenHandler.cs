using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OAuthGen.Tokens
{
    /// <summary>
    /// Puts <c>Authorization: Bearer ...</c> from <see cref="ClientCredentialsTokenManager{TClient}"/> on every request,
    /// and retries a request once with a new token when the API answers 401.
    /// </summary>
    public sealed class ClientCredentialsTokenHandler<TClient> : DelegatingHandler
        where TClient : class, IClientCredentialsTokenClient
    {
        private readonly ClientCredentialsTokenManager<TClient> _tokens;
        private readonly string? _scope;
        private readonly ILogger _logger;

        /// <summary>Creates a handler that gets tokens for <paramref name="scope"/> (the default scope when null).</summary>
        public ClientCredentialsTokenHandler(ClientCredentialsTokenManager<TClient> tokens, string? scope = null, ILogger? logger = null)
        {
            _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
            _scope = scope;
            _logger = logger ?? NullLogger.Instance;
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await _tokens.GetTokenAsync(_scope, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            TokenLog.UnauthorizedRetry(_logger, typeof(TClient).Name, null);
            var replacement = await _tokens.GetTokenAsync(_scope, token, cancellationToken).ConfigureAwait(false);
            if (replacement.AccessToken == token.AccessToken)
            {
                return response;
            }

            response.Dispose();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", replacement.AccessToken);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
