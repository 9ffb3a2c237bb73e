using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.Generator.Analyzers;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH045: a declaration that names a catalogue provider's token endpoint and contradicts it.</summary>
    public class OAUTH045Tests
    {
        [Fact]
        public async Task Fires_on_Basic_where_the_catalogue_class_sends_the_secret_in_the_body_and_names_it()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [{|OAUTH045:OAuthProvider("https://github.com/login/oauth/access_token",
                    Grants = OAuthGrant.AuthorizationCode,
                    AuthorizationEndpoint = "https://github.com/login/oauth/authorize")|}]
                public partial class MyGitHub { }
                """);

            Assert.Equal(
                "'MyGitHub' names the token endpoint of OAuthGen.Providers.GitHub, which authenticates with ClientAuth = ClientAuthMethod.ClientSecretPost; use OAuthGen.Providers.GitHub, or declare what it does",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_a_token_endpoint_from_a_bound_metadata_document()
        {
            // Microsoft Entra's discovery document for one tenant, trimmed; the declaration has no endpoint of its own.
            var entra = new MetadataFile("entra.json", """
                {
                  "issuer": "https://login.microsoftonline.com/contoso/v2.0",
                  "token_endpoint": "https://login.microsoftonline.com/contoso/oauth2/v2.0/token",
                  "authorization_endpoint": "https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize",
                  "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"]
                }
                """, "MyEntra");

            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [{|OAUTH045:OAuthProvider(ClientAuth = ClientAuthMethod.ClientSecretPost, Grants = OAuthGrant.TokenExchange)|}]
                public partial class MyEntra { }

                [OAuthProvider(ClientAuth = ClientAuthMethod.ClientSecretPost, Grants = OAuthGrant.ClientCredentials)]
                public partial class Agreeing { }
                """,
                entra,
                new MetadataFile("agreeing.json", entra.Content, "Agreeing"));

            Assert.StartsWith("'MyEntra' names the token endpoint of OAuthGen.Providers.MicrosoftEntra", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_a_grant_the_catalogue_class_does_not_declare_through_a_filled_placeholder()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [{|OAUTH045:OAuthProvider("https://login.mailchimp.com/oauth2/token",
                    ClientAuth = ClientAuthMethod.ClientSecretPost,
                    Grants = OAuthGrant.ClientCredentials | OAuthGrant.TokenExchange)|}]
                public partial class MyMailchimp { }

                [{|OAUTH045:OAuthProvider("https://login.microsoftonline.com/contoso/oauth2/v2.0/token", ClientAuth = ClientAuthMethod.ClientSecretPost, Grants = OAuthGrant.TokenExchange)|}]
                public partial class MyEntra { }

                // A server of your own at the path Okta, Auth0, Keycloak or Cognito use is not theirs.
                [OAuthProvider("https://idp.example.com/oauth2/token", Grants = OAuthGrant.TokenExchange)]
                public partial class MyServer { }

                [OAuthProvider("https://idp.example.com/oauth/token", Grants = OAuthGrant.TokenExchange)]
                public partial class MyOtherServer { }
                """);

            Assert.Equal(
                "'MyMailchimp' names the token endpoint of OAuthGen.Providers.Mailchimp, which is not known to support OAuthGrant.ClientCredentials, OAuthGrant.TokenExchange; use OAuthGen.Providers.Mailchimp, or declare what it does",
                diagnostics.Select(diagnostic => diagnostic.GetMessage()).Single(message => message.StartsWith("'MyMailchimp'", System.StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Is_silent_when_the_declaration_agrees_with_the_catalogue_or_names_another_endpoint()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://login.microsoftonline.com/contoso/oauth2/v2.0/token", ClientAuth = ClientAuthMethod.ClientSecretPost)]
                public partial class MyEntra { }

                [OAuthProvider("https://accounts.spotify.com/api/token/", Grants = OAuthGrant.ClientCredentials | OAuthGrant.RefreshToken)]
                public partial class MySpotify { }

                [OAuthProvider("https://github.example.com/login/oauth/access_token")]
                public partial class NotGitHub { }

                [OAuthProvider("https://login.microsoftonline.com/contoso/extra/oauth2/v2.0/token")]
                public partial class NotEntra { }
                """);
        }

        [Fact]
        public async Task Two_classes_of_one_endpoint_are_both_candidates_and_the_closest_is_named()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                // GoogleServiceAccount's declaration, at the token endpoint Google's user flows share.
                [OAuthProvider("https://oauth2.googleapis.com/token", Grants = OAuthGrant.JwtBearer, ClientAuth = ClientAuthMethod.None, ScopeInAssertion = true)]
                public partial class MyServiceAccount { }

                [OAuthProvider("https://oauth2.googleapis.com/token", Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    AuthorizationEndpoint = "https://accounts.google.com/o/oauth2/v2/auth")]
                public partial class MyGoogle { }

                [{|OAUTH045:OAuthProvider("https://oauth2.googleapis.com/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://accounts.google.com/o/oauth2/v2/auth")|}]
                public partial class MyBasicGoogle { }
                """);

            Assert.Equal(
                "'MyBasicGoogle' names the token endpoint of OAuthGen.Providers.Google, which authenticates with ClientAuth = ClientAuthMethod.ClientSecretPost; use OAuthGen.Providers.Google, or declare what it does",
                diagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("https://{domain}/oauth2/default/v1/token", "https://dev-1.okta.com/oauth2/default/v1/token", false)]
        [InlineData("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token", "https://login.microsoftonline.com/common/oauth2/v2.0/token", true)]
        [InlineData("https://{domain}/oauth2/default/v1/token", "https://{domain}/oauth2/default/v1/token", true)]
        [InlineData("https://{domain}/oauth2/default/v1/token", "https://a/b/oauth2/default/v1/token", false)]
        [InlineData("https://{domain}/oauth2/default/v1/token", "https:///oauth2/default/v1/token", false)]
        [InlineData("https://accounts.zoho.{region}/oauth/v2/token", "HTTPS://ACCOUNTS.ZOHO.COM.AU/oauth/v2/token", true)]
        [InlineData("https://github.com/login/oauth/access_token", "https://github.com/login/oauth/access_token/", true)]
        [InlineData("https://github.com/login/oauth/access_token", "https://github.com/login/oauth/access_token2", false)]
        [InlineData("https://github.com/login/oauth/access_token", "", false)]
        public void Endpoints_match_the_catalogue_template(string template, string endpoint, bool matches)
        {
            Assert.Equal(matches, CatalogueAnalyzer.EndpointMatches(template, endpoint));
        }

        [Fact]
        public void The_catalogue_is_read_from_the_referenced_assembly_metadata()
        {
            var compilation = Compilations.Create("class C { }");
            var symbols = OAuthSymbolsFor(compilation);

            var catalogue = CatalogueAnalyzer.Read(compilation, symbols);

            Assert.Contains(catalogue, entry => entry.Name == "GitHub" && entry.Declaration.TokenEndpoint == "https://github.com/login/oauth/access_token");
            Assert.DoesNotContain(catalogue, entry => entry.Name.EndsWith("Token", System.StringComparison.Ordinal));
            Assert.True(catalogue.Count >= 52);
        }

        private static Microsoft.CodeAnalysis.INamedTypeSymbol OAuthSymbolsFor(Microsoft.CodeAnalysis.Compilation compilation) =>
            compilation.GetTypeByMetadataName("OAuthGen.OAuthProviderAttribute")!;
    }
}
