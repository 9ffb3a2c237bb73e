using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Infrastructure;

namespace OAuthGen.Tokens
{
    /// <summary>
    /// Runs at most one operation per key at a time; callers that arrive meanwhile share its outcome. A caller's
    /// cancellation ends its own wait, never the shared operation. Nothing is remembered once it completes.
    /// </summary>
    internal sealed class SingleFlight<TResult>
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<TResult>> _flights =
            new ConcurrentDictionary<string, TaskCompletionSource<TResult>>(StringComparer.Ordinal);

        public Task<TResult> RunAsync(string key, Func<Task<TResult>> operation, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (_flights.TryGetValue(key, out var running))
                {
                    return CancellableWait.WaitAsync(running.Task, cancellationToken);
                }

                var flight = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_flights.TryAdd(key, flight))
                {
                    _ = CompleteAsync(key, flight, operation);
                    return CancellableWait.WaitAsync(flight.Task, cancellationToken);
                }
            }
        }

        private async Task CompleteAsync(string key, TaskCompletionSource<TResult> flight, Func<Task<TResult>> operation)
        {
            TResult result = default!;
            Exception? failure = null;
            try
            {
                result = await operation().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure = e;
            }

            // Leave before answering, so that a failure is shared only by those who waited for it.
            ((ICollection<KeyValuePair<string, TaskCompletionSource<TResult>>>)_flights).Remove(new KeyValuePair<string, TaskCompletionSource<TResult>>(key, flight));
            if (failure is null)
            {
                flight.SetResult(result);
            }
            else
            {
                flight.SetException(failure);
            }
        }
    }
}
