using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH023: a malformed {name} placeholder in a declared endpoint.</summary>
    public class OAUTH023Tests
    {
        [Theory]
        [InlineData("https://login.example.com/{tenant/token", "'https://login.example.com/{tenant/token' has a '{' that is never closed")]
        [InlineData("https://login.example.com/tenant}/token", "'https://login.example.com/tenant}/token' has a '}' that closes no placeholder")]
        [InlineData("https://login.example.com/{}/token", "'https://login.example.com/{}/token' has an empty placeholder '{}'")]
        [InlineData("https://login.example.com/{a b}/token", "'https://login.example.com/{a b}/token' has the placeholder '{a b}', whose name is not only letters, digits, '_' and '-'")]
        [InlineData("https://login.example.com/{a{b}/token", "'https://login.example.com/{a{b}/token' has the placeholder '{a{b}', whose name is not only letters, digits, '_' and '-'")]
        public async Task Fires_on_the_token_endpoint(string endpoint, string problem)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider({|OAUTH023:"{{endpoint}}"|}, ClientAuth = ClientAuthMethod.ClientSecretPost)]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "The token endpoint " + problem + "; write each placeholder as {name} with a name of letters, digits, '_' or '-', filled from OAuthClientOptions.EndpointParameters",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_every_declared_endpoint()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider(tokenEndpoint: "https://auth.example/{realm}/token",
                    Grants = OAuthGrant.AuthorizationCode | OAuthGrant.DeviceCode,
                    AuthorizationEndpoint = {|OAUTH023:"https://auth.example/{realm/authorize"|},
                    DeviceAuthorizationEndpoint = {|OAUTH023:"https://auth.example/{}/device"|},
                    RevocationEndpoint = {|OAUTH023:"https://auth.example/{re alm}/revoke"|},
                    IntrospectionEndpoint = {|OAUTH023:"https://auth.example/realm}/introspect"|},
                    MetadataAddress = {|OAUTH023:"https://auth.example/{realm/.well-known/openid-configuration"|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_on_well_formed_placeholders_in_the_path_and_the_host()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
                    ClientAuth = ClientAuthMethod.ClientSecretPost,
                    Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode,
                    AuthorizationEndpoint = "https://{domain}.okta.com/oauth2/{auth_server-id}/v1/authorize")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task A_well_formed_template_is_still_checked_as_a_uri()
        {
            // The placeholder is fine; what is around it is what OAUTH005 and OAUTH006 say.
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider({|OAUTH006:"http://{region}.id.example/token"|}, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RevocationEndpoint = {|OAUTH005:"https://id.example/{realm}/revoke#x"|})]
                public partial class ExampleAuth { }
                """);
        }
    }
}
