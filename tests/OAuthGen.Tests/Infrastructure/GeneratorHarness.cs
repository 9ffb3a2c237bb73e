using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OAuthGen.Generator;

namespace OAuthGen.Tests.Infrastructure
{
    /// <summary>Runs the generator on source text with plain Roslyn: CSharpCompilation and CSharpGeneratorDriver.</summary>
    internal static class GeneratorHarness
    {
        private static readonly Lazy<MetadataReference[]> References = new(() =>
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(path => Path.GetDirectoryName(path) == runtimeDirectory);
            return framework
                .Append(typeof(OAuthToken).Assembly.Location)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();
        });

        public static CSharpCompilation Compile(string source, LanguageVersion languageVersion = LanguageVersion.Latest, params string[] moreSources)
        {
            var parseOptions = new CSharpParseOptions(languageVersion);
            var trees = new[] { source }.Concat(moreSources)
                .Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"Source{i}.cs"));
            return CSharpCompilation.Create(
                "Consumer",
                trees,
                References.Value,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                    // As the .NET SDK does by default: the runtime targets net8.0 and the references here are newer.
                    specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                    {
                        ["CS1701"] = ReportDiagnostic.Suppress,
                        ["CS1702"] = ReportDiagnostic.Suppress,
                    }));
        }

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
