using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using OAuthGen.Benchmarks;

// benchmarks/run.sh runs this; the modes besides BenchmarkDotNet's own are:
//   --generator-report FILE        incremental steps per keystroke (checked) and analyzer times, as markdown
//   --paired FILE [--only LIST]    reader, end-to-end and cached-token contenders measured interleaved, as markdown;
//                                  LIST: reader,end-to-end,identitymodel,generator,cached,breakdown,reader-breakdown (all by default)
//   --write-synthetic DIR N ROOT   the synthetic N-provider project on disk, for a real `dotnet build`
//   --results FILE (with BenchmarkDotNet arguments)   the results tables, as markdown
//   --smoke                        every benchmark once, to check that it works (no meaningful numbers)
//   --in-process                   run in this process (no per-benchmark build: for a loaded machine; less isolation)
var arguments = args.ToList();
if (Take(arguments, "--generator-report") is { } reportPath)
{
    File.WriteAllText(reportPath, GeneratorReport.Create([1, 100, 1000]));
    Console.WriteLine("Wrote " + reportPath);
    return 0;
}

if (Take(arguments, "--paired") is { } pairedPath)
{
    File.WriteAllText(pairedPath, PairedComparison.Create(Take(arguments, "--only")));
    Console.WriteLine("Wrote " + pairedPath);
    return 0;
}

if (arguments.IndexOf("--write-synthetic") is var write and >= 0)
{
    SyntheticProject.Create(int.Parse(arguments[write + 2], System.Globalization.CultureInfo.InvariantCulture))
        .WriteTo(arguments[write + 1], arguments[write + 3]);
    return 0;
}

var resultsPath = Take(arguments, "--results");

// A short job on purpose (2 cores, shared): one launch, a few warm-up and measured iterations; classes that need
// fewer (the generator at 1,000 providers) say so with attributes.
// --smoke runs every benchmark once (BenchmarkDotNet's Dry job) to check that each one works.
var smoke = arguments.Remove("--smoke");
var inProcess = arguments.Remove("--in-process");
var job = smoke ? Job.Dry : Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("short");
var config = DefaultConfig.Instance
    .AddJob(inProcess ? job.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance) : job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.DisableLogFile);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(arguments.ToArray(), config).ToArray();
if (resultsPath is not null)
{
    File.WriteAllText(resultsPath, ResultsTable.Create(summaries));
    Console.WriteLine("Wrote " + resultsPath);
}

return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;

static string? Take(List<string> arguments, string name)
{
    var index = arguments.IndexOf(name);
    if (index < 0 || index + 1 >= arguments.Count)
    {
        return null;
    }

    var value = arguments[index + 1];
    arguments.RemoveRange(index, 2);
    return value;
}
