using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.CodeFixes;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH001: the client secret is sent twice (RFC 6749 §2.3.1).</summary>
    public class OAUTH001Tests
    {
        [Fact]
        public async Task Fires_on_a_client_secret_parameter_beside_the_default_Basic_header()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthParameter({|OAUTH001:"client_secret"|}, {|OAUTH013:"s3cr3t"|})]
                public partial class ExampleAuth { }
                """);

            var diagnostic = diagnostics.Single(d => d.Id == "OAUTH001");
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Equal(
                "[OAuthParameter(\"client_secret\")] sends a second client credential: ClientAuth = ClientSecretBasic already authenticates the client in the Authorization header; remove this attribute (RFC 6749 §2.3.1: one authentication method per request)",
                diagnostic.GetMessage());
            Assert.Equal("https://github.com/oauthgen/oauthgen/blob/main/docs/diagnostics/OAUTH001.md", diagnostic.Descriptor.HelpLinkUri);
        }

        [Theory]
        [InlineData("client_assertion", true)]
        [InlineData("client_assertion_type", false)]
        public async Task Fires_on_an_assertion_beside_an_explicit_Basic_header(string name, bool isSecret)
        {
            var value = isSecret ? "{|OAUTH013:\"eyJhbGciOi\"|}" : "\"urn:ietf:params:oauth:client-assertion-type:jwt-bearer\"";
            await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretBasic)]
                [OAuthParameter({|OAUTH001:"{{name}}"|}, {{value}})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Fires_on_an_Authorization_header_beside_ClientSecretPost()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                [OAuthHeader({|OAUTH001:"Authorization"|}, {|OAUTH013:"Basic aWQ6c2VjcmV0"|})]
                public partial class ExampleAuth { }
                """);

            Assert.Contains("ClientAuth = ClientSecretPost already authenticates the client in the body (client_secret)", diagnostics.Single(d => d.Id == "OAUTH001").GetMessage());
        }

        [Fact]
        public async Task Fires_on_a_client_secret_parameter_beside_ClientSecretPost_which_sends_it_already()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                [OAuthParameter({|OAUTH001:"client_secret"|}, {|OAUTH013:"s3cr3t"|})]
                public partial class ExampleAuth { }
                """);
        }

        [Theory]
        [InlineData("PrivateKeyJwt")]
        [InlineData("ClientSecretJwt")]
        public async Task Fires_on_a_secret_or_header_beside_a_JWT_method(string method)
        {
            await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.{{method}})]
                [OAuthParameter({|OAUTH001:"client_secret"|}, {|OAUTH013:"s3cr3t"|})]
                [OAuthHeader({|OAUTH001:"authorization"|}, {|OAUTH013:"Basic aWQ6c2VjcmV0"|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_on_client_id_in_the_body_beside_a_Basic_header()
        {
            // RFC 6749 §2.3.1 lets a client send client_id in the body as well; only a second secret is a second method.
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthParameter("client_id", "my-client")]
                [OAuthParameter("audience", "https://api.example")]
                [OAuthHeader("Cache-Control", "no-cache")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_for_a_public_client_that_declares_no_authentication()
        {
            // ClientAuth = None sends no credential of its own; the literal is OAUTH013's business.
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.None)]
                [OAuthParameter("client_secret", {|OAUTH013:"s3cr3t"|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_removes_the_parameter_line_and_keeps_the_comment_above_it()
        {
            await CodeFixVerifier.VerifyAsync<RemoveAttributeCodeFixProvider>("""
                using OAuthGen;

                namespace Sample
                {
                    // The provider's document asks for it.
                    [OAuthParameter({|OAUTH001:"client_secret"|}, {|OAUTH013:"s3cr3t"|})]
                    [OAuthProvider("https://auth.example/token")]
                    public partial class ExampleAuth { }
                }
                """, """
                using OAuthGen;

                namespace Sample
                {
                    // The provider's document asks for it.
                    [OAuthProvider("https://auth.example/token")]
                    public partial class ExampleAuth { }
                }
                """);
        }

        [Fact]
        public async Task Code_fix_removes_the_header_from_a_shared_attribute_list()
        {
            await CodeFixVerifier.VerifyAsync<RemoveAttributeCodeFixProvider>("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost), OAuthHeader({|OAUTH001:"Authorization"|}, {|OAUTH013:"Basic aWQ6c2VjcmV0"|})]
                public partial class ExampleAuth { }
                """, """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                public partial class ExampleAuth { }
                """);
        }
    }
}
