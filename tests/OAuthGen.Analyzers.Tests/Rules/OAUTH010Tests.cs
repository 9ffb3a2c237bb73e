using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH010: the password grant (RFC 9700 §2.4), an Info: seeds 000 and 002 need it.</summary>
    public class OAUTH010Tests
    {
        [Fact]
        public async Task Reports_an_info_on_the_Password_flag()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = {|OAUTH010:OAuthGrant.Password|} | OAuthGrant.RefreshToken)]
                public partial class ExampleAuth { }
                """);

            var diagnostic = diagnostics.Single();
            Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
            Assert.StartsWith("The resource owner password credentials grant must not be used (RFC 9700 §2.4)", diagnostic.GetMessage());
        }

        [Fact]
        public async Task Is_silent_without_the_password_grant()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.ClientCredentials | OAuthGrant.RefreshToken)]
                public partial class ExampleAuth { }
                """);
        }
    }
}
