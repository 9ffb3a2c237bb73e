using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Which token requests may be sent again after a transient failure, and when. At most one retry, only where a
    /// repeat cannot do harm:
    /// <list type="bullet">
    /// <item>client_credentials asks for a new token and consumes nothing: retried after a connection failure or a
    /// 502, 503 or 504.</item>
    /// <item>refresh_token may be rotated by the provider once used: retried only when the provider cannot have used
    /// it, that is a 503 or a connection failure before any byte of the body was written.</item>
    /// <item>password, authorization_code and every other grant are never retried: a code is single-use (RFC 6749
    /// §4.1.2) and a password guess counts against lockouts.</item>
    /// </list>
    /// JWT client authentication is never retried either, since an assertion is single-use (RFC 7523 §3, <c>jti</c>).
    /// </summary>
    internal enum TokenRetryPolicy
    {
        /// <summary>Never sent twice.</summary>
        Never,

        /// <summary>Sent again after a connection failure, a 502, a 503 or a 504.</summary>
        Repeatable,

        /// <summary>Sent again only when it cannot have been processed: a 503, or a connection failure before the body was written.</summary>
        WhenUndelivered,
    }

    internal static class TokenRetry
    {
        /// <summary>The wait before a retry when the server says nothing.</summary>
        public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

        /// <summary>The longest <c>Retry-After</c> honoured; a server asking for more gets no retry, and the caller its answer.</summary>
        public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

        /// <summary>The policy of the operation named <paramref name="operation"/> (<see cref="GrantDescriptor.Operation"/>).</summary>
        public static TokenRetryPolicy For(string operation, ClientAuthMethod clientAuth, bool enabled) =>
            GrantDescriptor.Find(operation) is { } descriptor ? For(descriptor, clientAuth, enabled) : TokenRetryPolicy.Never;

        /// <summary>The grant's own policy, unless retries are off or the client authentication is single-use (a JWT assertion).</summary>
        public static TokenRetryPolicy For(GrantDescriptor descriptor, ClientAuthMethod clientAuth, bool enabled) =>
            !enabled || !ClientAuthenticationStrategy.For(clientAuth).MayBeSentTwice ? TokenRetryPolicy.Never : descriptor.RetryPolicy;

        /// <summary>Whether a failed connection (no answer at all) may be retried.</summary>
        public static bool MayRetryConnectionFailure(TokenRetryPolicy policy, bool bodyWritten) =>
            policy == TokenRetryPolicy.Repeatable || (policy == TokenRetryPolicy.WhenUndelivered && !bodyWritten);

        /// <summary>Whether an answer with <paramref name="status"/> may be retried.</summary>
        public static bool MayRetryStatus(TokenRetryPolicy policy, HttpStatusCode status) => policy switch
        {
            TokenRetryPolicy.Repeatable => status == HttpStatusCode.BadGateway || status == HttpStatusCode.ServiceUnavailable || status == HttpStatusCode.GatewayTimeout,
            TokenRetryPolicy.WhenUndelivered => status == HttpStatusCode.ServiceUnavailable,
            _ => false,
        };

        /// <summary>The wait the answer asks for in <c>Retry-After</c> (seconds or an HTTP date), or null when it asks for none.</summary>
        public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter is null)
            {
                return null;
            }

            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        /// <summary>" (Retry-After: 120 s)" for an answer that asks for a wait, for messages; empty otherwise.</summary>
        public static string RetryAfterSuffix(HttpResponseMessage response, DateTimeOffset now) =>
            RetryAfter(response, now) is { } wait
                ? " (Retry-After: " + Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s)"
                : string.Empty;

        public static Task DelayAsync(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
        {
            if (delay <= TimeSpan.Zero)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            }

#if NET8_0_OR_GREATER
            return Task.Delay(delay, timeProvider, cancellationToken);
#else
            return timeProvider.Delay(delay, cancellationToken);
#endif
        }
    }
}
