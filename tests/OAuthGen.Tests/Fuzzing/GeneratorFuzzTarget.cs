using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuthGen.Testing;
using OAuthGen.Tests.Infrastructure;

namespace OAuthGen.Tests.Fuzzing
{
    /// <summary>
    /// Compiles a (mutated) declaration file, runs the generator on it, then every analyzer of the generator assembly on
    /// the result, and reports any exception: from the generator (CS8785, or an exception in its run result) or from an
    /// analyzer (AD0001, or the analyzer-exception callback), and any class skipped without an Error or with one generated.
    /// </summary>
    internal sealed class GeneratorFuzzTarget
    {
        /// <summary>Every concrete analyzer in the generator assembly, found by reflection, so new ones are picked up.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers => SkipInvariant.Analyzers;

        // One compilation whose references are bound once; each input replaces its only tree (Roslyn then reuses the
        // bound references, which is most of the cost of a new compilation).
        private readonly CSharpCompilation _base = GeneratorHarness.Compile("// empty");

        public int Compilations { get; private set; }

        public int GeneratedSources { get; private set; }

        public int AnalyzerDiagnostics { get; private set; }

        public List<string> Failures { get; } = new();

        public void Run(string source, string description)
        {
            Compilations++;
            var problems = new List<string>();
            try
            {
                var tree = CSharpSyntaxTree.ParseText(source, (CSharpParseOptions)_base.SyntaxTrees[0].Options, path: "Source0.cs");
                var result = GeneratorHarness.Run(_base.ReplaceSyntaxTree(_base.SyntaxTrees[0], tree));
                if (result.Exception is { } generatorException)
                {
                    problems.Add("the generator threw " + generatorException);
                }

                problems.AddRange(result.GeneratorDiagnostics.Where(d => d.Id == "CS8785").Select(d => d.ToString()));
                GeneratedSources += result.Sources.Count;

                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    onAnalyzerException: (exception, analyzer, _) => problems.Add(analyzer.GetType().Name + " threw " + exception),
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false);
                var diagnostics = result.Output.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                problems.AddRange(diagnostics.Where(d => d.Id == "AD0001" || d.Id == "CS8785").Select(d => d.ToString()));
                AnalyzerDiagnostics += diagnostics.Count(d => d.Id.StartsWith("OAUTH", StringComparison.Ordinal));
                problems.AddRange(SkipInvariant.Violations(result.Input));
            }
            catch (Exception e)
            {
                problems.Add("the harness threw " + e);
            }

            if (problems.Count > 0 && Failures.Count < 10)
            {
                Failures.Add(description + "\n  " + string.Join("\n  ", problems) + "\n--- source ---\n" + source);
            }
        }
    }
}
