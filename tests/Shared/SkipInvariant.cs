using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OAuthGen.Generator;
using OAuthGen.Generator.Declarations;

namespace OAuthGen.Testing
{
    /// <summary>
    /// "The generator skipped this class" ⇔ "an OAuthGen Error was reported for it", checked on a compilation: the
    /// generator runs, then every analyzer of the generator assembly, and each [OAuthProvider] class is held to it.
    /// </summary>
    internal static class SkipInvariant
    {
        /// <summary>Every concrete analyzer in the generator assembly, found by reflection, so new ones are picked up.</summary>
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(OAuthProviderGenerator).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        /// <summary>The classes of <paramref name="input"/> that break the invariant, each with what happened; empty when none does.</summary>
        public static IReadOnlyList<string> Violations(CSharpCompilation input) => Violations(input, ImmutableArray<AdditionalText>.Empty, null);

        /// <summary>As <see cref="Violations(CSharpCompilation)"/>, with additional files (metadata documents) and the options the build gives them.</summary>
        public static IReadOnlyList<string> Violations(CSharpCompilation input, ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider? options)
        {
            var parseOptions = input.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions;
            var driver = CSharpGeneratorDriver.Create(new[] { new OAuthProviderGenerator().AsSourceGenerator() }, additionalFiles, parseOptions, options)
                .RunGeneratorsAndUpdateCompilation(input, out var output, out _);
            var generated = driver.GetRunResult().Results.Single().GeneratedSources.Select(source => source.HintName).ToHashSet(StringComparer.Ordinal);
            var analyzerOptions = options is null ? new AnalyzerOptions(additionalFiles) : new AnalyzerOptions(additionalFiles, options);
            var errors = output.WithAnalyzers(Analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
                .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("OAUTH", StringComparison.Ordinal))
                .ToArray();

            var violations = new List<string>();
            foreach (var type in ProviderClasses(input))
            {
                var isGenerated = generated.Contains(DeclarationReader.HintNameOf(type));
                var scopes = type.DeclaringSyntaxReferences.Select(reference => Outermost(reference.GetSyntax()).GetLocation()).ToArray();
                var reported = errors.Where(error => scopes.Any(scope => Contains(scope, error.Location))).ToArray();
                if (isGenerated == (reported.Length > 0))
                {
                    violations.Add("'" + type.ToDisplayString() + "' was " + (isGenerated ? "generated" : "skipped") + " with "
                        + (reported.Length == 0 ? "no OAuthGen Error" : "the Errors " + string.Join("; ", reported.Select(d => d.ToString()))));
                }
            }

            return violations;
        }

        /// <summary>The classes that carry an [OAuthProvider] (by name, as the generator looks for it).</summary>
        private static IEnumerable<INamedTypeSymbol> ProviderClasses(CSharpCompilation compilation)
        {
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
                {
                    if (model.GetDeclaredSymbol(declaration) is { TypeKind: TypeKind.Class } type
                        && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "OAuthGen.OAuthProviderAttribute")
                        && seen.Add(type))
                    {
                        yield return type;
                    }
                }
            }
        }

        // Errors about a class may sit on a type that encloses it (OAUTH003 on a non-partial outer class).
        private static SyntaxNode Outermost(SyntaxNode node) => node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().Last();

        private static bool Contains(Location scope, Location location) =>
            location.SourceTree == scope.SourceTree && scope.SourceSpan.Contains(location.SourceSpan);
    }
}
