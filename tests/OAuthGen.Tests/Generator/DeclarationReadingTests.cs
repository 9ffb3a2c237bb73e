using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Model;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>
    /// The spec DeclarationReader builds, read directly where the emitted text would show a difference only in a shape
    /// the baselines do not have (a spec that says "standard" in two ways, a language version at its boundary, containing
    /// types of every keyword).
    /// </summary>
    public sealed class DeclarationReadingTests
    {
        [Theory]
        [InlineData("")]
        [InlineData(", ScopeSeparator = \" \"")]
        public void All_standard_response_fields_give_no_response_field_spec(string arguments)
        {
            var spec = ReadSpec("[OAuthProvider(\"https://id.example/token\"" + arguments + ")] public partial class ExampleAuth { }");

            Assert.Null(spec.ResponseFields);
        }

        [Theory]
        [InlineData("ResponseRoot = \"authed_user\"", "authed_user", null, null, null, null, " ")]
        [InlineData("ExpiresInField = \"expires\"", null, "expires", null, null, null, " ")]
        [InlineData("ExpiresAtField = \"expires_on\"", null, null, "expires_on", null, null, " ")]
        [InlineData("ErrorField = \"status\"", null, null, null, "status", null, " ")]
        [InlineData("ErrorDescriptionField = \"message\"", null, null, null, null, "message", " ")]
        [InlineData("ScopeSeparator = \",\"", null, null, null, null, null, ",")]
        public void One_remapped_response_field_gives_a_spec_with_only_that_one(string argument, string? root, string? expiresIn, string? expiresAt, string? error, string? errorDescription, string separator)
        {
            var spec = ReadSpec("[OAuthProvider(\"https://id.example/token\", " + argument + ")] public partial class ExampleAuth { }");

            Assert.Equal(new ResponseFieldsSpec(root, expiresIn, expiresAt, error, errorDescription, separator), spec.ResponseFields);
        }

        [Fact]
        public void A_field_is_secret_only_when_Secret_is_set_to_true()
        {
            var spec = ReadSpec("""
                [OAuthProvider("https://id.example/token", TokenType = typeof(KeyedToken))]
                public partial class ExampleAuth { }

                public class KeyedToken : OAuthToken
                {
                    [OAuthField("signing_key", Secret = true)] public string? SigningKey { get; set; }
                    [OAuthField("region", Secret = false)] public string? Region { get; set; }
                    [OAuthField("tenant")] public string? Tenant { get; set; }
                }
                """);

            var fields = spec.TokenType!.Fields.ToDictionary(field => field.PropertyName, field => field.IsSecret);
            Assert.Equal(new[] { ("Region", false), ("SigningKey", true), ("Tenant", false) }, fields.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value)));
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3, false, false)]
        [InlineData(LanguageVersion.CSharp8, true, false)]
        [InlineData(LanguageVersion.CSharp10, true, false)]
        [InlineData(LanguageVersion.CSharp11, true, true)]
        [InlineData(LanguageVersion.Latest, true, true)]
        public void Nullable_annotations_from_CSharp_8_and_the_OAuth_client_interface_from_CSharp_11(LanguageVersion languageVersion, bool nullableAnnotations, bool implementsOAuthClient)
        {
            // IOAuthClient has static abstract members, which C# 11 introduced.
            var spec = ReadSpec("[OAuthProvider(\"https://id.example/token\")] public partial class ExampleAuth { }", languageVersion);

            Assert.Equal(nullableAnnotations, spec.NullableAnnotations);
            Assert.Equal(implementsOAuthClient, spec.ImplementsOAuthClient);
        }

        [Fact]
        public void An_abstract_provider_does_not_implement_the_OAuth_client_interface()
        {
            var spec = ReadSpec("[OAuthProvider(\"https://id.example/token\")] public abstract partial class ExampleAuth { }");

            Assert.False(spec.ImplementsOAuthClient);
        }

        [Fact]
        public void Containing_types_of_every_keyword_outermost_first_with_their_type_parameters()
        {
            const string Source = """
                public partial record struct Region<TKey>
                {
                    public partial interface ICatalogue
                    {
                        public partial record Entry
                        {
                            public partial struct Slot
                            {
                                public partial class Outer
                                {
                                    [OAuthProvider("https://id.example/token")]
                                    public partial class ExampleAuth { }
                                }
                            }
                        }
                    }
                }
                """;

            var spec = ReadSpec(Source);

            Assert.Equal(
                new[]
                {
                    new ContainingTypeSpec("record struct", "Region<TKey>"),
                    new ContainingTypeSpec("interface", "ICatalogue"),
                    new ContainingTypeSpec("record", "Entry"),
                    new ContainingTypeSpec("struct", "Slot"),
                    new ContainingTypeSpec("class", "Outer"),
                },
                spec.ContainingTypes.ToArray());
            var result = GeneratorHarness.Run(Usings + Source);
            Assert.Empty(result.Output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        }

        [Theory]
        [InlineData("", null)]
        [InlineData("namespace Acme.Identity { ", "Acme.Identity")]
        public void The_namespace_is_null_in_the_global_namespace(string namespaceOpening, string? expected)
        {
            var closing = namespaceOpening.Length == 0 ? string.Empty : " }";
            var spec = ReadSpec(namespaceOpening + "[OAuthProvider(\"https://id.example/token\")] public partial class ExampleAuth { }" + closing);

            Assert.Equal(expected, spec.Namespace);
        }

        [Fact]
        public void A_cancelled_reading_stops_with_OperationCanceledException()
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => Read("[OAuthProvider(\"https://id.example/token\")] public partial class ExampleAuth { }", LanguageVersion.Latest, cancelled.Token));
        }

        private const string Usings = "#nullable enable\nusing OAuthGen;\n";

        private static ProviderSpec ReadSpec(string declarations, LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            var reading = Read(declarations, languageVersion, CancellationToken.None);
            Assert.Empty(reading.Problems.Where(problem => problem.IsError));
            return reading.Spec!;
        }

        private static DeclarationReader.Reading Read(string declarations, LanguageVersion languageVersion, CancellationToken cancellationToken)
        {
            var source = languageVersion >= LanguageVersion.CSharp8 ? Usings + declarations : "using OAuthGen;\n" + GeneratorTestKit.WithoutNullableReferences(declarations);
            var compilation = GeneratorHarness.Compile(source, languageVersion);
            var tree = compilation.SyntaxTrees.First();
            var declaration = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(candidate => candidate.Identifier.ValueText == "ExampleAuth");
            var type = compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!;
            var attribute = type.GetAttributes().Single(candidate => candidate.AttributeClass?.Name == nameof(OAuthProviderAttribute));
            return DeclarationReader.Read(type, attribute, declaration, compilation, cancellationToken, ImmutableArray<MetadataDocument>.Empty);
        }
    }
}
