using System;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Benchmarks;

/// <summary>
/// A second baseline in a benchmark class: the results table gives every method's ratio to it as well as to the
/// BenchmarkDotNet baseline.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReferenceAttribute : Attribute
{
}

/// <summary>Sanity checks in global setups: a benchmark of a path that does not work measures nothing.</summary>
internal static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark setup check failed: " + what);
        }
    }
}

/// <summary>Concurrent callers that take token requests from a shared count until all have been sent.</summary>
internal sealed class ConcurrentCallers(int count)
{
    private readonly Task[] _callers = new Task[count];
    private int _remaining;

    public async Task RunAsync(int requests, Func<Task<string?>> once)
    {
        _remaining = requests;
        for (var i = 0; i < _callers.Length; i++)
        {
            _callers[i] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref _remaining) >= 0)
                {
                    if (await once().ConfigureAwait(false) is null)
                    {
                        throw new InvalidOperationException("No token.");
                    }
                }
            });
        }

        await Task.WhenAll(_callers).ConfigureAwait(false);
    }
}
