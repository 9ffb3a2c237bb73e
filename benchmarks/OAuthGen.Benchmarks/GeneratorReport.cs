using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using OAuthGen.Generator;

namespace OAuthGen.Benchmarks;

/// <summary>
/// What each keystroke re-runs in the generator (its tracked incremental steps), checked, and the analyzers' own
/// execution time as the compiler's analyzer driver measures it. Markdown for docs/benchmarks.md.
/// </summary>
internal static class GeneratorReport
{
    public static string Create(IReadOnlyList<int> sizes)
    {
        var text = new StringBuilder();
        text.AppendLine("#### Incremental steps after each keystroke (tracked with `trackIncrementalGeneratorSteps`)");
        text.AppendLine();
        text.AppendLine("Outputs of each step by `IncrementalStepRunReason`; `SourceOutput` is the generated file. Checked: an unrelated edit");
        text.AppendLine("modifies nothing, a provider edit modifies exactly that provider, everything else is `Cached` or `Unchanged`.");
        text.AppendLine();
        text.AppendLine("| providers | edit | step | Cached | Unchanged | Modified | New | Removed |");
        text.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|");
        var failures = new List<string>();
        foreach (var size in sizes)
        {
            var project = SyntheticProject.Create(size);
            var driver = SyntheticProject.CreateDriver(trackSteps: true).RunGenerators(project.Compilation);
            foreach (var (edit, tree, edited, modified) in new[]
            {
                ("unrelated file", project.UnrelatedTree, project.UnrelatedEdited, 0),
                ("one provider", project.ProviderTree, project.ProviderEdited, 1),
            })
            {
                var result = driver.RunGenerators(project.Compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results.Single();
                var steps = new[] { TrackingNamesMirror.Declarations, TrackingNamesMirror.ProviderSpecs }
                    .Select(name => (Key: name, Runs: result.TrackedSteps[name]))
                    .Concat(result.TrackedOutputSteps.Select(step => (step.Key, Runs: step.Value)));
                foreach (var (name, runs) in steps)
                {
                    var reasons = runs.SelectMany(run => run.Outputs).GroupBy(output => output.Reason).ToDictionary(g => g.Key, g => g.Count());
                    int Count(IncrementalStepRunReason reason) => reasons.TryGetValue(reason, out var count) ? count : 0;
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {size:N0} | {edit} | {name} | {Count(IncrementalStepRunReason.Cached)} | {Count(IncrementalStepRunReason.Unchanged)} | {Count(IncrementalStepRunReason.Modified)} | {Count(IncrementalStepRunReason.New)} | {Count(IncrementalStepRunReason.Removed)} |");
                    var changed = Count(IncrementalStepRunReason.Modified) + Count(IncrementalStepRunReason.New) + Count(IncrementalStepRunReason.Removed);
                    if (changed != modified)
                    {
                        failures.Add($"{size} providers, {edit}: {name} has {changed} changed outputs, expected {modified}");
                    }
                }
            }
        }

        text.AppendLine();
        text.AppendLine(failures.Count == 0
            ? "Check: passed for every size."
            : "Check FAILED: " + string.Join("; ", failures));
        text.AppendLine();
        text.AppendLine(AnalyzerTimes(sizes.Max()));
        if (failures.Count > 0)
        {
            Console.Error.WriteLine("Incrementality check failed: " + string.Join("; ", failures));
        }

        return text.ToString();
    }

    // The analyzer driver's own per-analyzer execution time, as `csc /reportanalyzer` prints it.
    private static string AnalyzerTimes(int size)
    {
        var project = SyntheticProject.Create(size);
        SyntheticProject.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(project.Compilation, out var generated, out _);
        var analyzers = SyntheticProject.Analyzers.Value;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"#### Analyzer execution time on {size:N0} providers (the analyzer driver's own measurement, third run of three)");
        text.AppendLine();
        text.AppendLine("| analyzer | execution time | diagnostics |");
        text.AppendLine("|---|---:|---:|");
        IDictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>? telemetry = null;
        var diagnostics = default(System.Collections.Immutable.ImmutableArray<Diagnostic>);
        var wall = TimeSpan.Zero;
        for (var run = 0; run < 3; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            var withAnalyzers = generated.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            telemetry = withAnalyzers.GetAnalysisResultAsync(default).GetAwaiter().GetResult().AnalyzerTelemetryInfo;
            wall = stopwatch.Elapsed;
        }

        var total = TimeSpan.Zero;
        foreach (var (analyzer, info) in telemetry!.OrderBy(pair => pair.Key.GetType().Name, StringComparer.Ordinal))
        {
            var count = diagnostics.Count(d => analyzer.SupportedDiagnostics.Any(s => s.Id == d.Id));
            total += info.ExecutionTime;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {analyzer.GetType().Name} | {info.ExecutionTime.TotalMilliseconds:F1} ms | {count} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **all {telemetry!.Count}** | **{total.TotalMilliseconds:F1} ms** | {diagnostics.Length} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Wall time of that run, binding included: {wall.TotalMilliseconds:F0} ms. Diagnostics reported: {string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}").DefaultIfEmpty("none"))}.");
        return text.ToString();
    }

    /// <summary>The generator's step names (TrackingNames is internal to the generator).</summary>
    private static class TrackingNamesMirror
    {
        public const string Declarations = nameof(Declarations);
        public const string ProviderSpecs = nameof(ProviderSpecs);
    }
}
