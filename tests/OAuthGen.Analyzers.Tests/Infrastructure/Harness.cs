using System;
using Microsoft.CodeAnalysis.Testing;
using OAuthGen.Generator;
using OAuthGen.Testing;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>What <see cref="OAuthGenAnalyzerTest"/> and <see cref="OAuthGenCodeFixTest{TFix}"/> share.</summary>
    internal static class Harness
    {
        /// <summary>No reference package: the references are <see cref="TestCompilations.References"/>.</summary>
        public static readonly ReferenceAssemblies NoPackages = new ReferenceAssemblies("net10.0");

        public static readonly Type[] Generators = { typeof(OAuthProviderGenerator) };

        public static void Configure<TVerifier>(AnalyzerTest<TVerifier> test, SolutionState state)
            where TVerifier : IVerifier, new()
        {
            test.ReferenceAssemblies = NoPackages;
            state.AdditionalReferences.AddRange(TestCompilations.References);
            // The generated code is checked by the generator tests and their baselines; here it only has to compile.
            test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            // OAUTH013 to OAUTH015 are reported by two analyzers with one descriptor each time.
            test.MarkupOptions |= MarkupOptions.UseFirstDescriptor;
        }
    }
}
