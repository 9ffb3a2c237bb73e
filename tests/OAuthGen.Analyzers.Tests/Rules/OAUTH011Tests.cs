using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.CodeFixes;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH011: the authorization code grant with UsePkce = false (RFC 9700 §2.1.1).</summary>
    public class OAUTH011Tests
    {
        [Fact]
        public async Task Fires_on_UsePkce_false()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token",
                    Grants = OAuthGrant.AuthorizationCode,
                    AuthorizationEndpoint = "https://auth.example/authorize",
                    {|OAUTH011:UsePkce = false|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "The authorization code grant is declared with PKCE turned off; remove 'UsePkce = false' (RFC 9700 §2.1.1, RFC 7636)",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Is_silent_with_PKCE_or_without_the_authorization_code_grant()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://auth.example/authorize", UsePkce = true)]
                public partial class WithPkce { }

                [OAuthProvider("https://auth.example/token", UsePkce = false)]
                public partial class Machine { }
                """);
        }

        [Fact]
        public async Task Code_fix_removes_the_last_argument_and_its_comma()
        {
            await CodeFixVerifier.VerifyAsync<EnablePkceCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token",
                    Grants = OAuthGrant.AuthorizationCode,
                    AuthorizationEndpoint = "https://auth.example/authorize",
                    {|OAUTH011:UsePkce = false|})]
                public partial class ExampleAuth { }
                """, """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token",
                    Grants = OAuthGrant.AuthorizationCode,
                    AuthorizationEndpoint = "https://auth.example/authorize")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_removes_an_argument_in_the_middle_of_a_line()
        {
            await CodeFixVerifier.VerifyAsync<EnablePkceCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, {|OAUTH011:UsePkce = false|}, AuthorizationEndpoint = "https://auth.example/authorize")]
                public partial class ExampleAuth { }
                """, """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://auth.example/authorize")]
                public partial class ExampleAuth { }
                """);
        }
    }
}
