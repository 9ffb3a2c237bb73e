using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH018: a TokenType the generated client cannot create, so it falls back to OAuthToken.</summary>
    public class OAUTH018Tests
    {
        [Theory]
        [InlineData("string", "does not derive from OAuthToken")]
        [InlineData("int", "is not a class")]
        [InlineData("AbstractToken", "is abstract")]
        [InlineData("NoDefaultConstructorToken", "has no parameterless constructor that 'ExampleAuth' can call")]
        [InlineData("GenericToken<>", "is an open generic type")]
        [InlineData("RequiredToken", "has the required member 'Tenant', which the client does not set (only usable [OAuthField] properties are set)")]
        public async Task Fires_on_the_type_in_typeof(string type, string problem)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", TokenType = typeof({|OAUTH018:{{type}}|}))]
                public partial class ExampleAuth { }

                public abstract class AbstractToken : OAuthToken { }

                public class NoDefaultConstructorToken : OAuthToken
                {
                    public NoDefaultConstructorToken(string tenant) { }
                }

                public class GenericToken<T> : OAuthToken { }

                public class RequiredToken : OAuthToken
                {
                    public required string Tenant { get; set; }
                }
                """);

            var diagnostic = diagnostics.Single();
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains("cannot be used because it " + problem + ", so the client returns OAuthToken instead", diagnostic.GetMessage());
        }

        [Fact]
        public async Task Fires_on_a_token_type_whose_constructor_the_provider_cannot_call()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", TokenType = typeof({|OAUTH018:GatewayToken|}))]
                public partial class ExampleAuth { }

                public class GatewayToken : OAuthToken
                {
                    protected GatewayToken() { }

                    public static GatewayToken Create() => new GatewayToken();
                }
                """);
        }

        [Fact]
        public async Task Is_silent_on_usable_token_types()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System.Diagnostics.CodeAnalysis;
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", TokenType = typeof(GatewayToken))]
                public partial class Gateway { }

                [OAuthProvider("https://auth.example/token", TokenType = typeof(OAuthToken))]
                public partial class Plain { }

                [OAuthProvider("https://auth.example/token", TokenType = typeof(TenantToken))]
                public partial class Tenant { }

                public sealed class GatewayToken : OAuthToken
                {
                    [OAuthField("organization_name")] public string? OrganizationName { get; set; }
                }

                public class TenantToken : OAuthToken
                {
                    [OAuthField("tenant")] public required string Tenant { get; set; }
                }
                """);
        }
    }
}
