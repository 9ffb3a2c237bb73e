using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH004: a provider class the generator cannot extend (static, generic, record, primary constructor, file-local).</summary>
    public class OAUTH004Tests
    {
        [Fact]
        public async Task Fires_on_static()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public {|OAUTH004:static|} partial class ExampleAuth { }
                """);

            AssertReason(diagnostics, "is static");
        }

        [Fact]
        public async Task Fires_on_a_class_named_like_the_generated_provider_property()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public partial class {|OAUTH004:Provider|} { }
                """);

            Assert.Contains("because it is named 'Provider', the name of the generated property that describes it; rename the class", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_the_type_parameters_of_a_generic_class()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public partial class ExampleAuth{|OAUTH004:<T>|} { }
                """);

            AssertReason(diagnostics, "is generic");
        }

        [Fact]
        public async Task Fires_on_a_primary_constructor()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public partial class ExampleAuth{|OAUTH004:(string name)|}
                {
                    public string Name => name;
                }
                """);

            AssertReason(diagnostics, "has a primary constructor");
        }

        [Fact]
        public async Task Fires_on_a_record()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public partial {|OAUTH004:record|} ExampleAuth;
                """);

            AssertReason(diagnostics, "is a record");
        }

        [Fact]
        public async Task Fires_on_file()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                {|OAUTH004:file|} partial class ExampleAuth { }
                """);

            AssertReason(diagnostics, "is file-local");
        }

        [Fact]
        public async Task Fires_on_the_file_keyword_of_a_file_local_type_around_the_class()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                {|OAUTH004:file|} partial class Outer
                {
                    [OAuthProvider("https://auth.example/token")]
                    public partial class ExampleAuth { }
                }
                """);

            Assert.Contains("because it is inside the file-local type 'Outer'; ", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Is_silent_on_a_class_nested_in_a_generic_type_and_on_an_abstract_class()
        {
            // The generated part repeats the containing type's parameters; an abstract provider is a base for others.
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public partial class Outer<T>
                {
                    [OAuthProvider("https://auth.example/token")]
                    public partial class ExampleAuth { }
                }

                [OAuthProvider("https://auth.example/token")]
                public abstract partial class BaseProvider { }
                """);
        }

        private static void AssertReason(IReadOnlyList<Diagnostic> diagnostics, string reason) =>
            Assert.Equal(
                "OAuthGen generates nothing for 'ExampleAuth' because it " + reason + "; declare the provider as a plain partial class (not static, generic, file-local or a record, and without a primary constructor)",
                diagnostics.Single().GetMessage());
    }
}
