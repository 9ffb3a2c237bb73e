using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace OAuthGen.Benchmarks;

/// <summary>
/// The same contenders as the reader and cached-token benchmarks, measured interleaved in one process: round after
/// round, each contender runs for a few milliseconds in turn (the order rotating), and the ratio to the baseline is
/// taken within each round. On a shared machine whose load changes by the minute this pairs every measurement with
/// its baseline under the same load; the median over the rounds is reported. BenchmarkDotNet's tables stay the
/// reference for absolute times and allocations.
/// </summary>
internal static class PairedComparison
{
    private const int Rounds = 41;
    private const int GeneratorRounds = 11;
    // OAuthGen.dll starts in tier-0 code while System.Text.Json is precompiled (ReadyToRun): under a load of 20-30 on
    // two cores, half a second per contender left the first group measured (the reader on seed 000) unsettled, 1.2-1.6
    // times slower than the same code measured later in the process (docs/benchmarks.md, "Reader, seed 000").
    private const int WarmUpMilliseconds = 1500;
    private static object? s_sink;

    /// <param name="only">Comma-separated sections to measure (reader, end-to-end, identitymodel, generator, cached); all when null.</param>
    public static string Create(string? only = null)
    {
        bool Wanted(string section) => only is null || Array.IndexOf(only.Split(','), section) >= 0;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"#### Interleaved ratios (median of {Rounds} rounds, {GeneratorRounds} for the generator; same process, same load)");
        text.AppendLine();
        text.AppendLine("| benchmark | case | method | median time | time / baseline | rounds where faster than the baseline |");
        text.AppendLine("|---|---|---|---:|---:|---:|");

        foreach (var seed in Wanted("reader") ? ReaderBenchmarks.Seeds : [])
        {
            var reader = new ReaderBenchmarks { Seed = seed };
            reader.Setup();
            Append(text, "Reader", seed,
                ("JsonSerializerSourceGenerated", () => reader.JsonSerializerSourceGenerated()),
                ("JsonSerializerReflection", () => reader.JsonSerializerReflection()),
                ("OAuthGenReader", () => reader.OAuthGenReader()),
                ("JsonSerializerSourceGeneratedTypedFields", () => reader.JsonSerializerSourceGeneratedTypedFields()),
                ("OAuthGenReaderTypedFields", () => reader.OAuthGenReaderTypedFields()));
        }

        foreach (var fields in Wanted("reader") ? new[] { 1, 100, 1000 } : [])
        {
            var reader = new ReaderFieldScalingBenchmarks { Fields = fields };
            reader.Setup();
            Append(text, "Reader, extra fields", fields.ToString(CultureInfo.InvariantCulture),
                ("JsonSerializerSourceGenerated", () => reader.JsonSerializerSourceGenerated()),
                ("JsonSerializerReflection", () => reader.JsonSerializerReflection()),
                ("OAuthGenReader", () => reader.OAuthGenReader()));
        }

        foreach (var callers in Wanted("end-to-end") ? new[] { 1, 100, 1000 } : [])
        {
            var endToEnd = new EndToEndBenchmarks { Callers = callers };
            endToEnd.Setup();
            Append(text, "End to end, per request", callers.ToString(CultureInfo.InvariantCulture) + " callers", EndToEndBenchmarks.Requests,
                ("HandWrittenReflection", () => Wait(endToEnd.HandWrittenReflection())),
                ("HandWrittenSourceGenerated", () => Wait(endToEnd.HandWrittenSourceGenerated())),
                ("GeneratedClient", () => Wait(endToEnd.GeneratedClient())),
                ("HttpClientFloor", () => Wait(endToEnd.HttpClientFloor())));
            endToEnd.Cleanup();
        }

        foreach (var callers in Wanted("identitymodel") ? new[] { 1, 100 } : [])
        {
            var endToEnd = new EndToEndIdentityModelBenchmarks { Callers = callers };
            endToEnd.Setup();
            Append(text, "End to end (seed 003), per request", callers.ToString(CultureInfo.InvariantCulture) + " callers", EndToEndIdentityModelBenchmarks.Requests,
                ("HandWritten", () => Wait(endToEnd.HandWritten())),
                ("IdentityModel", () => Wait(endToEnd.IdentityModel())),
                ("GeneratedClient", () => Wait(endToEnd.GeneratedClient())),
                ("HttpClientFloor", () => Wait(endToEnd.HttpClientFloor())));
            endToEnd.Cleanup();
        }

        foreach (var providers in Wanted("generator") ? new[] { 100, 1000 } : [])
        {
            var generator = new GeneratorKeystrokeBenchmarks { Providers = providers };
            generator.Setup();
            var full = new GeneratorBenchmarks { Providers = providers };
            full.Setup();
            Append(text, "Generator", providers.ToString(CultureInfo.InvariantCulture) + " providers", 1, GeneratorRounds,
                ("FloorUnrelatedFile", () => generator.FloorUnrelatedFile()),
                ("OAuthGenUnrelatedFile", () => generator.OAuthGenUnrelatedFile()),
                ("FloorProviderEdit", () => generator.FloorProviderEdit()),
                ("OAuthGenProviderEdit", () => generator.OAuthGenProviderEdit()),
                ("FullGeneration", () => full.FullGeneration()));
        }

        if (Wanted("breakdown"))
        {
            // Seed 001, client side only (a handler that answers from memory): the whole request, then each stage.
            var breakdown = new EndToEndBreakdownBenchmarks();
            breakdown.Setup();
            Append(text, "Breakdown (seed 001, in memory)", "whole request", withBytes: true,
                ("HandWritten", () => Wait(breakdown.HandWritten())),
                ("GeneratedClient", () => Wait(breakdown.GeneratedClient())),
                ("Floor", () => Wait(breakdown.Floor())));
            Append(text, "Breakdown (seed 001, in memory)", "request message", withBytes: true,
                ("HandWrittenRequest", () => breakdown.HandWrittenRequest()),
                ("GeneratedRequest", () => breakdown.GeneratedRequest()));
            Append(text, "Breakdown (seed 001, in memory)", "answer read, parse, map", withBytes: true,
                ("HandWrittenReadAndParse", () => Wait(breakdown.HandWrittenReadAndParse())),
                ("GeneratedReadAndMap", () => Wait(breakdown.GeneratedReadAndMap())),
                ("BoundedReadClearBuffer", () => Wait(breakdown.BoundedReadClearBuffer())),
                ("BoundedReadClearLength", () => Wait(breakdown.BoundedReadClearLength())),
                ("Serializer", () => breakdown.Serializer()),
                ("Reader", () => breakdown.Reader()),
                ("ReaderAndMapping", () => breakdown.ReaderAndMapping()));
            Append(text, "Breakdown (seed 001, in memory)", "per-request checks", withBytes: true,
                ("ClockRead", () => breakdown.ClockRead()),
                ("OriginCheck", () => breakdown.OriginCheck()),
                ("RetryAfterHeader", () => breakdown.RetryAfterHeader()),
                ("Deadline", () => breakdown.Deadline()),
                ("TelemetryOff", () => breakdown.TelemetryOff()));
        }

        if (Wanted("reader-breakdown"))
        {
            var reader = new ReaderBenchmarks { Seed = "000 afero" };
            reader.Setup();
            var parts = new ReaderBreakdownBenchmarks();
            parts.Setup();
            Append(text, "Reader breakdown (seed 000)", "one answer", withBytes: true,
                ("JsonSerializerSourceGenerated", () => reader.JsonSerializerSourceGenerated()),
                ("OAuthGenReader", () => reader.OAuthGenReader()),
                ("OAuthGenReaderTypedFields", () => reader.OAuthGenReaderTypedFields()),
                ("JsonSerializerSourceGeneratedTypedFields", () => reader.JsonSerializerSourceGeneratedTypedFields()),
                ("TokenizeOnly", () => parts.TokenizeOnly()),
                ("TokenizeAndDecodeStrings", () => parts.TokenizeAndDecodeStrings()),
                ("Utf8Validation", () => parts.Utf8Validation()),
                ("NameMatching", () => parts.NameMatching()),
                ("TwoObjects", () => parts.TwoObjects()),
                ("OneDto", () => parts.OneDto()));
        }

        if (Wanted("cached"))
        {
            var cached = new CachedTokenBenchmarks();
            cached.Setup();
            Append(text, "Cached token", "one request",
                ("FixedBearerHeader", () => cached.FixedBearerHeader().GetAwaiter().GetResult()),
                ("OAuthGenBearerHandler", () => cached.OAuthGenBearerHandler().GetAwaiter().GetResult()),
                ("NoHandler", () => cached.NoHandler().GetAwaiter().GetResult()),
                ("ManagerCachedLookup", () => cached.ManagerCachedLookup()),
                ("ClockRead", () => cached.ClockRead()),
                ("LoggerLevelCheck", () => cached.LoggerLevelCheck()));
            cached.Cleanup();
        }
        return text.ToString();
    }

    private static void Append(StringBuilder text, string benchmark, string @case, params (string Name, Func<object?> Run)[] contenders) =>
        Append(text, benchmark, @case, 1, Rounds, contenders);

    private static void Append(StringBuilder text, string benchmark, string @case, bool withBytes, params (string Name, Func<object?> Run)[] contenders) =>
        Append(text, benchmark, @case, 1, Rounds, contenders, withBytes);

    private static void Append(StringBuilder text, string benchmark, string @case, int requests, params (string Name, Func<object?> Run)[] contenders) =>
        Append(text, benchmark, @case, requests, Rounds, contenders);

    private static object? Wait(System.Threading.Tasks.Task task)
    {
        task.GetAwaiter().GetResult();
        return null;
    }

    // One call of a contender does `requests` operations (an end-to-end call sends 1,000 token requests).
    private static void Append(StringBuilder text, string benchmark, string @case, int requests, int rounds, params (string Name, Func<object?> Run)[] contenders) =>
        Append(text, benchmark, @case, requests, rounds, contenders, withBytes: false);

    // withBytes: the bytes this thread allocated per operation are added to the case's name (exact for code that
    // completes synchronously, as everything in the breakdown does with a handler that answers from memory).
    private static void Append(StringBuilder text, string benchmark, string @case, int requests, int rounds, (string Name, Func<object?> Run)[] contenders, bool withBytes)
    {
        // Warm up for 1.5 s each, so that tiered compilation has settled on optimized code; then calibrate:
        // enough operations for about 5 ms of the slowest contender.
        foreach (var (_, run) in contenders)
        {
            var warming = Stopwatch.StartNew();
            while (warming.ElapsedMilliseconds < WarmUpMilliseconds)
            {
                s_sink = run();
            }
        }

        var operations = 1;

        while (contenders.Max(c => Time(c.Run, operations)) < 5_000_000)
        {
            operations *= 2;
        }

        var times = contenders.Select(_ => new List<double>()).ToArray();
        var ratios = contenders.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var perOperation = new double[contenders.Length];
            for (var k = 0; k < contenders.Length; k++)
            {
                var index = (round + k) % contenders.Length;
                perOperation[index] = Time(contenders[index].Run, operations) / operations / requests;
            }

            for (var index = 0; index < contenders.Length; index++)
            {
                times[index].Add(perOperation[index]);
                ratios[index].Add(perOperation[index] / perOperation[0]);
            }
        }

        for (var index = 0; index < contenders.Length; index++)
        {
            var faster = ratios[index].Count(r => r < 1);
            var name = withBytes ? contenders[index].Name + " (" + BytesPerOperation(contenders[index].Run) + " B)" : contenders[index].Name;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {benchmark} | {@case} | {(index == 0 ? "**" + name + "**" : name)} | {Duration(Median(times[index]))} | {Median(ratios[index]):F2} | {(index == 0 ? "" : faster + " / " + rounds)} |");
        }
    }

    private static long BytesPerOperation(Func<object?> run)
    {
        const int operations = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < operations; i++)
        {
            s_sink = run();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / operations;
    }

    private static double Time(Func<object?> run, int operations)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < operations; i++)
        {
            s_sink = run();
        }

        var elapsed = Stopwatch.GetTimestamp() - started;
        Volatile.Write(ref s_sink, null);
        return elapsed * (1_000_000_000.0 / Stopwatch.Frequency);
    }

    private static string Duration(double nanoseconds) => nanoseconds switch
    {
        < 10_000 => nanoseconds.ToString("F1", CultureInfo.InvariantCulture) + " ns",
        < 10_000_000 => (nanoseconds / 1_000).ToString("F1", CultureInfo.InvariantCulture) + " µs",
        _ => (nanoseconds / 1_000_000).ToString("F1", CultureInfo.InvariantCulture) + " ms",
    };

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
