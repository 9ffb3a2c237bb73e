using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OAuthGen.Tests.Infrastructure;
using Xunit;
using static OAuthGen.Tests.Generator.GeneratorTestKit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>
    /// The generated code compiles without a single warning in the projects users have: old and new language
    /// versions, every nullable context, every place a class can be declared, every token field type, and XML
    /// documentation checks on.
    /// </summary>
    public sealed class ConsumerConfigurationTests
    {
        private const int SeedProviderCount = 5;

        private const string AllGrants =
            "Grants = OAuthGrant.ClientCredentials | OAuthGrant.Password | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, " +
            "AuthorizationEndpoint = \"https://id.example/authorize\", TokenType = typeof(global::Tokens.PlacementToken)";

        private const string Attribute = "[OAuthProvider(\"https://id.example/token\", " + AllGrants + ")]";

        /// <summary>The token type the placement cases share, in a second file (C# 7.3 syntax).</summary>
        private const string PlacementToken = @"
using OAuthGen;
namespace Tokens
{
    public class PlacementToken : OAuthToken
    {
        [OAuthField(""tenant"")] public string Tenant { get; set; } = """";
    }
}";

        private static readonly Dictionary<string, Placement> Placements = new[]
        {
            new Placement("global namespace", "GlobalAuth", Attribute + " public partial class GlobalAuth { }"),
            new Placement("block namespace", "Acme.Identity.BlockAuth", "namespace Acme.Identity { " + Attribute + " public partial class BlockAuth { } }"),
            new Placement("file-scoped namespace", "Acme.Identity.FileScopedAuth", "namespace Acme.Identity;\n" + Attribute + " public partial class FileScopedAuth { }", LanguageVersion.CSharp10),
            new Placement(
                "nested in partial classes, the outer one generic",
                "Acme.Outer`1+Middle+NestedAuth",
                "namespace Acme { public partial class Outer<T> where T : class { internal partial class Middle { " + Attribute + " public partial class NestedAuth { } } } }"),
            new Placement("nested in a partial struct", "Acme.Holder+StructNestedAuth", "namespace Acme { public partial struct Holder { " + Attribute + " public partial class StructNestedAuth { } } }"),
            new Placement("internal class", "Acme.InternalAuth", "namespace Acme { " + Attribute + " internal partial class InternalAuth { } }"),
            new Placement("class named with a keyword", "Acme.event", "namespace Acme { " + Attribute + " public partial class @event { } }"),
        }.ToDictionary(placement => placement.Name);

        public static TheoryData<string, LanguageVersion> PlacementCases()
        {
            var data = new TheoryData<string, LanguageVersion>();
            foreach (var placement in Placements.Values)
            {
                foreach (var languageVersion in new[] { LanguageVersion.CSharp7_3, LanguageVersion.Latest })
                {
                    if (languageVersion >= placement.MinimumLanguageVersion)
                    {
                        data.Add(placement.Name, languageVersion);
                    }
                }
            }

            return data;
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.CSharp8)]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.CSharp10)]
        [InlineData(LanguageVersion.CSharp11)]
        [InlineData(LanguageVersion.CSharp12)]
        [InlineData(LanguageVersion.Latest)]
        [InlineData(LanguageVersion.Preview)]
        public void Seeds_compile_cleanly_at_every_language_version(LanguageVersion languageVersion)
        {
            var result = GeneratorHarness.Run(SeedsFor(languageVersion), languageVersion);

            AssertCompilesCleanly(result, SeedProviderCount);
        }

        [Theory]
        [InlineData(NullableContextOptions.Disable)]
        [InlineData(NullableContextOptions.Warnings)]
        [InlineData(NullableContextOptions.Annotations)]
        [InlineData(NullableContextOptions.Enable)]
        public void Seeds_compile_cleanly_in_every_project_nullable_context(NullableContextOptions nullableContext)
        {
            // Outside an annotations context the user's own `string?` would warn (CS8632), so those projects write `string`.
            var seeds = nullableContext.AnnotationsEnabled() ? SeedSource.Declarations : WithoutNullableReferences(SeedSource.Declarations);

            var result = RunWithNullableContext(seeds, nullableContext);

            AssertCompilesCleanly(result, SeedProviderCount);
        }

        [Theory]
        [MemberData(nameof(PlacementCases))]
        public void Provider_compiles_cleanly_wherever_it_is_declared(string placementName, LanguageVersion languageVersion)
        {
            var placement = Placements[placementName];

            var result = GeneratorHarness.Run("using OAuthGen;\n" + placement.Source, languageVersion, PlacementToken);

            AssertCompilesCleanly(result, expectedSources: 1);
            var type = GeneratedType(result, placement.MetadataName);
            Assert.Equal(
                new[] { "CreateAuthorizationRequest", "CreateAuthorizationRequestAsync", "ExchangeAuthorizationCodeAsync", "Options", "Provider", "RefreshTokenAsync", "RequestClientCredentialsTokenAsync", "RequestPasswordTokenAsync" },
                type.GetMembers().Where(member => member.DeclaredAccessibility == Accessibility.Public && !member.IsImplicitlyDeclared && member is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.PropertyGet })
                    .Select(member => member.Name).Distinct().OrderBy(name => name, StringComparer.Ordinal));
            Assert.Equal(2, type.InstanceConstructors.Count(constructor => !constructor.IsImplicitlyDeclared));
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public void Token_with_every_field_type_compiles_cleanly(LanguageVersion languageVersion)
        {
            var nullableReference = languageVersion >= LanguageVersion.CSharp8 ? "?" : string.Empty;
            var token = $@"
using System;
using OAuthGen;
namespace Acme
{{
    [OAuthProvider(""https://id.example/token"", TokenType = typeof(EveryFieldToken))]
    public partial class EveryFieldAuth {{ }}

    public class EveryFieldToken : OAuthToken
    {{
        [OAuthField(""s"")] public string Text {{ get; set; }} = """";
        [OAuthField(""i"")] public int Count {{ get; set; }}
        [OAuthField(""a"")] public string[] Tags {{ get; set; }} = new string[0];
        [OAuthField(""b"")] public bool Flag {{ get; set; }}
        [OAuthField(""l"")] public long Big {{ get; set; }}
        [OAuthField(""d"")] public double Ratio {{ get; set; }}
        [OAuthField(""t"")] public TimeSpan Lifetime {{ get; set; }}
        [OAuthField(""o"")] public DateTimeOffset IssuedAt {{ get; set; }}
        [OAuthField(""ns"")] public string{nullableReference} MaybeText {{ get; set; }}
        [OAuthField(""ni"")] public int? MaybeCount {{ get; set; }}
        [OAuthField(""na"")] public string[]{nullableReference} MaybeTags {{ get; set; }}
        [OAuthField(""nb"")] public bool? MaybeFlag {{ get; set; }}
        [OAuthField(""nl"")] public long? MaybeBig {{ get; set; }}
        [OAuthField(""nd"")] public double? MaybeRatio {{ get; set; }}
        [OAuthField(""nt"")] public TimeSpan? MaybeLifetime {{ get; set; }}
        [OAuthField(""no"")] public DateTimeOffset? MaybeIssuedAt {{ get; set; }}
    }}
}}";
            var result = GeneratorHarness.Run(token, languageVersion);

            AssertCompilesCleanly(result, expectedSources: 1);
            var assignments = Regex.Matches(result.SingleSource, @"^\s*(\w+) = fields\.Get\w+\(\d+\)", RegexOptions.Multiline)
                .Select(match => match.Groups[1].Value);
            Assert.Equal(
                new[] { "Big", "Count", "Flag", "IssuedAt", "Lifetime", "MaybeBig", "MaybeCount", "MaybeFlag", "MaybeIssuedAt", "MaybeLifetime", "MaybeRatio", "MaybeTags", "MaybeText", "Ratio", "Tags", "Text" },
                assignments.OrderBy(name => name, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.Latest)]
        public void Generated_public_members_are_documented(LanguageVersion languageVersion)
        {
            var result = RunWithDocumentationDiagnosed(Documented(SeedsFor(languageVersion)), languageVersion);

            AssertCompilesCleanly(result, SeedProviderCount);
        }

        [Fact]
        public void Documentation_check_reports_an_undocumented_public_member()
        {
            // The control for the test above: with this setup CS1591 does fire, on an undocumented member of the user.
            var source = Documented(SeedSource.Declarations) + "\n/// <summary>Documented.</summary>\npublic class Control { public void Undocumented() { } }\n";

            var result = RunWithDocumentationDiagnosed(source, LanguageVersion.Latest);

            Assert.Contains(result.AllProblems(), problem =>
                problem.Id == "CS1591" && problem.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Control.Undocumented()"));
        }

        private static GeneratorResult RunWithDocumentationDiagnosed(string source, LanguageVersion languageVersion) =>
            GeneratorHarness.Run(Compile(new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose), source));

        private sealed record Placement(string Name, string MetadataName, string Source, LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp7_3);
    }
}
