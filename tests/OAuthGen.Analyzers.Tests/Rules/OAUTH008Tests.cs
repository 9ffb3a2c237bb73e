using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH008: the client credentials grant with ClientAuthMethod.None (RFC 6749 §4.4).</summary>
    public class OAUTH008Tests
    {
        [Fact]
        public async Task Fires_on_ClientAuth_None_with_the_default_grant()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = {|OAUTH008:ClientAuthMethod.None|})]
                public partial class ExampleAuth { }
                """);

            Assert.Contains("use ClientSecretBasic (the default), ClientSecretPost or a JWT method (RFC 6749 §4.4)", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_ClientAuth_None_with_client_credentials_among_other_grants()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token",
                    Grants = OAuthGrant.ClientCredentials | OAuthGrant.RefreshToken,
                    ClientAuth = {|OAUTH008:ClientAuthMethod.None|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_for_a_public_client_with_the_authorization_code_grant()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token",
                    Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
                    AuthorizationEndpoint = "https://auth.example/authorize",
                    ClientAuth = ClientAuthMethod.None)]
                public partial class ExampleAuth { }
                """);
        }
    }
}
