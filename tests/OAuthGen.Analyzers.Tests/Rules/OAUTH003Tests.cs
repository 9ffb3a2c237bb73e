using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.CodeFixes;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH003: the provider class, or a type containing it, is not partial.</summary>
    public class OAUTH003Tests
    {
        [Fact]
        public async Task Fires_on_the_name_of_a_class_that_is_not_partial()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public class {|OAUTH003:ExampleAuth|} { }
                """);

            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal("Add 'partial' to 'ExampleAuth': OAuthGen writes the client of 'ExampleAuth' in another part of it, and generates nothing without 'partial'", diagnostic.GetMessage());
        }

        [Fact]
        public async Task Fires_on_the_name_of_a_containing_type_that_is_not_partial()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public partial class Outer
                {
                    public static class {|OAUTH003:Middle|}
                    {
                        [OAuthProvider("https://auth.example/token")]
                        public partial class ExampleAuth { }
                    }
                }
                """);

            Assert.StartsWith("Add 'partial' to 'Middle': OAuthGen writes the client of 'ExampleAuth'", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Is_silent_on_partial_classes_in_partial_types()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public partial struct Outer
                {
                    internal partial record Inner
                    {
                        [OAuthProvider("https://auth.example/token")]
                        internal sealed partial class ExampleAuth { }
                    }
                }
                """);
        }

        [Fact]
        public async Task Code_fix_puts_partial_right_before_class()
        {
            await CodeFixVerifier.VerifyAsync<AddPartialCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public sealed class {|OAUTH003:ExampleAuth|} { }
                """, """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public sealed partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_keeps_the_indentation_of_a_class_without_modifiers()
        {
            await CodeFixVerifier.VerifyAsync<AddPartialCodeFixProvider>("""
                using OAuthGen;

                namespace Sample
                {
                    [OAuthProvider("https://auth.example/token")]
                    class {|OAUTH003:ExampleAuth|}
                    {
                    }
                }
                """, """
                using OAuthGen;

                namespace Sample
                {
                    [OAuthProvider("https://auth.example/token")]
                    partial class ExampleAuth
                    {
                    }
                }
                """);
        }

        [Fact]
        public async Task Code_fix_makes_the_containing_type_partial()
        {
            await CodeFixVerifier.VerifyAsync<AddPartialCodeFixProvider>("""
                using OAuthGen;

                public static class {|OAUTH003:Providers|}
                {
                    [OAuthProvider("https://auth.example/token")]
                    public partial class ExampleAuth { }
                }
                """, """
                using OAuthGen;

                public static partial class Providers
                {
                    [OAuthProvider("https://auth.example/token")]
                    public partial class ExampleAuth { }
                }
                """);
        }
    }
}
