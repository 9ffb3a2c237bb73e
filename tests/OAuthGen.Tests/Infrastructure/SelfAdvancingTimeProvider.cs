using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace OAuthGen.Tests.Infrastructure
{
    /// <summary>
    /// A <see cref="FakeTimeProvider"/> that moves itself forward by every delay asked of it and keeps what was asked:
    /// a retry's wait (one second, or the server's Retry-After) and a device poll's interval pass without real waiting,
    /// and are read from the clock they were asked of.
    /// </summary>
    public sealed class SelfAdvancingTimeProvider : FakeTimeProvider
    {
        public SelfAdvancingTimeProvider()
        {
        }

        public SelfAdvancingTimeProvider(DateTimeOffset start)
            : base(start)
        {
        }

        public ConcurrentQueue<TimeSpan> Delays { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Delays.Enqueue(dueTime);
                // Not inline: the caller (Task.Delay) has not kept the timer yet.
                ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
            }

            return timer;
        }
    }
}
