using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.CodeFixes;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH017: [OAuthParameter] that collides with a parameter the client sends.</summary>
    public class OAUTH017Tests
    {
        [Fact]
        public async Task Fires_on_grant_type_and_scope()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthParameter({|OAUTH017:"grant_type"|}, "client_credentials")]
                [OAuthParameter({|OAUTH017:"scope"|}, "read")]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "[OAuthParameter(\"scope\")] collides with the 'scope' parameter that the client sends whenever a scope is given (set Scope on [OAuthProvider] for a default scope); remove it",
                diagnostics.Single(d => d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start).StartsWith("\"scope\"")).GetMessage());
        }

        [Fact]
        public async Task Fires_on_the_parameters_of_the_declared_grants()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token",
                    Grants = {|OAUTH010:OAuthGrant.Password|} | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
                    AuthorizationEndpoint = "https://auth.example/authorize")]
                [OAuthParameter({|OAUTH017:"username"|}, "john")]
                [OAuthParameter({|OAUTH017:"code"|}, "abc")]
                [OAuthParameter({|OAUTH017:"redirect_uri"|}, "https://app.example/callback")]
                [OAuthParameter({|OAUTH017:"refresh_token"|}, "r1")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Fires_on_the_assertion_of_the_jwt_bearer_grant_only()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://sts.id.example/token", Grants = OAuthGrant.JwtBearer)]
                [OAuthParameter({|OAUTH017:"assertion"|}, "eyJ")]
                public partial class ServiceAccount { }

                [OAuthProvider("https://auth.example/token")]
                [OAuthParameter("assertion", "eyJ")]
                public partial class Machine { }
                """);
        }

        [Fact]
        public async Task Fires_on_client_id_when_the_client_sends_it_in_the_body()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                [OAuthParameter({|OAUTH017:"client_id"|}, "my-client")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_on_client_id_beside_Basic_and_on_parameters_of_undeclared_grants()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                [OAuthParameter("client_id", "my-client")]
                [OAuthParameter("username", "service-account")]
                [OAuthParameter("audience", "https://api.example")]
                [OAuthParameter("resource", "https://api.example/orders")]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_removes_the_parameter()
        {
            await CodeFixVerifier.VerifyAsync<RemoveAttributeCodeFixProvider>("""
                using OAuthGen;

                [OAuthParameter("audience", "https://api.example")]
                [OAuthParameter({|OAUTH017:"grant_type"|}, "client_credentials")]
                [OAuthProvider("https://auth.example/token")]
                public partial class ExampleAuth { }
                """, """
                using OAuthGen;

                [OAuthParameter("audience", "https://api.example")]
                [OAuthProvider("https://auth.example/token")]
                public partial class ExampleAuth { }
                """);
        }
    }
}
