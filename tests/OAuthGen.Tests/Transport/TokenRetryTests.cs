using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Transport
{
    /// <summary>The retry rules on their own: which failures a policy retries, the wait an answer asks for, and the wait itself.</summary>
    public class TokenRetryTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData("Repeatable", false, true)]
        [InlineData("Repeatable", true, true)]
        [InlineData("WhenUndelivered", false, true)]
        [InlineData("WhenUndelivered", true, false)]
        [InlineData("Never", false, false)]
        public void A_connection_failure_is_retried_where_a_repeat_cannot_do_harm(string policy, bool bodyWritten, bool retried)
        {
            Assert.Equal(retried, TokenRetry.MayRetryConnectionFailure(Policy(policy), bodyWritten));
        }

        [Theory]
        [InlineData("Repeatable", HttpStatusCode.BadGateway, true)]
        [InlineData("Repeatable", HttpStatusCode.ServiceUnavailable, true)]
        [InlineData("Repeatable", HttpStatusCode.GatewayTimeout, true)]
        [InlineData("Repeatable", HttpStatusCode.InternalServerError, false)]
        [InlineData("Repeatable", HttpStatusCode.TooManyRequests, false)]
        [InlineData("WhenUndelivered", HttpStatusCode.ServiceUnavailable, true)]
        [InlineData("WhenUndelivered", HttpStatusCode.BadGateway, false)]
        [InlineData("WhenUndelivered", HttpStatusCode.GatewayTimeout, false)]
        [InlineData("Never", HttpStatusCode.ServiceUnavailable, false)]
        public void An_answer_is_retried_only_for_the_statuses_of_its_policy(string policy, HttpStatusCode status, bool retried)
        {
            Assert.Equal(retried, TokenRetry.MayRetryStatus(Policy(policy), status));
        }

        [Fact]
        public void Retry_After_in_seconds_is_the_wait_and_never_below_zero()
        {
            Assert.Equal(TimeSpan.FromSeconds(120), TokenRetry.RetryAfter(Answer(new RetryConditionHeaderValue(TimeSpan.FromSeconds(120))), Now));
            Assert.Equal(TimeSpan.Zero, TokenRetry.RetryAfter(Answer(new RetryConditionHeaderValue(TimeSpan.FromSeconds(-5))), Now));
        }

        [Fact]
        public void Retry_After_as_a_date_is_the_time_until_it_and_a_date_past_is_no_wait()
        {
            Assert.Equal(TimeSpan.FromSeconds(90), TokenRetry.RetryAfter(Answer(new RetryConditionHeaderValue(Now.AddSeconds(90))), Now));
            Assert.Equal(TimeSpan.Zero, TokenRetry.RetryAfter(Answer(new RetryConditionHeaderValue(Now.AddSeconds(-90))), Now));
        }

        [Fact]
        public void An_answer_without_Retry_After_asks_for_no_wait()
        {
            Assert.Null(TokenRetry.RetryAfter(Answer(null), Now));
            Assert.Equal(string.Empty, TokenRetry.RetryAfterSuffix(Answer(null), Now));
        }

        [Fact]
        public void The_suffix_of_a_message_gives_the_wait_in_whole_seconds_rounded_up()
        {
            Assert.Equal(" (Retry-After: 120 s)", TokenRetry.RetryAfterSuffix(Answer(new RetryConditionHeaderValue(TimeSpan.FromSeconds(120))), Now));
            Assert.Equal(" (Retry-After: 2 s)", TokenRetry.RetryAfterSuffix(Answer(new RetryConditionHeaderValue(Now.AddMilliseconds(1200))), Now));
            Assert.Equal(" (Retry-After: 0 s)", TokenRetry.RetryAfterSuffix(Answer(new RetryConditionHeaderValue(Now.AddSeconds(-30))), Now));
        }

        [Fact]
        public async Task A_wait_lasts_its_delay_on_the_time_provider()
        {
            var time = new FakeTimeProvider(Now);

            var wait = TokenRetry.DelayAsync(time, TimeSpan.FromSeconds(2), CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1.9));
            Assert.False(wait.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(0.1));
            await wait;
        }

        [Fact]
        public void No_wait_is_over_at_once_and_still_honours_a_cancellation_already_requested()
        {
            var time = new FakeTimeProvider(Now);

            Assert.True(TokenRetry.DelayAsync(time, TimeSpan.Zero, CancellationToken.None).IsCompleted);
            Assert.True(TokenRetry.DelayAsync(time, TimeSpan.FromSeconds(-1), CancellationToken.None).IsCompleted);
            // Thrown at the call, not in a task: the caller's retry loop stops before it starts another attempt.
            Assert.Throws<OperationCanceledException>(() => { _ = TokenRetry.DelayAsync(time, TimeSpan.Zero, new CancellationToken(canceled: true)); });
        }

        private static TokenRetryPolicy Policy(string name) => (TokenRetryPolicy)Enum.Parse(typeof(TokenRetryPolicy), name);

        private static HttpResponseMessage Answer(RetryConditionHeaderValue? retryAfter)
        {
            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter = retryAfter;
            return response;
        }
    }
}
