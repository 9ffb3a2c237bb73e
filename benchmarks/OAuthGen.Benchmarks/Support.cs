using System;

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
