using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OAuthGen.Generator;
using OAuthGen.Testing;

namespace OAuthGen.Tests.Infrastructure
{
    /// <summary>Runs the generator on source text with plain Roslyn: CSharpCompilation and CSharpGeneratorDriver.</summary>
    internal static class GeneratorHarness
    {
        public static CSharpCompilation Compile(string source, LanguageVersion languageVersion = LanguageVersion.Latest, params string[] moreSources) =>
            TestCompilations.Create(languageVersion, new[] { source }.Concat(moreSources).ToArray());

        public static GeneratorDriver CreateDriver(CSharpCompilation compilation) =>
            CSharpGeneratorDriver.Create(
                new[] { new OAuthProviderGenerator().AsSourceGenerator() },
                parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        public static GeneratorResult Run(string source, LanguageVersion languageVersion = LanguageVersion.Latest, params string[] moreSources) =>
            Run(Compile(source, languageVersion, moreSources));

        public static GeneratorResult Run(CSharpCompilation compilation)
        {
            var driver = CreateDriver(compilation).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            return new GeneratorResult(compilation, (CSharpCompilation)output, driver.GetRunResult(), generatorDiagnostics);
        }
    }

    internal sealed record GeneratorResult(
        CSharpCompilation Input,
        CSharpCompilation Output,
        GeneratorDriverRunResult RunResult,
        IReadOnlyList<Diagnostic> GeneratorDiagnostics)
    {
        public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

        public string SingleSource => Sources.Single().SourceText.ToString();

        public Exception? Exception => RunResult.Results.Single().Exception;

        /// <summary>Warnings and errors of the compilation with the generated code, which the input alone did not have.</summary>
        public IReadOnlyList<Diagnostic> NewProblems()
        {
            var before = Input.GetDiagnostics().Where(IsProblem).Select(d => d.ToString()).ToHashSet();
            return Output.GetDiagnostics().Where(IsProblem).Where(d => !before.Contains(d.ToString())).ToArray();
        }

        /// <summary>Warnings and errors anywhere in the compilation with the generated code.</summary>
        public IReadOnlyList<Diagnostic> AllProblems() => Output.GetDiagnostics().Where(IsProblem).ToArray();

        private static bool IsProblem(Diagnostic diagnostic) => diagnostic.Severity >= DiagnosticSeverity.Warning;
    }
}
