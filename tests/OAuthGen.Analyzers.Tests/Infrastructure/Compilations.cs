using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuthGen.Generator;
using OAuthGen.Generator.Analyzers;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>Compilations on plain Roslyn: the test host's framework assemblies plus the OAuthGen runtime.</summary>
    internal static class Compilations
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new ProviderDeclarationAnalyzer(),
            new TokenFieldAnalyzer(),
            new ClientUsageAnalyzer(),
            new TokenRequestCodeAnalyzer());

        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            // As the .NET SDK does by default: the runtime targets net8.0 and the references here are newer.
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

        private static readonly Lazy<MetadataReference[]> LazyReferences = new(() =>
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

        public static IReadOnlyList<MetadataReference> References => LazyReferences.Value;

        public static CSharpCompilation Create(params string[] sources) =>
            CSharpCompilation.Create(
                "Consumer",
                sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Source{i}.cs")),
                References,
                Options);

        /// <summary>The compilation with what the OAuthGen generator adds, as a build sees it.</summary>
        public static CSharpCompilation WithGeneratedCode(CSharpCompilation compilation)
        {
            CSharpGeneratorDriver.Create(new[] { new OAuthProviderGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
            return (CSharpCompilation)output;
        }
    }
}
