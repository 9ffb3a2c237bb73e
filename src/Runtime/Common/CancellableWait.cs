using System;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>Waits for shared work (a metadata fetch others also wait for) while honouring one caller's cancellation.</summary>
    internal static class CancellableWait
    {
        public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
        {
#if NET
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
#endif
        }
    }
}
