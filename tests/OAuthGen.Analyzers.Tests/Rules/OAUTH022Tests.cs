using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH022: an [OAuthProvider] that gives no token endpoint (and no metadata), is declared twice, or does not bind.</summary>
    public class OAUTH022Tests
    {
        [Theory]
        [InlineData("OAuthProvider")]
        [InlineData("OAuthProvider()")]
        [InlineData("OAuthProvider(null)")]
        [InlineData("OAuthProvider(\"\")")]
        [InlineData("OAuthProvider(\"  \")")]
        [InlineData("OAuthProvider(Grants = OAuthGrant.ClientCredentials)")]
        [InlineData("OAuthProvider(MetadataAddress = null)")]
        public async Task Fires_on_the_attribute_when_there_is_no_token_endpoint(string attribute)
        {
            var result = await AnalyzerVerifier.AnalyzeAsync(Compilations.Analyzers, Compilations.Create($$"""
                using OAuthGen;

                [{{attribute}}]
                public partial class ExampleAuth { }
                """));

            var diagnostic = Assert.Single(result.OAuthDiagnostics);
            Assert.Equal("OAUTH022", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(attribute, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
            Assert.Equal(
                "OAuthGen generates nothing for 'ExampleAuth' because its [OAuthProvider] gives no token endpoint; write it, as in [OAuthProvider(\"https://id.example/oauth/token\")], "
                + "set MetadataAddress to the provider's metadata document, or bind a copy of that document to the class (<AdditionalFiles Include=\"idp.json\" OAuthGenProvider=\"ExampleAuth\" />)",
                diagnostic.GetMessage());
            Assert.Equal(0, result.GeneratedSources);
        }

        [Theory]
        [InlineData("[OAuthProvider(\"https://a.example/token\")][OAuthProvider(\"https://b.example/token\")]", "is declared more than once (CS0579); keep one", "CS0579")]
        [InlineData("[OAuthProvider(42)]", "has arguments that do not bind to its constructor; fix the compiler errors in it", "CS1503")]
        public async Task Fires_beside_the_compiler_error_when_the_attribute_cannot_be_read(string attributes, string reason, string compilerError)
        {
            var result = await AnalyzerVerifier.AnalyzeAsync(Compilations.Analyzers, Compilations.Create($$"""
                using OAuthGen;

                {{attributes}}
                public partial class ExampleAuth { }
                """));

            var diagnostic = Assert.Single(result.OAuthDiagnostics);
            Assert.Equal("OAuthGen generates nothing for 'ExampleAuth' because its [OAuthProvider] " + reason, diagnostic.GetMessage());
            Assert.Contains(result.CompilerErrors, error => error.Id == compilerError);
            Assert.Equal(0, result.GeneratedSources);
        }

        [Theory]
        [InlineData("OAuthProvider(MetadataAddress = \"https://id.example/.well-known/openid-configuration\")")]
        [InlineData("OAuthProvider(null, MetadataAddress = \"https://id.example/.well-known/openid-configuration\")")]
        [InlineData("OAuthProvider(\"https://auth.example/token\")")]
        [InlineData("OAuthProvider(\"oauth/token\", MetadataAddress = null)")]
        public async Task Is_silent_when_a_token_endpoint_is_given_or_comes_from_the_metadata(string attribute)
        {
            await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [{{attribute}}]
                public partial class ExampleAuth { }
                """);

            var result = await AnalyzerVerifier.AnalyzeAsync(Compilations.Analyzers, Compilations.Create("using OAuthGen;\n[" + attribute + "]\npublic partial class ExampleAuth { }"));
            Assert.Equal(1, result.GeneratedSources);
            Assert.DoesNotContain(result.OAuthDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
    }
}
