using System;
using System.Net;
using System.Net.Http;
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
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // With the token cached and an inner handler that answers synchronously, the inner handler's own task is
            // the answer, and nothing is allocated: the header value is made once per token. Otherwise the asynchronous paths below take over.
            Task<HttpResponseMessage> sending;
            OAuthToken token;
            try
            {
                var pending = _tokens.GetTokenAsync(_scope, cancellationToken);
                if (!pending.IsCompletedSuccessfully)
                {
                    return SendWithTokenAsync(pending, request, cancellationToken);
                }

                token = pending.Result;
                request.Headers.Authorization = token.BearerHeader();
                sending = base.SendAsync(request, cancellationToken);
            }
            catch (Exception e)
            {
                return Task.FromException<HttpResponseMessage>(e);
            }

            return sending.Status == TaskStatus.RanToCompletion && sending.Result.StatusCode != HttpStatusCode.Unauthorized
                ? sending
                : RetryIfUnauthorizedAsync(sending, request, token, cancellationToken);
        }

        private async Task<HttpResponseMessage> SendWithTokenAsync(ValueTask<OAuthToken> pending, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await pending.ConfigureAwait(false);
            request.Headers.Authorization = token.BearerHeader();
            return await RetryIfUnauthorizedAsync(base.SendAsync(request, cancellationToken), request, token, cancellationToken).ConfigureAwait(false);
        }

        // One retry with a new token after a 401, unless another caller has already replaced the token the API refused.
        private async Task<HttpResponseMessage> RetryIfUnauthorizedAsync(
            Task<HttpResponseMessage> sending,
            HttpRequestMessage request,
            OAuthToken token,
            CancellationToken cancellationToken)
        {
            var response = await sending.ConfigureAwait(false);
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
            request.Headers.Authorization = replacement.BearerHeader();
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
