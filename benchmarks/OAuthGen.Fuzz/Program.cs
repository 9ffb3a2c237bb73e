using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using OAuthGen.Tests.Fuzzing;
using OAuthGen.Tests.Infrastructure;

// The long fuzzing run. Deterministic: the same seed gives the same inputs. Exit code 0 when nothing but a token or an
// OAuthException came out of the client and nothing was thrown by the generator or an analyzer; 1 otherwise.
var responses = Argument("responses", 100_000);
var compilations = Argument("compilations", 2_000);
var seed = Argument("seed", 20261122);
var failed = false;
var process = Process.GetCurrentProcess();
long peakHeap = 0;

Console.WriteLine($"OAuthGen fuzzing: seed {seed}, {responses:N0} token responses, {compilations:N0} compilations");
Console.WriteLine();

var watch = Stopwatch.StartNew();
var fuzzer = new ResponseFuzzer(seed);
var target = new ResponseFuzzTarget();
long inputBytes = 0;
for (var i = 0; i < responses; i++)
{
    var input = fuzzer.Next();
    inputBytes += input.Body.Length;
    target.Run(input);
    if (i % 1000 == 999)
    {
        peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
    }
}

var edgeCases = 0;
foreach (var input in ResponseFuzzer.EdgeCases())
{
    inputBytes += input.Body.Length;
    target.Run(input);
    edgeCases++;
}

Console.WriteLine($"Token responses: {target.Counts.Values.Sum():N0} inputs ({responses:N0} random, {edgeCases:N0} edge values), {inputBytes / 1024.0 / 1024.0:F1} MiB, in {watch.Elapsed.TotalSeconds:F1} s");
foreach (var count in target.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {count.Value,8:N0}  {count.Key}");
}

var tokens = target.Counts.Where(c => c.Key.StartsWith("Token ", StringComparison.Ordinal)).Sum(c => c.Value);
var errors = target.Counts.Where(c => c.Key.StartsWith("OAuthException ", StringComparison.Ordinal)).Sum(c => c.Value);
var others = target.Counts.Where(c => c.Key.StartsWith("Failure ", StringComparison.Ordinal)).Sum(c => c.Value);
Console.WriteLine($"  outcomes: {tokens:N0} tokens, {errors:N0} OAuthExceptions, {others:N0} anything else");
Console.WriteLine($"  peak reader allocation: {target.PeakAllocation.Allocated:N0} bytes for a {target.PeakAllocation.InputBytes:N0}-byte input " +
    $"(bound: {ResponseFuzzTarget.AllocationFactor} x input + {ResponseFuzzTarget.AllocationAllowance:N0})");
Console.WriteLine($"  peak GC heap: {peakHeap / 1024.0 / 1024.0:F1} MiB; peak working set: {PeakWorkingSet() / 1024.0 / 1024.0:F1} MiB");
foreach (var failure in target.Failures)
{
    failed = true;
    Console.WriteLine("FAILURE: " + failure);
}

Console.WriteLine();
watch.Restart();
var mutator = new DeclarationMutator(SeedSource.Declarations, seed);
var generator = new GeneratorFuzzTarget();
generator.Run(SeedSource.Declarations, "unmutated");
for (var i = 1; i < compilations; i++)
{
    var (source, mutations) = mutator.Next();
    generator.Run(source, $"mutation {i}: {mutations}");
    if (i % 100 == 0)
    {
        peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
        Console.Write($"\r  {i:N0} compilations...");
    }
}

Console.WriteLine($"\rGenerator and analyzers: {generator.Compilations:N0} compilations (1 unmutated), {GeneratorFuzzTarget.Analyzers.Length} analyzers " +
    $"({string.Join(", ", GeneratorFuzzTarget.Analyzers.Select(a => a.GetType().Name))}), in {watch.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"  {generator.GeneratedSources:N0} generated sources, {generator.AnalyzerDiagnostics:N0} OAUTH diagnostics, " +
    $"{generator.Failures.Count} compilations with CS8785 or AD0001");
foreach (var failure in generator.Failures)
{
    failed = true;
    Console.WriteLine("FAILURE: " + failure);
}

Console.WriteLine();
Console.WriteLine($"Peak GC heap {peakHeap / 1024.0 / 1024.0:F1} MiB, peak working set {PeakWorkingSet() / 1024.0 / 1024.0:F1} MiB.");
Console.WriteLine(failed ? "FAILED" : "PASSED: only tokens and OAuthExceptions; no generator or analyzer exception.");
return failed ? 1 : 0;

long PeakWorkingSet()
{
    process.Refresh();
    return process.PeakWorkingSet64;
}

int Argument(string name, int fallback)
{
    foreach (var arg in args)
    {
        var parts = arg.TrimStart('-').Split('=', 2);
        if (parts.Length == 2 && string.Equals(parts[0], name, StringComparison.OrdinalIgnoreCase))
        {
            return int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
    }

    return fallback;
}
