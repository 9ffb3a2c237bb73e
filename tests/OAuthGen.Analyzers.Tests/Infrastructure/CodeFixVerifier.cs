using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>Code fixes on Microsoft.CodeAnalysis.Testing: each marked diagnostic fixed, then Fix All in document, project and solution (batch).</summary>
    internal static class CodeFixVerifier
    {
        /// <summary>
        /// Fixes the marked diagnostics of <paramref name="markup"/> with <typeparamref name="TFix"/> and asserts the exact text
        /// after it; the harness also checks that every diagnostic left is marked in <paramref name="expected"/> and that
        /// fixing all of them at once gives the same text.
        /// </summary>
        public static Task VerifyAsync<TFix>(string markup, string expected)
            where TFix : CodeFixProvider, new() =>
            new OAuthGenCodeFixTest<TFix> { TestCode = markup, FixedCode = expected }.RunAsync();

        /// <summary>Asserts that <typeparamref name="TFix"/> offers nothing for the marked diagnostic (a value it cannot rewrite).</summary>
        public static Task VerifyNoFixAsync<TFix>(string markup)
            where TFix : CodeFixProvider, new() =>
            new OAuthGenCodeFixTest<TFix> { TestCode = markup, FixedCode = markup }.RunAsync();
    }
}
