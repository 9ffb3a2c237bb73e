using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH007: AuthorizationCode without AuthorizationEndpoint, DeviceCode without DeviceAuthorizationEndpoint.</summary>
    public class OAUTH007Tests
    {
        [Fact]
        public async Task Fires_on_the_authorization_code_grant_without_an_authorization_endpoint()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = {|OAUTH007:OAuthGrant.AuthorizationCode|} | OAuthGrant.RefreshToken)]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "The AuthorizationCode grant needs AuthorizationEndpoint, and 'ExampleAuth' declares none; set AuthorizationEndpoint on [OAuthProvider]",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_the_device_code_grant_without_a_device_authorization_endpoint_and_on_a_null_endpoint()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = {|OAUTH007:OAuthGrant.DeviceCode|})]
                public partial class DeviceProvider { }

                [OAuthProvider("https://auth.example/token", Grants = {|OAUTH007:OAuthGrant.AuthorizationCode|}, AuthorizationEndpoint = null)]
                public partial class CodeProvider { }
                """);
        }

        [Fact]
        public async Task Is_silent_when_the_endpoints_are_declared()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token",
                    Grants = OAuthGrant.AuthorizationCode | OAuthGrant.DeviceCode,
                    AuthorizationEndpoint = "https://auth.example/authorize",
                    DeviceAuthorizationEndpoint = "https://auth.example/device")]
                public partial class ExampleAuth { }
                """);
        }
    }
}
