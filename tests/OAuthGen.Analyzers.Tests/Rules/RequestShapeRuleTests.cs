using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH030-033: the request shape (Parameters, Method, [OAuthParameterName]); OAUTH009 on Grants = A &amp; B.</summary>
    public class RequestShapeRuleTests
    {
        [Fact]
        public async Task OAUTH030_fires_on_a_query_with_the_secret_among_the_parameters()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost, {|OAUTH030:Parameters = ParameterLocation.Query|})]
                public partial class ExampleAuth { }
                """);

            Assert.StartsWith("'ExampleAuth' sends its token request parameters in the URL (Parameters = Query) with ClientAuth = ClientSecretPost, so the client secret is in the request URI", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH030_fires_on_a_GET_with_a_client_assertion()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.PrivateKeyJwt, {|OAUTH030:Method = TokenRequestMethod.Get|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task OAUTH030_is_silent_with_Basic_or_the_body()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Parameters = ParameterLocation.Query)]
                public partial class BasicAuth { }

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost, Parameters = ParameterLocation.Body)]
                public partial class BodyAuth { }
                """);
        }

        [Fact]
        public async Task OAUTH031_fires_on_a_name_that_is_no_standard_parameter()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthParameterName({|OAUTH031:"clientId"|}, "appid")]
                public partial class ExampleAuth { }
                """);

            Assert.StartsWith("[OAuthParameterName(\"clientId\", ...)] renames 'clientId', which is no parameter OAuthGen sends; name one of grant_type, client_id", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH031_and_032_are_silent_on_renames_that_stand_apart()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretBasic, Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://auth.example/authorize")]
                [OAuthParameterName("client_id", "appid")]
                [OAuthParameterName("client_secret", "secret")]
                [OAuthParameterName("redirect_uri", null)]
                [OAuthParameterName("grant_type", null)]
                [OAuthParameter("output", "json")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task OAUTH032_fires_on_a_wire_name_another_parameter_has()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthParameterName("client_id", {|OAUTH032:"scope"|})]
                [OAuthParameterName("client_secret", {|OAUTH032:"output"|})]
                [OAuthParameter("output", "json")]
                [OAuthParameterName("username", "user")]
                [OAuthParameterName("password", {|OAUTH032:"user"|})]
                [OAuthParameterName({|OAUTH032:"username"|}, "login")]
                public partial class ExampleAuth { }
                """);

            Assert.Contains(diagnostics, d => d.GetMessage() == "'scope' would be sent for both 'client_id' (renamed) and the standard parameter 'scope'; give each its own wire name");
            Assert.Contains(diagnostics, d => d.GetMessage() == "'output' would be sent for both 'client_secret' (renamed) and [OAuthParameter(\"output\")]; give each its own wire name");
        }

        [Fact]
        public async Task OAUTH033_fires_on_leaving_out_what_the_grant_needs()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost, Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, AuthorizationEndpoint = "https://auth.example/authorize")]
                [OAuthParameterName({|OAUTH033:"code"|}, null)]
                [OAuthParameterName({|OAUTH033:"client_secret"|}, null)]
                [OAuthParameterName({|OAUTH033:"refresh_token"|}, null)]
                public partial class ExampleAuth { }
                """);

            Assert.Contains(diagnostics, d => d.GetMessage() == "[OAuthParameterName(\"code\", null)] leaves out 'code', without which the authorization code grant cannot work; give it a wire name instead");
        }

        [Fact]
        public async Task OAUTH033_is_silent_for_a_grant_that_is_not_declared()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthParameterName("code", null)]
                [OAuthParameterName("refresh_token", null)]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task OAUTH009_says_to_use_a_bar_when_grants_are_combined_with_an_ampersand()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = {|OAUTH009:OAuthGrant.ClientCredentials & OAuthGrant.RefreshToken|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal("'ExampleAuth' declares no grant, so it gets no token method; combine grants with '|', not '&' (A & B keeps only what both share: nothing)", diagnostics.Single().GetMessage());
        }
    }
}
