using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Stage 6 (transport). Sends a request that carries client credentials (check its endpoint with
    /// <see cref="EndpointSecurity.RequireSecureTransport"/> first) to its own origin only, with at most the one retry its <see cref="TokenRetryPolicy"/> allows. Whatever the handler does with a redirect,
    /// the credentials never reach another origin and an answer from another origin is never read as a token.
    /// </summary>
    internal static class TokenRequestSender
    {
        /// <summary>
        /// Sends <paramref name="prepared"/>, and once more when its retry policy allows (a new message from the same
        /// immutable bytes: nothing is copied in advance), and returns the answer's headers; the caller reads the body
        /// and disposes the exchange.
        /// </summary>
        /// <exception cref="OAuthException">The request was redirected, or its answer was a redirect.</exception>
        /// <exception cref="HttpRequestException">The request failed and may not, or may no longer, be retried.</exception>
        public static async Task<TokenExchange> SendAsync(
            HttpClient httpClient,
            PreparedRequest prepared,
            TimeProvider timeProvider,
            CancellationToken cancellationToken)
        {
            var endpoint = prepared.Endpoint;
            var policy = prepared.RetryPolicy;
            var secrets = prepared.Secrets;
            for (var attempt = 1; ; attempt++)
            {
                var request = prepared.CreateMessage(out var guard);
                HttpResponseMessage response;
                try
                {
                    response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e) when (guard.InsecureUri is { } insecure)
                {
                    request.Dispose();
                    throw new InvalidOperationException(EndpointSecurity.InsecureAfterResolution(endpoint, insecure), e);
                }
                catch (HttpRequestException e) when (guard.SecondSendRefused)
                {
                    request.Dispose();
                    throw SentTwice(prepared, e);
                }
                catch (HttpRequestException e) when (guard.RedirectedTo is { } target)
                {
                    request.Dispose();
                    throw Redirected(endpoint, target, null, secrets, e);
                }
                catch (HttpRequestException) when (attempt == 1 && !PipelineRetries(request, guard) && TokenRetry.MayRetryConnectionFailure(policy, guard.BodyWritten) && !cancellationToken.IsCancellationRequested)
                {
                    request.Dispose();
                    await TokenRetry.DelayAsync(timeProvider, TokenRetry.DefaultDelay, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch
                {
                    request.Dispose();
                    throw;
                }

                var exchange = new TokenExchange(request, response, attempt);
                try
                {
                    var answeredFrom = response.RequestMessage?.RequestUri ?? request.RequestUri;
                    if (answeredFrom is not null && answeredFrom.IsAbsoluteUri && !guard.IsOrigin(answeredFrom))
                    {
                        throw Redirected(endpoint, answeredFrom, null, secrets, null);
                    }

                    if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                    {
                        var target = location.IsAbsoluteUri ? location : new Uri(answeredFrom ?? endpoint, location);
                        throw Redirected(endpoint, target, response.StatusCode, secrets, null);
                    }

                    if (attempt == 1 && !PipelineRetries(request, guard) && TokenRetry.MayRetryStatus(policy, response.StatusCode))
                    {
                        var delay = TokenRetry.RetryAfter(response, timeProvider.GetUtcNow()) ?? TokenRetry.DefaultDelay;
                        if (delay <= TokenRetry.MaxDelay)
                        {
                            exchange.Dispose();
                            await TokenRetry.DelayAsync(timeProvider, delay, cancellationToken).ConfigureAwait(false);
                            continue;
                        }
                    }

                    return exchange;
                }
                catch
                {
                    exchange.Dispose();
                    throw;
                }
            }
        }

        /// <summary>
        /// Whether a retry or hedging handler of the HttpClient's pipeline owns the retries of this request: it sent the
        /// body more than once, or a Microsoft.Extensions.Http.Resilience handler put its context on the request. OAuthGen's
        /// own retry then steps aside, so that the attempts are the handler's alone.
        /// </summary>
        private static bool PipelineRetries(HttpRequestMessage request, OriginGuard guard)
        {
            if (guard.BodyWrites > 1)
            {
                return true;
            }

#if NET
            return ((System.Collections.Generic.IDictionary<string, object?>)request.Options).ContainsKey(ResilienceContextKey);
#else
            return request.Properties.ContainsKey(ResilienceContextKey);
#endif
        }

        /// <summary>The key under which Microsoft.Extensions.Http.Resilience's handler attaches its context to the request it sends.</summary>
        private const string ResilienceContextKey = "Resilience.Http.ResilienceContext";

        private static OAuthException SentTwice(PreparedRequest prepared, Exception inner) =>
            new OAuthException(
                "A handler of the HttpClient (a retry or hedging strategy) tried to send the " + prepared.Grant.Operation + " request to " +
                EndpointSecurity.Describe(prepared.Endpoint) + " a second time. It carries something single-use (an authorization code, a " +
                "password, a device code or a client assertion), so OAuthGen sent it once and refused the repeat. Exclude token requests of " +
                "this grant from that strategy, or let its first failure stand.",
                null, null, null, null, null, inner);

        private static bool IsRedirect(HttpStatusCode status) => (int)status >= 300 && (int)status < 400 && status != HttpStatusCode.NotModified;

        private static OAuthException Redirected(Uri endpoint, Uri target, HttpStatusCode? status, IReadOnlyList<string> secrets, Exception? inner)
        {
            var to = Redaction.Printable(Redaction.Redact(EndpointSecurity.Describe(target), secrets), 200);
            var from = EndpointSecurity.Describe(endpoint);
            var message = EndpointSecurity.SameOrigin(target, endpoint)
                ? "The token endpoint " + from + " answered HTTP " + (int)status.GetValueOrDefault() + " (" + status.GetValueOrDefault() + "), a redirect to " + to +
                    ", which was not followed. Configure the address it redirects to as the token endpoint, if that is right."
                : "The token endpoint " + from + " redirected the token request to " + to + ", another origin: OAuthGen does not follow a " +
                    "token request there, and sent it no credential. If the provider has moved its token endpoint, configure the new address.";
            return new OAuthException(message, null, null, null, status, null, inner);
        }
    }

    /// <summary>One token request and the answer to it, disposed together.</summary>
    internal sealed class TokenExchange : IDisposable
    {
        public TokenExchange(HttpRequestMessage request, HttpResponseMessage response, int attempts)
        {
            Request = request;
            Response = response;
            Attempts = attempts;
        }

        public HttpRequestMessage Request { get; }

        public HttpResponseMessage Response { get; }

        /// <summary>1, or 2 when the request was retried.</summary>
        public int Attempts { get; }

        public void Dispose()
        {
            Response.Dispose();
            Request.Dispose();
        }
    }
}
