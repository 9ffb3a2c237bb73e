using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OAuthGen.Generator;
using OAuthGen.Generator.Model;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>
    /// Edits that do not touch a provider declaration must not make the generator redo its work: every tracked step
    /// and every source output is Cached or Unchanged. And the pipeline model holds no symbol or syntax, which
    /// would keep compilations alive and defeat the caching.
    /// </summary>
    public sealed class IncrementalityTests
    {
        private const string SourceOutput = "SourceOutput";
        private const string ProviderFilePath = "Source0.cs";
        private const string UnrelatedFilePath = "Source1.cs";

        private const string UnrelatedFile = @"
namespace Acme.Unrelated
{
    public static class Arithmetic
    {
        public static int Add(int a, int b) { return a + b; }
    }
}";

        private const string MethodInProvider = "public partial class PoderoAuth { private static int Answer() { return 41; } }";

        private static readonly IncrementalStepRunReason[] CachedOrUnchanged = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

        /// <summary>The seeds, with a method body inside one of the provider classes to edit.</summary>
        private static string ProviderFile { get; } = WithMethodInPodero(SeedSource.Declarations);

        [Fact]
        public void Adding_an_unrelated_file_reuses_every_step()
        {
            var (driver, compilation) = RunOnce();

            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Acme.More { public class Added { } }", ParseOptions(compilation), "Added.cs"));

            AssertNothingWasRedone(driver.RunGenerators(edited));
        }

        [Fact]
        public void Editing_an_unrelated_file_reuses_every_step()
        {
            var (driver, compilation) = RunOnce();

            var edited = Edit(compilation, UnrelatedFilePath, "return a + b;", "return b + a;");

            AssertNothingWasRedone(driver.RunGenerators(edited));
        }

        [Fact]
        public void Editing_a_method_body_in_a_provider_file_reuses_every_step()
        {
            var (driver, compilation) = RunOnce();

            var edited = Edit(compilation, ProviderFilePath, "return 41;", "return 42;");

            AssertNothingWasRedone(driver.RunGenerators(edited));
        }

        [Fact]
        public void Changing_one_endpoint_redoes_that_provider_only()
        {
            var (driver, compilation) = RunOnce();

            var edited = Edit(compilation, ProviderFilePath, "\"https://api.afero.io/oauth/token\"", "\"https://api.afero.io/oauth2/token\"");

            var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
            foreach (var stepName in new[] { TrackingNames.ProviderSpecs })
            {
                var outputs = Outputs(result, stepName);
                Assert.Equal(5, outputs.Count(output => output.Value is ProviderSpec));
                foreach (var (value, reason) in outputs.Where(output => output.Value is ProviderSpec))
                {
                    var spec = (ProviderSpec)value;
                    if (spec.TypeName == "AferoAuth")
                    {
                        Assert.Equal(IncrementalStepRunReason.Modified, reason);
                        Assert.Equal("https://api.afero.io/oauth2/token", spec.TokenEndpoint);
                    }
                    else
                    {
                        Assert.Contains(reason, CachedOrUnchanged);
                    }
                }
            }

            var sourceOutputs = result.TrackedOutputSteps[SourceOutput].SelectMany(step => step.Outputs).ToArray();
            Assert.Equal(5, sourceOutputs.Length);
            Assert.Single(sourceOutputs, output => output.Reason == IncrementalStepRunReason.Modified);
            Assert.Equal(4, sourceOutputs.Count(output => CachedOrUnchanged.Contains(output.Reason)));
            Assert.Contains("https://api.afero.io/oauth2/token", result.GeneratedSources.Single(source => source.HintName.Contains("AferoAuth")).SourceText.ToString());
        }

        [Fact]
        public void Pipeline_model_holds_no_symbol_syntax_or_compilation()
        {
            const string nested = @"
using OAuthGen;
namespace Acme
{
    public partial class Outer<T>
    {
        [OAuthProvider(""https://id.example/token"", TokenType = typeof(Tok))]
        [OAuthHeader(""X-Api"", ""1"")]
        [OAuthParameter(""audience"", ""api"")]
        public partial class Inner { }
    }

    public class Tok : OAuthToken { [OAuthField(""n"")] public int N { get; set; } }
}";
            var compilation = GeneratorHarness.Compile(ProviderFile, LanguageVersion.Latest, nested);
            var result = GeneratorHarness.CreateDriver(compilation).RunGenerators(compilation).GetRunResult().Results.Single();

            var specs = Outputs(result, TrackingNames.ProviderSpecs).Select(output => output.Value).ToArray();
            Assert.Equal(6, specs.Length);
            var visited = new HashSet<Type>();
            foreach (var spec in specs)
            {
                AssertHoldsNoCompilationState(spec, "spec", visited);
            }

            // The walk reached the nested records and the arrays' elements, not just the top level.
            Assert.Contains(typeof(ContainingTypeSpec), visited);
            Assert.Contains(typeof(NameValueSpec), visited);
            Assert.Contains(typeof(TokenTypeSpec), visited);
            Assert.Contains(typeof(TokenFieldSpec), visited);
        }

        [Fact]
        public void Model_walk_finds_a_location_hidden_in_an_array()
        {
            // The control for the walk above: a forbidden value inside an EquatableArray element is found.
            var holder = new EquatableArray<Holder>(new[] { new Holder(Location.None) });

            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertHoldsNoCompilationState(holder, "holder", new HashSet<Type>()));
        }

        private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
        {
            var compilation = GeneratorHarness.Compile(ProviderFile, LanguageVersion.Latest, UnrelatedFile);
            var driver = GeneratorHarness.CreateDriver(compilation).RunGenerators(compilation);
            var first = driver.GetRunResult().Results.Single();
            Assert.Null(first.Exception);
            Assert.Equal(5, first.GeneratedSources.Length);
            return (driver, compilation);
        }

        private static void AssertNothingWasRedone(GeneratorDriver driver)
        {
            var result = driver.GetRunResult().Results.Single();
            Assert.Null(result.Exception);
            Assert.Equal(5, result.GeneratedSources.Length);

            foreach (var stepName in new[] { TrackingNames.ProviderSpecs })
            {
                var outputs = Outputs(result, stepName);
                Assert.Equal(5, outputs.Count(output => output.Value is ProviderSpec));
                Assert.All(outputs, output => Assert.Contains(output.Reason, CachedOrUnchanged));
            }

            var sourceOutputs = result.TrackedOutputSteps[SourceOutput].SelectMany(step => step.Outputs).ToArray();
            Assert.Equal(5, sourceOutputs.Length);
            Assert.All(sourceOutputs, output => Assert.Contains(output.Reason, CachedOrUnchanged));
        }

        private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string stepName)
        {
            Assert.True(result.TrackedSteps.TryGetValue(stepName, out var steps), $"No tracked step named {stepName}.");
            return steps.SelectMany(step => step.Outputs).ToArray();
        }

        private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string oldText, string newText)
        {
            var tree = compilation.SyntaxTrees.Single(candidate => candidate.FilePath == path);
            var text = tree.GetText();
            var start = text.ToString().IndexOf(oldText, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{oldText}' is not in {path}.");
            var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(start, oldText.Length), newText)));
            return compilation.ReplaceSyntaxTree(tree, edited);
        }

        private static CSharpParseOptions ParseOptions(CSharpCompilation compilation) => (CSharpParseOptions)compilation.SyntaxTrees.First().Options;

        private static string WithMethodInPodero(string seeds)
        {
            const string podero = "public partial class PoderoAuth { }";
            Assert.Contains(podero, seeds);
            return seeds.Replace(podero, MethodInProvider);
        }

        /// <summary>Walks public properties and collection elements, failing on anything that pins a compilation.</summary>
        private static void AssertHoldsNoCompilationState(object? value, string path, HashSet<Type> visited)
        {
            if (value is null)
            {
                return;
            }

            var type = value.GetType();
            Assert.False(IsCompilationState(type), $"{path} is a {type.FullName}.");
            visited.Add(type);
            if (type.IsPrimitive || type.IsEnum || value is string)
            {
                return;
            }

            if (value is IEnumerable elements)
            {
                var index = 0;
                foreach (var element in elements)
                {
                    AssertHoldsNoCompilationState(element, $"{path}[{index++}]", visited);
                }
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.GetIndexParameters().Length == 0))
            {
                Assert.False(IsCompilationState(property.PropertyType), $"{path}.{property.Name} is declared as {property.PropertyType.FullName}.");
                AssertHoldsNoCompilationState(property.GetValue(value), path + "." + property.Name, visited);
            }
        }

        private static bool IsCompilationState(Type type) =>
            typeof(ISymbol).IsAssignableFrom(type)
            || typeof(SyntaxNode).IsAssignableFrom(type)
            || typeof(SyntaxTree).IsAssignableFrom(type)
            || typeof(Location).IsAssignableFrom(type)
            || typeof(SemanticModel).IsAssignableFrom(type)
            || typeof(Compilation).IsAssignableFrom(type);

        /// <summary>A stand-in model element that wrongly holds a Location.</summary>
        private sealed record Holder(Location Where);
    }
}
