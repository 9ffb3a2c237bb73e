using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH005: an endpoint that is empty, not a URI, not http(s), or has a fragment (RFC 6749 §3.1, §3.2).</summary>
    public class OAUTH005Tests
    {
        [Theory]
        [InlineData("oauth/to ken", "'oauth/to ken' is not a URI: it contains whitespace or a control character")]
        [InlineData("ftp://auth.example/token", "'ftp://auth.example/token' is not an http or https URI")]
        [InlineData("localhost:5000/token", "'localhost:5000/token' is not an http or https URI")]
        [InlineData("https://auth.example/token#main", "'https://auth.example/token#main' has a fragment, which RFC 6749 §3.1 and §3.2 forbid")]
        [InlineData("oauth/token#main", "'oauth/token#main' has a fragment, which RFC 6749 §3.1 and §3.2 forbid")]
        [InlineData("https:///token", "'https:///token' is not a URI")]
        public async Task Fires_on_the_token_endpoint(string endpoint, string problem)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider({|OAUTH005:"{{endpoint}}"|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "The token endpoint " + problem + "; write an absolute https URI, or a path relative to HttpClient.BaseAddress, without a fragment",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_the_other_endpoints()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider(tokenEndpoint: "https://auth.example/token",
                    Grants = OAuthGrant.AuthorizationCode | OAuthGrant.DeviceCode,
                    AuthorizationEndpoint = {|OAUTH005:"https://auth.example/authorize#login"|},
                    DeviceAuthorizationEndpoint = {|OAUTH005:""|},
                    RevocationEndpoint = {|OAUTH005:"mailto:security@auth.example"|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Checks_the_introspection_endpoint_and_the_metadata_address_too()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider(
                    MetadataAddress = {|OAUTH005:"https://id.example/.well-known/openid-configuration#x"|},
                    IntrospectionEndpoint = {|OAUTH005:"ftp://id.example/introspect"|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_when_every_endpoint_comes_from_the_metadata()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider(MetadataAddress = "https://id.example/.well-known/openid-configuration",
                    Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.DeviceCode)]
                public partial class ExampleAuth { }
                """);
        }

        [Theory]
        [InlineData("https://auth.example/oauth2/token/")]
        [InlineData("configapi/v2/oauth/token")]
        [InlineData("/oauth/token")]
        [InlineData("https://auth.example/token?tenant=a")]
        [InlineData("http://localhost:5000/token")]
        [InlineData("https+http://identity/token")]
        public async Task Is_silent_on_usable_endpoints(string endpoint)
        {
            await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("{{endpoint}}", RevocationEndpoint = null)]
                public partial class ExampleAuth { }
                """);
        }
    }
}
