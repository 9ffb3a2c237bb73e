using System;
using System.Collections.Immutable;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OAuthGen.Generator;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Model;
using OAuthGen.Testing;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>
    /// A metadata document bound to a provider class (<c>&lt;AdditionalFiles Include="idp.json" OAuthGenProvider="Idp" /&gt;</c>)
    /// gives the generated client its endpoints at compile time; a broken one never breaks the generator; and the
    /// documents take part in the incremental pipeline without making unrelated edits redo anything.
    /// </summary>
    public sealed class MetadataDocumentGenerationTests
    {
        private const string Document = """
            {
              "issuer": "https://id.example/realms/main",
              "authorization_endpoint": "https://id.example/realms/main/protocol/openid-connect/auth",
              "token_endpoint": "https://id.example/realms/main/protocol/openid-connect/token",
              "device_authorization_endpoint": "https://id.example/realms/main/protocol/openid-connect/auth/device",
              "revocation_endpoint": "https://id.example/realms/main/protocol/openid-connect/revoke",
              "introspection_endpoint": "https://id.example/realms/main/protocol/openid-connect/token/introspect",
              "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"],
              "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"]
            }
            """;

        private const string Declaration = """
            using OAuthGen;

            namespace App
            {
                [OAuthProvider(Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken)]
                public partial class Idp { }

                [OAuthProvider("https://other.example/token", Grants = OAuthGrant.ClientCredentials)]
                public partial class Other { }
            }
            """;

        private const string UnrelatedFile = "namespace App.Unrelated { public static class Arithmetic { public static int Add(int a, int b) { return a + b; } } }";

        private static readonly IncrementalStepRunReason[] CachedOrUnchanged = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

        [Fact]
        public void The_generated_client_takes_every_endpoint_from_the_document()
        {
            var result = Run(Declaration, new MetadataFile("idp.json", Document, "App.Idp"));

            GeneratorTestKit.AssertCompilesCleanly(result.Result, expectedSources: 2);
            var spec = Specs(result.Driver).Single(candidate => candidate.TypeName == "Idp");
            Assert.Equal("https://id.example/realms/main/protocol/openid-connect/token", spec.TokenEndpoint);
            Assert.Equal("https://id.example/realms/main/protocol/openid-connect/auth", spec.AuthorizationEndpoint);
            Assert.Equal("https://id.example/realms/main/protocol/openid-connect/auth/device", spec.DeviceAuthorizationEndpoint);
            Assert.Equal("https://id.example/realms/main/protocol/openid-connect/revoke", spec.RevocationEndpoint);
            Assert.Equal("https://id.example/realms/main/protocol/openid-connect/token/introspect", spec.IntrospectionEndpoint);
            Assert.Null(spec.MetadataAddress);
            var generated = result.Result.RunResult.Results.Single().GeneratedSources.Single(source => source.HintName.StartsWith("App.Idp.", StringComparison.Ordinal)).SourceText.ToString();
            Assert.Contains("\"https://id.example/realms/main/protocol/openid-connect/token\"", generated);
            Assert.Contains("\"https://id.example/realms/main/protocol/openid-connect/auth\"", generated);
        }

        [Fact]
        public void The_attribute_wins_over_the_document_for_an_endpoint_it_sets()
        {
            const string declaration = """
                using OAuthGen;

                [OAuthProvider("https://gateway.example/token", Grants = OAuthGrant.ClientCredentials, RevocationEndpoint = "https://gateway.example/revoke")]
                public partial class Idp { }
                """;

            var result = Run(declaration, new MetadataFile("idp.json", Document, "Idp"));

            var spec = Specs(result.Driver).Single();
            Assert.Equal("https://gateway.example/token", spec.TokenEndpoint);
            Assert.Equal("https://gateway.example/revoke", spec.RevocationEndpoint);
            Assert.Equal("https://id.example/realms/main/protocol/openid-connect/token/introspect", spec.IntrospectionEndpoint);
        }

        [Fact]
        public void Without_OAuthGenProvider_a_file_is_no_document_and_the_class_without_endpoint_is_skipped()
        {
            var result = Run(Declaration, new MetadataFile("idp.json", Document, boundTo: null));

            Assert.DoesNotContain(Specs(result.Driver), spec => spec.TypeName == "Idp");
            Assert.Single(Specs(result.Driver));
        }

        [Theory]
        [InlineData("")]
        [InlineData("{")]
        [InlineData("null")]
        [InlineData("{\"token_endpoint\": \"https://id.example/token\", \"token_endpoint\": \"https://evil.example/token\"}")]
        [InlineData("{\"token_endpoint\": {\"url\": \"https://id.example/token\"}}")]
        [InlineData("{\"token_endpoint\": \"javascript:alert(1)\"}")]
        [InlineData("{\"token_endpoint\": \"https://id.example/\\u0000token\"}")]
        [InlineData("\"\\ud800\"")]
        public void A_broken_document_skips_its_class_with_an_Error_and_nothing_else(string text)
        {
            var files = new[] { new MetadataFile("idp.json", text, "App.Idp") };

            var result = Run(Declaration, files);

            Assert.Null(result.Result.RunResult.Results.Single().Exception);
            Assert.Equal(new[] { "Other" }, Specs(result.Driver).Select(spec => spec.TypeName));
            Assert.Empty(SkipInvariant.Violations(GeneratorHarness.Compile(Declaration), Texts(files), new MetadataFile.Options(files)));
        }

        [Fact]
        public void Nesting_as_deep_as_the_text_allows_is_refused_without_overflowing_the_stack()
        {
            var text = "{\"token_endpoint\": \"https://id.example/token\", \"x\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

            var document = MetadataDocuments.Parse("/docs/idp.json", "Idp", text);

            Assert.StartsWith("is not JSON: objects and arrays nest deeper than 32 levels", document.Problem);
        }

        [Fact]
        public void Any_text_as_a_document_keeps_the_generator_and_the_invariant_whole()
        {
            var compilation = GeneratorHarness.Compile(Declaration);
            var documentChars = Gen.OneOf(Gen.Char["{}[]\":,.0123456789-eE tfnrul\\/"], Gen.Char.AlphaNumeric, Gen.Char);
            var text = Gen.OneOf(
                documentChars.Array[0, 80].Select(chars => new string(chars)),
                Gen.Int[0, Document.Length - 1].Select(cut => Document.Substring(0, cut)),
                Gen.Int[0, Document.Length - 1].SelectMany(at => Gen.Char.Select(c => Document.Substring(0, at) + c + Document.Substring(at + 1))));

            text.Sample(candidate =>
            {
                var files = new[] { new MetadataFile("idp.json", candidate, "App.Idp") };
                var document = MetadataDocuments.Parse(files[0].Path, "App.Idp", candidate);
                Assert.True(document.Problem is null == (document.TokenEndpoint is not null), "a document is either usable with a token endpoint or refused");
                Assert.Empty(SkipInvariant.Violations(compilation, Texts(files), new MetadataFile.Options(files)));
            }, iter: 150);
        }

        [Fact]
        public void An_unrelated_source_edit_reuses_every_step()
        {
            var files = new[] { new MetadataFile("idp.json", Document, "App.Idp") };
            var (driver, compilation) = RunOnce(files);

            var edited = compilation.ReplaceSyntaxTree(
                compilation.SyntaxTrees.Single(tree => tree.ToString().Contains("Arithmetic")),
                CSharpSyntaxTree.ParseText(UnrelatedFile.Replace("a + b", "b + a"), (CSharpParseOptions)compilation.SyntaxTrees.First().Options));

            AssertNothingWasRedone(driver.RunGenerators(edited));
        }

        [Fact]
        public void An_edit_to_an_unbound_additional_file_reuses_every_provider()
        {
            var unbound = new MetadataFile("appsettings.json", "{ \"Logging\": {} }", boundTo: null);
            var files = new[] { new MetadataFile("idp.json", Document, "App.Idp"), unbound };
            var texts = Texts(files);
            var compilation = GeneratorHarness.Compile(Declaration, LanguageVersion.Latest, UnrelatedFile);
            var driver = CreateDriver(compilation, texts, new MetadataFile.Options(files)).RunGenerators(compilation);

            var edited = driver.ReplaceAdditionalText(texts[1], new MetadataFile.Text(unbound.WithText("{ \"Logging\": { \"LogLevel\": {} } }")));

            AssertNothingWasRedone(edited.RunGenerators(compilation));
        }

        [Fact]
        public void An_edit_to_the_bound_document_redoes_its_provider_only()
        {
            var bound = new MetadataFile("idp.json", Document, "App.Idp");
            var texts = Texts(new[] { bound });
            var compilation = GeneratorHarness.Compile(Declaration, LanguageVersion.Latest, UnrelatedFile);
            var driver = CreateDriver(compilation, texts, new MetadataFile.Options(new[] { bound })).RunGenerators(compilation);

            var edited = bound.WithText(Document.Replace("openid-connect/token\"", "openid-connect/token2\""));
            var result = driver.ReplaceAdditionalText(texts[0], new MetadataFile.Text(edited)).RunGenerators(compilation).GetRunResult().Results.Single();

            var outputs = result.TrackedSteps[TrackingNames.ProviderSpecs].SelectMany(step => step.Outputs).ToArray();
            var idp = outputs.Single(output => ((ProviderSpec)output.Value).TypeName == "Idp");
            Assert.Equal(IncrementalStepRunReason.Modified, idp.Reason);
            Assert.Equal("https://id.example/realms/main/protocol/openid-connect/token2", ((ProviderSpec)idp.Value).TokenEndpoint);
            Assert.Contains(outputs.Single(output => ((ProviderSpec)output.Value).TypeName == "Other").Reason, CachedOrUnchanged);
        }

        private static ImmutableArray<AdditionalText> Texts(MetadataFile[] files) =>
            files.Select(file => (AdditionalText)new MetadataFile.Text(file)).ToImmutableArray();

        private static GeneratorDriver CreateDriver(CSharpCompilation compilation, ImmutableArray<AdditionalText> texts, MetadataFile.Options options) =>
            CSharpGeneratorDriver.Create(
                new[] { new OAuthProviderGenerator().AsSourceGenerator() },
                texts,
                (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
                options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        private static (GeneratorResult Result, GeneratorDriver Driver) Run(string declaration, params MetadataFile[] files)
        {
            var compilation = GeneratorHarness.Compile(declaration);
            var driver = CreateDriver(compilation, Texts(files), new MetadataFile.Options(files))
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            return (new GeneratorResult(compilation, (CSharpCompilation)output, driver.GetRunResult(), diagnostics), driver);
        }

        private static ProviderSpec[] Specs(GeneratorDriver driver) =>
            driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.ProviderSpecs]
                .SelectMany(step => step.Outputs).Select(output => (ProviderSpec)output.Value).ToArray();

        private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce(MetadataFile[] files)
        {
            var compilation = GeneratorHarness.Compile(Declaration, LanguageVersion.Latest, UnrelatedFile);
            var driver = CreateDriver(compilation, Texts(files), new MetadataFile.Options(files)).RunGenerators(compilation);
            Assert.Equal(2, driver.GetRunResult().Results.Single().GeneratedSources.Length);
            return (driver, compilation);
        }

        private static void AssertNothingWasRedone(GeneratorDriver driver)
        {
            var result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            Assert.Equal(2, result.GeneratedSources.Length);
            Assert.All(result.TrackedSteps[TrackingNames.ProviderSpecs].SelectMany(step => step.Outputs), output => Assert.Contains(output.Reason, CachedOrUnchanged));
            Assert.All(result.TrackedOutputSteps["SourceOutput"].SelectMany(step => step.Outputs), output => Assert.Contains(output.Reason, CachedOrUnchanged));
        }
    }
}
