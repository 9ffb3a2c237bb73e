using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>Source texts, compilations and assertions shared by the generator tests.</summary>
    internal static class GeneratorTestKit
    {
        /// <summary>Shows members as the API contract writes them: short type names, nullable annotations, defaults.</summary>
        private static readonly SymbolDisplayFormat SignatureFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeModifiers,
            propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes
                | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
                | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>The seed declarations in a form the given language version accepts: C# 7.3 has no <c>string?</c>.</summary>
        public static string SeedsFor(LanguageVersion languageVersion) =>
            languageVersion >= LanguageVersion.CSharp8 ? SeedSource.Declarations : WithoutNullableReferences(SeedSource.Declarations);

        /// <summary>Drops the <c>?</c> of <c>string?</c> (the only nullable reference type the seeds use).</summary>
        public static string WithoutNullableReferences(string source)
        {
            var result = source.Replace("string? ", "string ");
            Assert.DoesNotContain("string?", result);
            return result;
        }

        /// <summary>
        /// Adds an XML summary to every public declaration of the seeds (the providers, the token type and its
        /// properties), so that only generated code could make CS1591 fire.
        /// </summary>
        public static string Documented(string source)
        {
            var lines = source.Replace("\r\n", "\n").Split('\n');
            var text = new StringBuilder();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                var follows = i > 0 ? lines[i - 1].TrimEnd() : string.Empty;
                var documented = follows.TrimStart().StartsWith("///", StringComparison.Ordinal);
                var startsDeclaration = !documented && trimmed.StartsWith("[OAuthProvider(", StringComparison.Ordinal)
                    || (!documented && trimmed.StartsWith("[OAuthField(", StringComparison.Ordinal))
                    || (!documented && trimmed.StartsWith("public partial class", StringComparison.Ordinal) && !follows.EndsWith("]", StringComparison.Ordinal));
                if (startsDeclaration)
                {
                    text.Append(line, 0, line.Length - trimmed.Length).Append("/// <summary>Documented by the test.</summary>\n");
                }

                text.Append(line).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>Compiles like <see cref="GeneratorHarness.Compile"/>, with the given parse options (documentation mode, ...).</summary>
        public static CSharpCompilation Compile(CSharpParseOptions parseOptions, params string[] sources)
        {
            var compilation = GeneratorHarness.Compile(sources[0], parseOptions.SpecifiedLanguageVersion, sources.Skip(1).ToArray());
            var trees = compilation.SyntaxTrees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), parseOptions, tree.FilePath));
            return compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        }

        public static GeneratorResult RunWithNullableContext(string source, NullableContextOptions nullableContext)
        {
            var compilation = GeneratorHarness.Compile(source);
            return GeneratorHarness.Run(compilation.WithOptions(compilation.Options.WithNullableContextOptions(nullableContext)));
        }

        /// <summary>The generator ran to the end: no exception, so no CS8785 that would fail the user's build.</summary>
        public static void AssertRanWithoutCrashing(GeneratorResult result)
        {
            Assert.Null(result.Exception);
            Assert.DoesNotContain(result.GeneratorDiagnostics, diagnostic => diagnostic.Id == "CS8785");
        }

        /// <summary>No warning or error anywhere, and exactly <paramref name="expectedSources"/> generated files.</summary>
        public static void AssertCompilesCleanly(GeneratorResult result, int expectedSources)
        {
            AssertRanWithoutCrashing(result);
            Assert.True(result.AllProblems().Count == 0, "Expected no warnings or errors:\n" + Describe(result.AllProblems()));
            Assert.Equal(expectedSources, result.Sources.Count);
        }

        public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(diagnostic => diagnostic.ToString()));

        /// <summary>The type (with its generated part) in the compilation that includes the generated code.</summary>
        public static INamedTypeSymbol GeneratedType(GeneratorResult result, string metadataName)
        {
            var type = result.Output.GetTypeByMetadataName(metadataName);
            Assert.True(type is not null, $"Type {metadataName} not found in the output compilation.");
            return type!;
        }

        /// <summary>The public members of a type, as signatures (constructors, methods, properties; no accessors).</summary>
        public static IReadOnlyList<string> PublicSignatures(INamedTypeSymbol type) =>
            type.GetMembers()
                .Where(member => member.DeclaredAccessibility == Accessibility.Public && !member.IsImplicitlyDeclared)
                .Where(member => member is not IMethodSymbol { AssociatedSymbol: not null })
                .Select(Signature)
                .OrderBy(signature => signature, StringComparer.Ordinal)
                .ToArray();

        public static string Signature(ISymbol member) => member.ToDisplayString(SignatureFormat);

        public static SyntaxTree GeneratedTree(GeneratorResult result, string hintNameSuffix) =>
            result.Output.SyntaxTrees.Single(tree => tree.FilePath.EndsWith(hintNameSuffix, StringComparison.Ordinal));

        /// <summary>
        /// Fails on any name in generated code that refers to a type or a namespace without starting at
        /// <c>global::</c>, so that no user type or namespace (a class named <c>System</c>, ...) can capture it.
        /// Type parameters and the names of namespace declarations are the exceptions that cannot be qualified.
        /// </summary>
        public static void AssertEveryTypeNameIsGloballyQualified(GeneratorResult result, SyntaxTree generatedTree)
        {
            var model = result.Output.GetSemanticModel(generatedTree);
            var root = generatedTree.GetRoot();
            Assert.Empty(root.DescendantNodes().OfType<UsingDirectiveSyntax>());

            var checkedNames = 0;
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var isGlobalAlias = name.Parent is AliasQualifiedNameSyntax { Alias: var alias } && alias == name;
                if (isGlobalAlias || name.Ancestors().Any(ancestor => ancestor is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(name.Span)))
                {
                    continue;
                }

                var symbol = model.GetSymbolInfo(name).Symbol;
                if (symbol is ITypeParameterSymbol || symbol is not (ITypeSymbol or INamespaceSymbol))
                {
                    continue;
                }

                checkedNames++;
                Assert.True(IsGloballyQualified(name), $"'{name.Parent}' in {generatedTree.FilePath} at {name.GetLocation().GetLineSpan().StartLinePosition} does not start at global::");
            }

            Assert.True(checkedNames > 0, "No type names found: the check saw nothing.");
        }

        private static bool IsGloballyQualified(SimpleNameSyntax name) => name.Parent switch
        {
            AliasQualifiedNameSyntax alias when alias.Name == name => alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword),
            QualifiedNameSyntax qualified when qualified.Right == name => StartsAtGlobal(qualified.Left),
            MemberAccessExpressionSyntax access when access.Name == name => StartsAtGlobal(access.Expression),
            _ => false,
        };

        private static bool StartsAtGlobal(ExpressionSyntax expression) => expression switch
        {
            AliasQualifiedNameSyntax alias => alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword),
            QualifiedNameSyntax qualified => StartsAtGlobal(qualified.Left),
            MemberAccessExpressionSyntax access => StartsAtGlobal(access.Expression),
            _ => false,
        };
    }
}
