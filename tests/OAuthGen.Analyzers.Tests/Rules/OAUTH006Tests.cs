using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.CodeFixes;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH006: plain http to a host that is not loopback.</summary>
    public class OAUTH006Tests
    {
        [Fact]
        public async Task Fires_on_http_endpoints()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider({|OAUTH006:"http://auth.example/token"|},
                    Grants = OAuthGrant.AuthorizationCode,
                    AuthorizationEndpoint = {|OAUTH006:"HTTP://auth.example/authorize"|},
                    RevocationEndpoint = {|OAUTH006:"http://10.0.0.8/revoke"|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "The token endpoint 'http://auth.example/token' uses plain http to a host that is not loopback, so credentials and tokens cross the network in clear text; use https (RFC 6749 §3.1, §3.2)",
                diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().GetMessage());
        }

        [Theory]
        [InlineData("http://localhost:5000/token")]
        [InlineData("http://127.0.0.1/token")]
        [InlineData("http://[::1]:8080/token")]
        [InlineData("http://auth.localhost/token")]
        [InlineData("https://auth.example/token")]
        // Service discovery's forms: a logical name, checked by the runtime at the address it resolves to.
        [InlineData("http://identity/token")]
        [InlineData("https+http://identity/token")]
        public async Task Is_silent_on_loopback_and_https(string endpoint)
        {
            await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("{{endpoint}}")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_switches_the_scheme_to_https()
        {
            await CodeFixVerifier.VerifyAsync<UseHttpsCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider({|OAUTH006:"http://auth.example/token"|}, Scope = "read")]
                public partial class ExampleAuth { }
                """, """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Scope = "read")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_keeps_a_verbatim_literal_verbatim()
        {
            await CodeFixVerifier.VerifyAsync<UseHttpsCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = {|OAUTH006:@"http://auth.example/authorize"|})]
                public partial class ExampleAuth { }
                """, """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = @"https://auth.example/authorize")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_leaves_a_constant_defined_elsewhere_alone()
        {
            await CodeFixVerifier.VerifyNoFixAsync<UseHttpsCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider({|OAUTH006:Endpoints.Token|})]
                public partial class ExampleAuth { }

                public static class Endpoints
                {
                    public const string Token = "http://auth.example/token";
                }
                """);
        }
    }
}
