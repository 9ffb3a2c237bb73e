using System;
using System.Diagnostics;
using OAuthGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OAuthGen.Tests.Fuzzing
{
    /// <summary>
    /// A seeded sample of the mutation fuzzing of the generator and analyzers that benchmarks/OAuthGen.Fuzz runs at
    /// thousands of compilations: whatever the declarations look like, no exception from the generator (CS8785) or from
    /// any analyzer (AD0001).
    /// </summary>
    public class GeneratorMutationTests(ITestOutputHelper output)
    {
        public const int Mutations = 300;

        [Fact]
        public void The_seed_declarations_compile_cleanly_through_the_same_target()
        {
            var target = new GeneratorFuzzTarget();

            target.Run(SeedSource.Declarations, "unmutated");

            Assert.Empty(target.Failures);
            Assert.True(target.GeneratedSources >= 5, "the five seed providers generate code");
            Assert.True(GeneratorFuzzTarget.Analyzers.Length >= 1, "the analyzers were found by reflection");
        }

        [Fact]
        public void Mutated_declarations_never_make_the_generator_or_an_analyzer_throw()
        {
            var mutator = new DeclarationMutator(SeedSource.Declarations, seed: 20261122);
            var target = new GeneratorFuzzTarget();
            var watch = Stopwatch.StartNew();

            for (var i = 0; i < Mutations; i++)
            {
                var (source, mutations) = mutator.Next();
                target.Run(source, $"mutation {i}: {mutations}");
            }

            output.WriteLine($"{target.Compilations} compilations with {GeneratorFuzzTarget.Analyzers.Length} analyzers in {watch.Elapsed.TotalSeconds:F1} s: " +
                $"{target.GeneratedSources} generated sources, {target.AnalyzerDiagnostics} OAUTH diagnostics, {target.Failures.Count} failures");
            Assert.True(target.Failures.Count == 0, string.Join("\n\n", target.Failures));
            Assert.Equal(Mutations, target.Compilations);
        }
    }
}
