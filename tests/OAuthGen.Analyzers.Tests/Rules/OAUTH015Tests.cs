using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.CodeFixes;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH015: scopes separated by commas.</summary>
    public class OAUTH015Tests
    {
        [Fact]
        public async Task Fires_on_the_attribute_scope()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Scope = {|OAUTH015:"read,write"|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "The scope \"read,write\" separates its scopes with commas, so the provider reads one scope; separate them with spaces: \"read write\" (RFC 6749 §3.3)",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_options_and_on_a_generated_client()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public partial class ExampleAuth { }

                public static class Use
                {
                    public static Task<OAuthToken> RunAsync(HttpClient http, string secret)
                    {
                        var options = new OAuthClientOptions { ClientId = "id", ClientSecret = secret, Scope = {|OAUTH015:"read, write"|} };
                        return new ExampleAuth(http, options).RequestClientCredentialsTokenAsync(scope: {|OAUTH015:"orders,invoices"|});
                    }
                }
                """);
        }

        [Fact]
        public async Task Is_silent_on_space_separated_scopes()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Scope = "read write")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_separates_the_scopes_with_spaces()
        {
            await CodeFixVerifier.VerifyAsync<SpaceSeparatedScopeCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Scope = {|OAUTH015:"read, write,admin"|})]
                public partial class ExampleAuth { }
                """, """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Scope = "read write admin")]
                public partial class ExampleAuth { }
                """);
        }
    }
}
