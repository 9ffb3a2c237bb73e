using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OAuthGen.Generator;
using OAuthGen.Generator.Declarations;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>
    /// The generator reads the providers again only when the declarations changed (DeclarationSnapshot). These tests hold
    /// it to both halves of that: an edit the reader cannot see reads nothing again, and every kind of edit it can see,
    /// in the provider's file or anywhere else, reaches the generated code.
    /// </summary>
    public sealed class DeclarationSnapshotTests
    {
        private const string ProviderPath = "Source0.cs";
        private const string ElsewherePath = "Source1.cs";

        private const string Provider = @"
using OAuthGen;
namespace Acme
{
    [OAuthProvider(Endpoints.Token, TokenType = typeof(AcmeToken))]
    public partial class AcmeAuth
    {
        private static int Answer() { return 41; }
    }
}";

        private const string Elsewhere = @"
#nullable enable
using System;
using OAuthGen;
namespace Acme
{
    public static class Endpoints
    {
        public const string Token = ""https://id.acme.example/token"";
        public static readonly string Unused = ""not a constant"";
        public static int Compute() { return 1; }
    }

    public class AcmeToken : OAuthToken
    {
        [OAuthField(""team"")] public string? Team { get; set; }
        [OAuthField(""region"")] public string Region { get; set; } = """";
    }
}";

        [Fact]
        public void A_method_body_edit_elsewhere_reads_nothing_again()
        {
            var (driver, compilation) = RunOnce();

            var result = Rerun(driver, Edit(compilation, ElsewherePath, "return 1;", "return 2;"));

            Assert.Equal(IncrementalStepRunReason.Unchanged, Reasons(result, TrackingNames.Declarations).Single());
            Assert.All(Reasons(result, TrackingNames.ProviderSpecs), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        [Fact]
        public void A_method_body_edit_in_the_provider_reads_nothing_again()
        {
            var (driver, compilation) = RunOnce();

            var result = Rerun(driver, Edit(compilation, ProviderPath, "return 41;", "return 42;"));

            Assert.All(Reasons(result, TrackingNames.ProviderSpecs), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        [Fact]
        public void A_non_constant_initializer_edit_reads_nothing_again()
        {
            var (driver, compilation) = RunOnce();

            var result = Rerun(driver, Edit(compilation, ElsewherePath, "\"not a constant\"", "\"still not one\""));

            Assert.All(Reasons(result, TrackingNames.ProviderSpecs), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }

        [Fact]
        public void A_constant_in_another_file_reaches_the_generated_code()
        {
            var (driver, compilation) = RunOnce();

            var result = Rerun(driver, Edit(compilation, ElsewherePath, "https://id.acme.example/token", "https://login.acme.example/token"));

            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.ProviderSpecs).Single());
            Assert.Contains("https://login.acme.example/token", Source(result));
        }

        [Fact]
        public void A_field_added_to_the_token_type_in_another_file_reaches_the_generated_code()
        {
            var (driver, compilation) = RunOnce();

            var result = Rerun(driver, Edit(compilation, ElsewherePath,
                "public string? Team { get; set; }",
                "public string? Team { get; set; }\n        [OAuthField(\"instance_url\")] public string? InstanceUrl { get; set; }"));

            Assert.Contains("instance_url", Source(result));
        }

        [Fact]
        public void A_nullable_directive_change_reaches_the_generated_code()
        {
            // Directives are trivia, which the top-level comparison ignores; a field's nullability depends on them.
            var (driver, compilation) = RunOnce();
            var before = Source(driver.GetRunResult().Results.Single());

            var result = Rerun(driver, Edit(compilation, ElsewherePath, "#nullable enable", "#nullable disable"));

            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.ProviderSpecs).Single());
            Assert.NotEqual(before, Source(result));
        }

        [Fact]
        public void New_compilation_options_read_again()
        {
            var (driver, compilation) = RunOnce();

            var result = Rerun(driver, compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable)));

            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Declarations).Single());
        }

        [Fact]
        public void New_references_read_again()
        {
            var (driver, compilation) = RunOnce();
            var reference = compilation.References.First();

            var result = Rerun(driver, compilation.RemoveReferences(reference).AddReferences(reference.WithAliases(Array.Empty<string>())));

            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Declarations).Single());
        }

        [Fact]
        public void An_alias_of_the_attribute_is_found()
        {
            const string aliased = @"
using Provider = OAuthGen.OAuthProviderAttribute;
namespace Acme
{
    [Provider(""https://id.acme.example/token"")]
    public partial class AliasedAuth { }
}";
            var result = GeneratorHarness.Run(aliased);

            Assert.Null(result.Exception);
            Assert.Contains(result.Sources, source => source.HintName.Contains("AliasedAuth", StringComparison.Ordinal));
            Assert.Empty(result.NewProblems());
        }

        [Fact]
        public void The_attribute_on_one_part_of_a_partial_class_is_found_there()
        {
            const string parts = @"
using OAuthGen;
namespace Acme
{
    public partial class Outer
    {
        public partial class SplitAuth { public int Other() { return 1; } }

        [OAuthProvider(""https://id.acme.example/token"")]
        public partial class SplitAuth { }
    }
}";
            var result = GeneratorHarness.Run(parts);

            Assert.Single(result.Sources);
            Assert.Empty(result.NewProblems());
        }

        [Fact]
        public void A_snapshot_whose_compilation_was_collected_equals_no_other()
        {
            var compilation = GeneratorHarness.Compile(Provider, LanguageVersion.Latest, Elsewhere);
            var current = new DeclarationSnapshot(compilation);
            var released = new DeclarationSnapshot(compilation);
            Assert.True(DeclarationSnapshot.SameDeclarations.Equals(released, current));

            released.Release();

            Assert.False(DeclarationSnapshot.SameDeclarations.Equals(released, current));
            Assert.False(DeclarationSnapshot.SameDeclarations.Equals(current, released));
            Assert.Empty(ProviderDiscovery.ReadAll(released, default, default));
        }

        private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
        {
            var compilation = GeneratorHarness.Compile(Provider, LanguageVersion.Latest, Elsewhere);
            var driver = GeneratorHarness.CreateDriver(compilation).RunGenerators(compilation);
            var result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            Assert.Single(result.GeneratedSources);
            return (driver, compilation);
        }

        private static GeneratorRunResult Rerun(GeneratorDriver driver, Compilation edited)
        {
            var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            return result;
        }

        private static string Source(GeneratorRunResult result) => result.GeneratedSources.Single().SourceText.ToString();

        private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string stepName) =>
            result.TrackedSteps[stepName].SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray();

        private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string oldText, string newText)
        {
            var tree = compilation.SyntaxTrees.Single(candidate => candidate.FilePath == path);
            var text = tree.GetText();
            var start = text.ToString().IndexOf(oldText, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{oldText}' is not in {path}.");
            return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(start, oldText.Length), newText))));
        }
    }
}
