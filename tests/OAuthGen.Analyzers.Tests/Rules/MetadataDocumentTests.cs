using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>
    /// OAUTH050 to OAUTH056: a metadata document bound to a provider class with
    /// <c>&lt;AdditionalFiles Include="idp.json" OAuthGenProvider="..." /&gt;</c>.
    /// </summary>
    public class MetadataDocumentTests
    {
        // Shaped like Keycloak's and Okta's (RFC 8414 members, OpenID Connect's beside them).
        internal const string Document = """
            {
              "issuer": "https://id.example/realms/main",
              "authorization_endpoint": "https://id.example/realms/main/protocol/openid-connect/auth",
              "token_endpoint": "https://id.example/realms/main/protocol/openid-connect/token",
              "device_authorization_endpoint": "https://id.example/realms/main/protocol/openid-connect/auth/device",
              "revocation_endpoint": "https://id.example/realms/main/protocol/openid-connect/revoke",
              "introspection_endpoint": "https://id.example/realms/main/protocol/openid-connect/token/introspect",
              "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code"],
              "response_types_supported": ["code", "id_token", "code id_token"],
              "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"],
              "code_challenge_methods_supported": ["plain", "S256"],
              "jwks_uri": "https://id.example/realms/main/protocol/openid-connect/certs",
              "claims_parameter_supported": true,
              "request_object_signing_alg_values_supported": ["RS256", "none"],
              "mtls_endpoint_aliases": { "token_endpoint": "https://mtls.id.example/token" }
            }
            """;

        private static DiagnosticResult Unbound(string fileName) =>
            new DiagnosticResult("OAUTH056", DiagnosticSeverity.Warning).WithLocation("/docs/" + fileName, 1, 1);

        private static MetadataFile Bound(string text = Document, string boundTo = "Idp", string fileName = "idp.json") => new MetadataFile(fileName, text, boundTo);

        [Fact]
        public async Task A_bound_document_gives_every_endpoint_and_matches_the_declaration()
        {
            await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.ClientCredentials | OAuthGrant.DeviceCode)]
                public partial class Idp { }

                public static class Use
                {
                    public static string Endpoint => Idp.Provider.TokenEndpoint;
                }
                """,
                Bound());
        }

        [Fact]
        public async Task Bound_by_full_name_or_global_name()
        {
            await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                namespace App.Auth
                {
                    [OAuthProvider(Grants = OAuthGrant.ClientCredentials)]
                    public partial class Idp { }

                    public partial class Outer
                    {
                        [OAuthProvider(Grants = OAuthGrant.ClientCredentials)]
                        public partial class Nested { }
                    }
                }
                """,
                Bound(boundTo: "App.Auth.Idp"),
                Bound(boundTo: "global::App.Auth.Outer.Nested", fileName: "nested.json"));
        }

        [Fact]
        public async Task OAUTH050_fires_on_text_that_is_not_JSON_and_nothing_is_generated()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [{|OAUTH050:OAuthProvider(Grants = OAuthGrant.ClientCredentials)|}]
                public partial class Idp { }
                """,
                Bound("{ \"token_endpoint\": \"https://id.example/token\", }"));

            Assert.Equal(
                "The metadata document 'idp.json' bound to 'Idp' is not JSON: a member name must be a string in double quotes (line 1, column 49); OAuthGen generates nothing for 'Idp' until the document is fixed, or its AdditionalFiles item no longer names the class in OAuthGenProvider",
                diagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("[]", "is a JSON array, where a metadata document is an object")]
        [InlineData("{\"name\": \"my-app\", \"version\": \"1.0.0\"}", "is not an authorization server's metadata: it has neither 'issuer' nor 'token_endpoint'")]
        [InlineData("{\"issuer\": \"https://id.example\"}", "has no 'token_endpoint'")]
        [InlineData("{\"token_endpoint\": null}", "has a null 'token_endpoint'")]
        [InlineData("{\"token_endpoint\": 42}", "has a 'token_endpoint' that is a JSON number, not a string")]
        [InlineData("{\"token_endpoint\": \"/token\"}", "has a 'token_endpoint' that ('/token') is not an absolute https URL")]
        [InlineData("{\"token_endpoint\": \"https://id.example/token#x\"}", "has a 'token_endpoint' that is unusable: 'https://id.example/token#x' has a fragment, which RFC 6749 §3.1 and §3.2 forbid")]
        [InlineData("{\"token_endpoint\": \"https://id.example/token\", \"grant_types_supported\": \"client_credentials\"}", "has a 'grant_types_supported' that is not an array of strings")]
        [InlineData("{\"token_endpoint\": \"https://id.example/token\", \"token_endpoint\": \"https://evil.example/token\"}", "has the member 'token_endpoint' twice, so which one a server means is unknown")]
        [InlineData("{\"issuer\": 1, \"token_endpoint\": \"https://id.example/token\"}", "has an 'issuer' that is a JSON number, not a string")]
        [InlineData("", "is not JSON: the text ends where a value should be (line 1, column 1)")]
        public async Task OAUTH050_says_what_is_wrong_with_the_document(string text, string reason)
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [{|OAUTH050:OAuthProvider(Grants = OAuthGrant.ClientCredentials)|}]
                public partial class Idp { }
                """,
                Bound(text));

            Assert.Contains("'idp.json' bound to 'Idp' " + reason + ";", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH050_fires_on_two_documents_bound_to_one_class()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [{|OAUTH050:OAuthProvider("https://id.example/realms/main/protocol/openid-connect/token", Grants = OAuthGrant.ClientCredentials)|}]
                public partial class Idp { }
                """,
                Bound(),
                Bound(fileName: "idp-staging.json"));

            Assert.Contains("'idp.json' bound to 'Idp' is not the only one: 'idp-staging.json' is bound to it too", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH051_fires_on_a_client_authentication_the_document_does_not_list()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = OAuthGrant.ClientCredentials, {|OAUTH051:ClientAuth = ClientAuthMethod.ClientSecretJwt|})]
                public partial class Idp { }
                """,
                Bound());

            Assert.Equal(
                "'Idp' authenticates with ClientAuthMethod.ClientSecretJwt ('client_secret_jwt'), which its metadata document 'idp.json' does not list in token_endpoint_auth_methods_supported ('client_secret_basic', 'client_secret_post', 'private_key_jwt'); set ClientAuth to a method listed there",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH051_is_silent_when_the_document_lists_the_method_or_publishes_no_list()
        {
            await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = OAuthGrant.ClientCredentials, ClientAuth = ClientAuthMethod.PrivateKeyJwt)]
                public partial class Idp { }

                [OAuthProvider(Grants = OAuthGrant.ClientCredentials, ClientAuth = ClientAuthMethod.ClientSecretJwt)]
                public partial class Unlisted { }
                """,
                Bound(),
                Bound("{\"token_endpoint\": \"https://id.example/token\"}", "Unlisted", "unlisted.json"));
        }

        [Fact]
        public async Task OAUTH052_fires_on_each_grant_the_document_does_not_list()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = OAuthGrant.ClientCredentials | {|OAUTH052:OAuthGrant.JwtBearer|} | {|OAUTH052:{|OAUTH010:OAuthGrant.Password|}|})]
                public partial class Idp { }
                """,
                Bound());

            Assert.Contains(diagnostics, d => d.GetMessage() ==
                "'Idp' declares OAuthGrant.JwtBearer ('urn:ietf:params:oauth:grant-type:jwt-bearer'), which its metadata document 'idp.json' does not list in grant_types_supported ('authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'); remove it from Grants, or check that the document is current");
        }

        [Fact]
        public async Task OAUTH052_is_silent_on_listed_grants_and_on_a_document_without_the_list()
        {
            await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = OAuthGrant.ClientCredentials | OAuthGrant.DeviceCode)]
                public partial class Idp { }

                // Microsoft Entra's document publishes no grant_types_supported.
                [OAuthProvider(Grants = OAuthGrant.ClientCredentials | OAuthGrant.JwtBearer)]
                public partial class Entra { }
                """,
                Bound(),
                Bound("{\"issuer\": \"https://login.example/t/v2.0\", \"token_endpoint\": \"https://login.example/t/oauth2/v2.0/token\"}", "Entra", "entra.json"));
        }

        [Fact]
        public async Task OAUTH053_fires_when_the_document_lists_code_challenge_methods_without_S256()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [{|OAUTH053:OAuthProvider(Grants = OAuthGrant.AuthorizationCode)|}]
                public partial class Idp { }
                """,
                Bound(Document.Replace("[\"plain\", \"S256\"]", "[\"plain\"]")));

            Assert.StartsWith("'Idp' sends a PKCE code challenge with the method S256, which its metadata document 'idp.json' does not list in code_challenge_methods_supported ('plain')", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH053_is_silent_with_S256_without_the_list_or_without_PKCE()
        {
            await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = OAuthGrant.AuthorizationCode)]
                public partial class Idp { }

                [OAuthProvider(Grants = OAuthGrant.AuthorizationCode)]
                public partial class Unlisted { }

                [OAuthProvider(Grants = OAuthGrant.ClientCredentials)]
                public partial class Machine { }
                """,
                Bound(),
                Bound(Document.Replace("\"code_challenge_methods_supported\": [\"plain\", \"S256\"],", string.Empty), "Unlisted", "unlisted.json"),
                Bound(Document.Replace("[\"plain\", \"S256\"]", "[\"plain\"]"), "Machine", "machine.json"));
        }

        [Fact]
        public async Task OAUTH054_fires_when_no_response_type_issues_a_code()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = {|OAUTH054:OAuthGrant.AuthorizationCode|})]
                public partial class Idp { }
                """,
                Bound(Document.Replace("[\"code\", \"id_token\", \"code id_token\"]", "[\"id_token\", \"token id_token\"]")));

            Assert.StartsWith("'Idp' declares OAuthGrant.AuthorizationCode, and its metadata document 'idp.json' lists no 'code' in response_types_supported ('id_token', 'token id_token')", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH054_is_silent_when_a_combined_response_type_issues_a_code()
        {
            await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = OAuthGrant.AuthorizationCode)]
                public partial class Idp { }
                """,
                Bound(Document.Replace("[\"code\", \"id_token\", \"code id_token\"]", "[\"id_token\", \"code id_token\"]")));
        }

        [Fact]
        public async Task OAUTH055_fires_on_an_endpoint_the_document_gives_otherwise()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider({|OAUTH055:"https://id.example/token"|}, Grants = OAuthGrant.ClientCredentials,
                    RevocationEndpoint = {|OAUTH055:"https://id.example/revoke"|})]
                public partial class Idp { }
                """,
                Bound());

            Assert.Equal(
                "The token endpoint of 'Idp' is 'https://id.example/token', and its metadata document 'idp.json' gives 'https://id.example/realms/main/protocol/openid-connect/token'; the attribute's value is used: remove it to use the document's, or correct the document",
                diagnostics.First().GetMessage());
        }

        [Fact]
        public async Task OAUTH055_is_silent_on_the_same_endpoint_or_one_the_document_lacks()
        {
            await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider("https://id.example/realms/main/protocol/openid-connect/token", Grants = OAuthGrant.ClientCredentials)]
                public partial class Idp { }

                [OAuthProvider(Grants = OAuthGrant.ClientCredentials, RevocationEndpoint = "https://id.example/revoke")]
                public partial class Other { }
                """,
                Bound(),
                Bound("{\"token_endpoint\": \"https://id.example/token\"}", "Other", "other.json"));
        }

        [Fact]
        public async Task An_http_endpoint_from_the_document_is_OAUTH006_as_in_the_attribute()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [{|OAUTH006:OAuthProvider(Grants = OAuthGrant.ClientCredentials)|}]
                public partial class Idp { }
                """,
                Bound("{\"token_endpoint\": \"http://id.example/token\"}"));

            Assert.StartsWith("The token endpoint of idp.json 'http://id.example/token' uses plain http", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH056_fires_on_a_document_bound_to_no_provider_class()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider(Grants = OAuthGrant.ClientCredentials)]
                public partial class Idp { }

                public class NotAProvider { }
                """,
                new[] { Bound(), Bound(boundTo: "Ipd", fileName: "typo.json"), Bound(boundTo: "NotAProvider", fileName: "plain.json") },
                new[] { Unbound("typo.json"), Unbound("plain.json") });

            Assert.Equal(2, diagnostics.Count(d => d.Id == "OAUTH056"));
            Assert.Contains(diagnostics, d => d.GetMessage() ==
                "The AdditionalFiles item 'typo.json' names 'Ipd' in OAuthGenProvider, and no [OAuthProvider] class of this project has that name; write the provider class's name (or Namespace.Class), or remove OAuthGenProvider");
        }

        [Fact]
        public async Task OAUTH056_is_silent_on_additional_files_without_OAuthGenProvider()
        {
            await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [OAuthProvider("https://id.example/token", Grants = OAuthGrant.ClientCredentials)]
                public partial class Idp { }
                """,
                new MetadataFile("appsettings.json", "not even JSON", null));
        }

        [Fact]
        public async Task Without_a_document_a_declaration_without_endpoint_is_OAUTH022_naming_the_binding()
        {
            var diagnostics = await AnalyzerVerifier.VerifyWithDocumentsAsync("""
                using OAuthGen;

                [{|OAUTH022:OAuthProvider(Grants = OAuthGrant.ClientCredentials)|}]
                public partial class Idp { }
                """,
                new MetadataFile("idp.json", Document, boundTo: null));

            Assert.Contains("<AdditionalFiles Include=\"idp.json\" OAuthGenProvider=\"Idp\" />", diagnostics.Single(d => d.Id == "OAUTH022").GetMessage());
        }
    }
}
