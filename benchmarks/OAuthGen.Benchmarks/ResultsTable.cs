using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Reports;

namespace OAuthGen.Benchmarks;

/// <summary>
/// One markdown table per benchmark class: mean time per operation with its 99.9% confidence margin, operations per
/// second, bytes allocated per operation, and the ratio of each to the class's baseline and to its [Reference]
/// method, within the same parameter values (same run, same machine state).
/// </summary>
internal static class ResultsTable
{
    public static string Create(IEnumerable<Summary> summaries)
    {
        var text = new StringBuilder();
        foreach (var summary in summaries)
        {
            foreach (var type in summary.Reports.GroupBy(report => report.BenchmarkCase.Descriptor.Type))
            {
                Append(text, type.Key, type.ToList());
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, Type type, List<BenchmarkReport> reports)
    {
        var baseline = reports.Select(r => r.BenchmarkCase.Descriptor).FirstOrDefault(d => d.Baseline)?.WorkloadMethod.Name;
        var reference = reports.Select(r => r.BenchmarkCase.Descriptor.WorkloadMethod)
            .FirstOrDefault(m => m.GetCustomAttribute<ReferenceAttribute>() is not null)?.Name;
        var parameterNames = reports.SelectMany(r => r.BenchmarkCase.Parameters.Items.Select(p => p.Name)).Distinct().ToList();

        text.AppendLine(CultureInfo.InvariantCulture, $"#### {type.Name}");
        text.AppendLine();
        var header = new List<string>(parameterNames) { "method", "mean", "± (99.9%)", "per second", "allocated" };
        var align = new List<string>(parameterNames.Select(_ => "---:")) { "---", "---:", "---:", "---:", "---:" };
        if (baseline is not null)
        {
            header.Add("time / " + baseline);
            header.Add("bytes / " + baseline);
            align.Add("---:");
            align.Add("---:");
        }

        if (reference is not null)
        {
            header.Add("time / " + reference);
            header.Add("bytes / " + reference);
            align.Add("---:");
            align.Add("---:");
        }

        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Join("|", align) + "|");
        foreach (var group in reports.GroupBy(r => r.BenchmarkCase.Parameters.DisplayInfo))
        {
            var byMethod = group.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
            foreach (var report in group)
            {
                var row = new List<string>(parameterNames.Select(name =>
                    Convert.ToString(report.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value, CultureInfo.InvariantCulture) ?? ""));
                var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                var stats = report.ResultStatistics;
                var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                row.Add(method == baseline || method == reference ? "**" + method + "**" : method);
                row.Add(stats is null ? "failed" : Time(stats.Mean));
                row.Add(stats is null ? "" : Time(stats.ConfidenceInterval.Margin));
                row.Add(stats is null ? "" : PerSecond(stats.Mean));
                row.Add(bytes is { } b ? Bytes(b) : "?");
                foreach (var other in new[] { baseline, reference })
                {
                    if (other is null)
                    {
                        continue;
                    }

                    if (byMethod.TryGetValue(other, out var against) && against.ResultStatistics is { } otherStats && stats is not null)
                    {
                        row.Add(Ratio(stats.Mean / otherStats.Mean));
                        var otherBytes = against.GcStats.GetBytesAllocatedPerOperation(against.BenchmarkCase);
                        row.Add(bytes is { } mine && otherBytes is { } theirs
                            ? theirs == 0 ? (mine == 0 ? "1.00" : "∞") : Ratio((double)mine / theirs)
                            : "?");
                    }
                    else
                    {
                        row.Add("");
                        row.Add("");
                    }
                }

                text.AppendLine("| " + string.Join(" | ", row) + " |");
            }
        }

        text.AppendLine();
    }

    private static string Ratio(double ratio) => ratio.ToString(ratio < 0.1 ? "F3" : "F2", CultureInfo.InvariantCulture);

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1_000 => (nanoseconds).ToString("F1", CultureInfo.InvariantCulture) + " ns",
        < 1_000_000 => (nanoseconds / 1_000).ToString("F2", CultureInfo.InvariantCulture) + " µs",
        < 1_000_000_000 => (nanoseconds / 1_000_000).ToString("F2", CultureInfo.InvariantCulture) + " ms",
        _ => (nanoseconds / 1_000_000_000).ToString("F3", CultureInfo.InvariantCulture) + " s",
    };

    private static string PerSecond(double nanoseconds)
    {
        var perSecond = 1_000_000_000 / nanoseconds;
        return perSecond switch
        {
            >= 1_000_000 => (perSecond / 1_000_000).ToString("F2", CultureInfo.InvariantCulture) + " M",
            >= 1_000 => (perSecond / 1_000).ToString("F1", CultureInfo.InvariantCulture) + " k",
            _ => perSecond.ToString("F1", CultureInfo.InvariantCulture),
        };
    }

    private static string Bytes(long bytes) => bytes switch
    {
        < 10_000 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 10_000_000 => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MB",
    };
}
