using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace OAuthGen.Tests.Fuzzing
{
    /// <summary>
    /// A seeded sample of the token-response fuzzing that benchmarks/OAuthGen.Fuzz runs at 100,000 inputs: only a token
    /// or an OAuthException, exact answers where the input is known to be valid, bounded allocation.
    /// </summary>
    public class ResponseFuzzTests(ITestOutputHelper output)
    {
        public const int Inputs = 5_000;

        [Fact]
        public void Every_edge_value_in_every_field_gives_a_token_or_an_OAuthException()
        {
            var target = new ResponseFuzzTarget();
            var inputs = 0;

            foreach (var input in ResponseFuzzer.EdgeCases())
            {
                target.Run(input);
                inputs++;
            }

            output.WriteLine($"{inputs} edge cases: " + string.Join(", ", target.Counts.Select(c => c.Value + " " + c.Key)));
            Assert.True(target.Failures.Count == 0, string.Join("\n\n", target.Failures));
        }

        [Theory]
        [InlineData(20261122)]
        [InlineData(7)]
        public void Fuzzed_answers_give_a_token_or_an_OAuthException_and_nothing_else(int seed)
        {
            var fuzzer = new ResponseFuzzer(seed);
            var target = new ResponseFuzzTarget();

            for (var i = 0; i < Inputs; i++)
            {
                target.Run(fuzzer.Next());
            }

            foreach (var count in target.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"{count.Value,6}  {count.Key}");
            }

            output.WriteLine($"peak reader allocation: {target.PeakAllocation.Allocated} bytes for a {target.PeakAllocation.InputBytes}-byte input");
            Assert.True(target.Failures.Count == 0, string.Join("\n\n", target.Failures));
            Assert.Equal(Inputs, target.Counts.Values.Sum());
            // Both outcomes occur, and the oracle cases were exercised.
            Assert.Contains(target.Counts, c => c.Key == "Token valid-token" && c.Value > 100);
            Assert.Contains(target.Counts, c => c.Key == "OAuthException provider-error" && c.Value > 50);
        }
    }
}
