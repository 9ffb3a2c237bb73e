using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH018: a TokenType the generated client cannot create or fill, so nothing is generated.</summary>
    public class OAUTH018Tests
    {
        [Theory]
        [InlineData("string", "does not derive from OAuthToken")]
        [InlineData("int", "is not a class")]
        [InlineData("AbstractToken", "is abstract")]
        [InlineData("NoDefaultConstructorToken", "has no parameterless constructor that 'ExampleAuth' can call")]
        [InlineData("GenericToken<>", "is an open generic type")]
        [InlineData("RequiredToken", "has the required member 'Tenant', which the client does not set (it sets only the [OAuthField] properties it can fill)")]
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
            Assert.StartsWith("OAuthGen generates nothing for 'ExampleAuth' because its TokenType '" + type + "' " + problem + "; ", diagnostic.GetMessage());
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
        public async Task Fires_on_a_field_whose_internal_setter_is_in_another_assembly()
        {
            // In its own assembly the setter is fine (TokenFieldAnalyzer says nothing there); from here it cannot be called.
            var tokens = Compilations.Library("Tokens", """
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField("organization_name")] public string? OrganizationName { get; internal set; }
                }
                """);
            var source = """
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", TokenType = typeof(GatewayToken))]
                public partial class ExampleAuth { }
                """;

            var result = await AnalyzerVerifier.AnalyzeAsync(Compilations.Analyzers, Compilations.Create(source).AddReferences(tokens));

            var diagnostic = Assert.Single(result.OAuthDiagnostics);
            Assert.Equal("OAUTH018", diagnostic.Id);
            Assert.Equal("GatewayToken", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
            Assert.Equal(
                "OAuthGen generates nothing for 'ExampleAuth' because its TokenType 'GatewayToken' has the [OAuthField] property 'OrganizationName', whose setter 'ExampleAuth' cannot call; "
                + "make the setter public, or let this assembly see the internals of 'Tokens' with [InternalsVisibleTo]; "
                + "declare a non-abstract class that derives from OAuthToken, with a parameterless constructor 'ExampleAuth' can call",
                diagnostic.GetMessage());
            Assert.Equal(0, result.GeneratedSources);
        }

        [Fact]
        public async Task Is_silent_on_a_required_member_the_parameterless_constructor_sets()
        {
            // [SetsRequiredMembers] on the constructor the client calls, not on another one declared before it.
            await AnalyzerVerifier.VerifyAsync("""
                using System.Diagnostics.CodeAnalysis;
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", TokenType = typeof(TenantToken))]
                public partial class ExampleAuth { }

                public class TenantToken : OAuthToken
                {
                    public TenantToken(string tenant) { Tenant = tenant; }

                    [SetsRequiredMembers]
                    public TenantToken() { Tenant = "common"; }

                    public required string Tenant { get; set; }
                }
                """);
        }

        [Theory]
        [InlineData("[SetsRequiredMembers]\n    public TenantToken(string tenant) { Tenant = tenant; }\n    public TenantToken() { }")]
        [InlineData("[Lookalike.SetsRequiredMembers]\n    public TenantToken() { }")]
        public async Task Fires_on_a_required_member_when_only_another_constructor_or_a_namesake_attribute_sets_it(string constructors)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using System.Diagnostics.CodeAnalysis;
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", TokenType = typeof({|OAUTH018:TenantToken|}))]
                public partial class ExampleAuth { }

                public class TenantToken : OAuthToken
                {
                    {{constructors}}

                    public required string Tenant { get; set; }
                }

                namespace Lookalike
                {
                    public sealed class SetsRequiredMembersAttribute : System.Attribute { }
                }
                """);

            Assert.Contains("has the required member 'Tenant'", diagnostics.Single().GetMessage());
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
