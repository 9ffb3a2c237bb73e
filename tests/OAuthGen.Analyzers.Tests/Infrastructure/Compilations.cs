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
using OAuthGen.Testing;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>Compilations on plain Roslyn: the test host's framework assemblies plus the OAuthGen runtime.</summary>
    internal static class Compilations
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new ProviderDeclarationAnalyzer(),
            new TokenFieldAnalyzer(),
            new ClientUsageAnalyzer(),
            new TokenRequestCodeAnalyzer(),
            new CatalogueAnalyzer());

        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        public static IReadOnlyList<MetadataReference> References => TestCompilations.References;

        public static CSharpCompilation Create(params string[] sources) => TestCompilations.Create(LanguageVersion.Latest, sources);

        public static MetadataReference Library(string assemblyName, string source) => TestCompilations.Library(assemblyName, source);

        /// <summary>The compilation with what the OAuthGen generator adds, as a build sees it.</summary>
        public static CSharpCompilation WithGeneratedCode(CSharpCompilation compilation) =>
            WithGeneratedCode(compilation, ImmutableArray<AdditionalText>.Empty, null);

        /// <summary>As <see cref="WithGeneratedCode(CSharpCompilation)"/>, with additional files and the options the build gives them.</summary>
        public static CSharpCompilation WithGeneratedCode(CSharpCompilation compilation, ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider? optionsProvider)
        {
            CSharpGeneratorDriver.Create(new[] { new OAuthProviderGenerator().AsSourceGenerator() }, additionalFiles, ParseOptions, optionsProvider)
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
            return (CSharpCompilation)output;
        }
    }
}
