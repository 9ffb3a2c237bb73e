using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs the generator, then every OAuthGen analyzer, and compares their diagnostics with the marks in the source
    /// (<c>{|OAUTH001:...|}</c>) on Microsoft.CodeAnalysis.Testing.
    /// </summary>
    internal static class AnalyzerVerifier
    {
        /// <summary>
        /// Asserts that the OAuthGen diagnostics of <paramref name="markup"/> are exactly the marked ones (Info included),
        /// that the source compiles, and that no analyzer threw. Returns the diagnostics for further checks of messages.
        /// </summary>
        public static async Task<IReadOnlyList<Diagnostic>> VerifyAsync(string markup, bool checkSuppression = true)
        {
            var test = new OAuthGenAnalyzerTest { TestCode = markup };
            if (!checkSuppression)
            {
                test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
            }

            await test.RunAsync();

            // The harness compares IDs and spans; the messages some tests check come from the same analyzers again.
            var (source, _) = Markup.Parse(markup);
            return (await AnalyzeAsync(source)).OAuthDiagnostics;
        }

        /// <summary>
        /// As <see cref="VerifyAsync(string, bool)"/>, with metadata documents in the project: each an AdditionalFiles item at
        /// <c>/docs/{FileName}</c>, bound by its OAuthGenProvider item metadata (as build/OAuthGen.props makes the compiler see
        /// it) when <c>BoundTo</c> is not null. Returns the OAuthGen diagnostics, messages included.
        /// </summary>
        public static Task<IReadOnlyList<Diagnostic>> VerifyWithDocumentsAsync(string markup, params MetadataFile[] documents) =>
            VerifyWithDocumentsAsync(markup, documents, Array.Empty<DiagnosticResult>());

        /// <summary>As <see cref="VerifyWithDocumentsAsync(string, MetadataFile[])"/>, expecting besides the marks diagnostics outside the source (in a document).</summary>
        public static async Task<IReadOnlyList<Diagnostic>> VerifyWithDocumentsAsync(string markup, MetadataFile[] documents, DiagnosticResult[] expected)
        {
            var test = new OAuthGenAnalyzerTest { TestCode = markup };
            test.ExpectedDiagnostics.AddRange(expected);
            var config = new System.Text.StringBuilder("is_global = true\n");
            foreach (var document in documents)
            {
                test.TestState.AdditionalFiles.Add((document.Path, document.Content));
                if (document.BoundTo is not null)
                {
                    config.Append("\n[").Append(document.Path).Append("]\n").Append("build_metadata.AdditionalFiles.OAuthGenProvider = ").Append(document.BoundTo).Append('\n');
                }
            }

            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
            await test.RunAsync();

            var (source, _) = Markup.Parse(markup);
            var compilation = Compilations.Create(source);
            var options = new MetadataFile.Options(documents);
            var texts = documents.Select(document => (AdditionalText)new MetadataFile.Text(document)).ToImmutableArray();
            return (await AnalyzeAsync(Compilations.Analyzers, compilation, texts, options)).OAuthDiagnostics;
        }

        /// <summary>Runs generator and analyzers on <paramref name="sources"/>; fails on any analyzer exception (AD0001).</summary>
        public static Task<AnalysisResult> AnalyzeAsync(params string[] sources) => AnalyzeAsync(Compilations.Analyzers, sources);

        /// <summary>As <see cref="AnalyzeAsync(string[])"/>, with other analyzers (to prove the harness sees a crash).</summary>
        public static Task<AnalysisResult> AnalyzeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, params string[] sources) =>
            AnalyzeAsync(analyzers, Compilations.Create(sources));

        /// <summary>Runs generator and analyzers on <paramref name="input"/> (with references of its own); fails on any analyzer exception.</summary>
        public static Task<AnalysisResult> AnalyzeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, CSharpCompilation input) =>
            AnalyzeAsync(analyzers, input, ImmutableArray<AdditionalText>.Empty, null);

        /// <summary>As <see cref="AnalyzeAsync(ImmutableArray{DiagnosticAnalyzer}, CSharpCompilation)"/>, with additional files and their options.</summary>
        public static async Task<AnalysisResult> AnalyzeAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, CSharpCompilation input, ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider? optionsProvider)
        {
            var compilation = Compilations.WithGeneratedCode(input, additionalFiles, optionsProvider);
            var exceptions = new ConcurrentQueue<string>();
            var analyzerOptions = optionsProvider is null ? new AnalyzerOptions(additionalFiles) : new AnalyzerOptions(additionalFiles, optionsProvider);
            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions,
                (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var all = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();

            Assert.Empty(exceptions);
            Assert.DoesNotContain(all, d => d.Id == "AD0001");
            return new AnalysisResult(
                compilation.SyntaxTrees.Count() - input.SyntaxTrees.Count(),
                all.Where(d => d.Id.StartsWith("OAUTH", StringComparison.Ordinal)).ToArray(),
                all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("OAUTH", StringComparison.Ordinal)).ToArray());
        }

        private static string Describe(string source, IEnumerable<ExpectedDiagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => "  " + d.Id + " on '" + source.Substring(d.Span.Start, d.Span.Length) + "' " + d.Span))
            is { Length: > 0 } text ? text : "  (none)";
    }

    internal sealed record AnalysisResult(int GeneratedSources, IReadOnlyList<Diagnostic> OAuthDiagnostics, IReadOnlyList<Diagnostic> CompilerErrors);
}
