using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH047: an [OAuthHeader] value with a placeholder other than {client_id}, or a stray brace.</summary>
    public class OAUTH047Tests
    {
        [Theory]
        [InlineData("{clientId}", "'{clientId}' has the placeholder '{clientId}', which OAuthGen does not fill: the only one is {client_id}, the configured client id (write '{{' and '}}' for literal braces)")]
        [InlineData("{client_secret}", "'{client_secret}' has the placeholder '{client_secret}', which OAuthGen does not fill: the only one is {client_id}, the configured client id (write '{{' and '}}' for literal braces)")]
        [InlineData("id {client_id", "'id {client_id' has a '{' that is never closed (write '{{' for a literal brace)")]
        [InlineData("{}", "'{}' has the placeholder '{}', which OAuthGen does not fill: the only one is {client_id}, the configured client id (write '{{' and '}}' for literal braces)")]
        [InlineData("v1}", "'v1}' has a '}' that closes no placeholder (write '}}' for a literal brace)")]
        public async Task Fires_on_a_value_the_runtime_cannot_fill(string value, string problem)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://api.stream.example/openplatform/exchangetoken", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                [OAuthHeader("Client-ID", {|OAUTH047:"{{value}}"|})]
                public partial class TrovoAuth { }
                """);

            Assert.Equal(
                "The value of the Client-ID header of 'TrovoAuth' " + problem + "; OAuthGen generates nothing for the class until it is fixed",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Is_silent_on_client_id_doubled_braces_and_plain_values()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://api.stream.example/openplatform/exchangetoken", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                [OAuthHeader("Client-ID", "{client_id}")]
                [OAuthHeader("X-Client", "app={client_id}; v={{1}}")]
                [OAuthHeader("X-Literal", "{{client_id}}")]
                [OAuthHeader("Cache-Control", "no-cache")]
                public partial class TrovoAuth { }
                """);
        }

        [Fact]
        public void The_generator_skips_the_class_and_the_error_says_why()
        {
            var compilation = Compilations.Create("""
                using OAuthGen;

                [OAuthProvider("https://api.stream.example/openplatform/exchangetoken", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                [OAuthHeader("Client-ID", "{clientId}")]
                public partial class TrovoAuth { }

                [OAuthProvider("https://api.stream.example/openplatform/exchangetoken", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                [OAuthHeader("Client-ID", "{client_id}")]
                public partial class Fine { }
                """);

            var violations = SkipInvariant.Violations(compilation);

            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }
    }
}
