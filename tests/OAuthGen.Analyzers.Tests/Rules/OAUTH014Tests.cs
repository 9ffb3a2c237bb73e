using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH014: scope strings with characters or spacing RFC 6749 §3.3 does not allow.</summary>
    public class OAUTH014Tests
    {
        [Theory]
        [InlineData("read\\\"write", "contains '\"'")]
        [InlineData("read\\\\write", "contains '\\'")]
        [InlineData("read\\twrite", "contains a tab")]
        [InlineData("read write\\n", "contains a line break")]
        [InlineData("lecture écriture", "contains 'é' (U+00E9), which is not ASCII")]
        [InlineData("read  write", "has an extra space")]
        [InlineData(" read", "has an extra space")]
        [InlineData("read ", "has an extra space")]
        public async Task Fires_on_the_attribute_scope(string scope, string problem)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Scope = {|OAUTH014:"{{scope}}"|})]
                public partial class ExampleAuth { }
                """);

            Assert.Contains("\" " + problem + "; a scope is a list of tokens", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_options_and_on_the_scope_argument_of_a_generated_client()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.ClientCredentials | OAuthGrant.RefreshToken)]
                public partial class ExampleAuth { }

                public static class Use
                {
                    public static async Task RunAsync(HttpClient http, string secret)
                    {
                        var options = new OAuthClientOptions { ClientId = "id", ClientSecret = secret, Scope = {|OAUTH014:"read  write"|} };
                        var client = new ExampleAuth(http, options);
                        var token = await client.RequestClientCredentialsTokenAsync({|OAUTH014:"api\\admin"|});
                        await client.RefreshTokenAsync(token.RefreshToken!, scope: {|OAUTH014:"read\t"|});
                        await ((IClientCredentialsTokenClient)client).RequestClientCredentialsTokenAsync({|OAUTH014:"\"read\""|}, default);
                    }
                }
                """);
        }

        [Theory]
        [InlineData("")]
        [InlineData("read")]
        [InlineData("openid profile email offline_access")]
        [InlineData("https://graph.microsoft.com/.default")]
        [InlineData("urn:example:api:read api://orders/write")]
        public async Task Is_silent_on_valid_scopes(string scope)
        {
            await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Scope = "{{scope}}")]
                public partial class ExampleAuth { }
                """);
        }
    }
}
