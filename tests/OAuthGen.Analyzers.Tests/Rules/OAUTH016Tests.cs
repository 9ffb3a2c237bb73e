using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.CodeFixes;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH016: [OAuthHeader] on a header the client writes itself.</summary>
    public class OAUTH016Tests
    {
        [Fact]
        public async Task Fires_on_Authorization_beside_ClientSecretBasic()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthHeader({|OAUTH016:"Authorization"|}, {|OAUTH013:"Basic aWQ6c2VjcmV0"|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "[OAuthHeader(\"Authorization\")] sets a header the client writes itself: ClientAuth = ClientSecretBasic sends the client credentials in the Authorization header; remove it",
                diagnostics.Single(d => d.Id == "OAUTH016").GetMessage());
        }

        [Fact]
        public async Task Fires_on_content_and_host_headers_in_any_case()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthHeader({|OAUTH016:"Content-Type"|}, "application/json")]
                [OAuthHeader({|OAUTH016:"content-length"|}, "42")]
                [OAuthHeader({|OAUTH016:"HOST"|}, "auth.example")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_on_other_headers()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthHeader("Cache-Control", "no-cache")]
                [OAuthHeader("X-Api-Version", "2")]
                [OAuthHeader("Accept-Language", "en")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_removes_the_header()
        {
            await CodeFixVerifier.VerifyAsync<RemoveAttributeCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthHeader({|OAUTH016:"Content-Type"|}, "application/json")]
                [OAuthHeader("Cache-Control", "no-cache")]
                public partial class ExampleAuth { }
                """, """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthHeader("Cache-Control", "no-cache")]
                public partial class ExampleAuth { }
                """);
        }
    }
}
