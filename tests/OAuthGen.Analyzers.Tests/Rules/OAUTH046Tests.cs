using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.CodeFixes;
using OAuthGen.Generator.Analyzers;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH046: PKCE off for the authorization code grant where the provider requires it.</summary>
    public class OAUTH046Tests
    {
        [Fact]
        public async Task Fires_on_UsePkce_false_at_the_token_endpoint_of_a_catalogue_class_that_requires_PKCE_and_names_it()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://airtable.com/oauth2/v1/token",
                    Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
                    AuthorizationEndpoint = "https://airtable.com/oauth2/v1/authorize",
                    {|OAUTH011:{|OAUTH046:UsePkce = false|}|})]
                public partial class MyAirtable { }

                [OAuthProvider("https://API.X.COM/2/oauth2/token/", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://x.com/i/oauth2/authorize", {|OAUTH011:{|OAUTH046:UsePkce = false|}|})]
                public partial class MyX { }
                """);

            Assert.Equal(
                "'MyAirtable' turns PKCE off (UsePkce = false), but the provider of its token endpoint requires PKCE (OAuthGen.Providers.Airtable), so it will refuse every code exchanged without a verifier; use OAuthGen.Providers.Airtable, or remove 'UsePkce = false'",
                diagnostics.Single(d => d.Id == "OAUTH046" && d.GetMessage().StartsWith("'MyAirtable'", System.StringComparison.Ordinal)).GetMessage());
            Assert.Contains(diagnostics, d => d.Id == "OAUTH046" && d.GetMessage().Contains("(OAuthGen.Providers.X)", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Fires_when_the_declaration_itself_says_PkceRequired_and_turns_PKCE_off()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://auth.example/authorize",
                    PkceRequired = true, {|OAUTH011:{|OAUTH046:UsePkce = false|}|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "'ExampleAuth' turns PKCE off (UsePkce = false), but the provider of its token endpoint requires PKCE (PkceRequired = true), so it will refuse every code exchanged without a verifier; remove 'UsePkce = false'",
                diagnostics.Single(d => d.Id == "OAUTH046").GetMessage());
        }

        [Fact]
        public async Task Is_silent_with_PKCE_on_without_the_code_grant_or_where_the_provider_does_not_require_it()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                // Airtable's endpoint with PKCE on (the default, or said).
                [OAuthProvider("https://airtable.com/oauth2/v1/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://airtable.com/oauth2/v1/authorize")]
                public partial class MyAirtable { }

                [OAuthProvider("https://airtable.com/oauth2/v1/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://airtable.com/oauth2/v1/authorize", UsePkce = true, PkceRequired = true)]
                public partial class MyOtherAirtable { }

                // No code grant: UsePkce says nothing.
                [OAuthProvider("https://airtable.com/oauth2/v1/token", Grants = OAuthGrant.RefreshToken, UsePkce = false)]
                public partial class MyAirtableRefresh { }

                // Mailchimp documents no PKCE: OAUTH011 alone.
                [OAuthProvider("https://login.mailchimp.com/oauth2/token", ClientAuth = ClientAuthMethod.ClientSecretPost, Grants = OAuthGrant.AuthorizationCode,
                    AuthorizationEndpoint = "https://login.mailchimp.com/oauth2/authorize", {|OAUTH011:UsePkce = false|})]
                public partial class MyMailchimp { }

                // A server of your own.
                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://auth.example/authorize", {|OAUTH011:UsePkce = false|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Code_fix_removes_UsePkce_false()
        {
            await CodeFixVerifier.VerifyAsync<EnablePkceCodeFixProvider>("""
                using OAuthGen;

                #pragma warning disable OAUTH011
                [OAuthProvider("https://airtable.com/oauth2/v1/token", Grants = OAuthGrant.AuthorizationCode, {|OAUTH046:UsePkce = false|}, AuthorizationEndpoint = "https://airtable.com/oauth2/v1/authorize")]
                public partial class MyAirtable { }
                """, """
                using OAuthGen;

                #pragma warning disable OAUTH011
                [OAuthProvider("https://airtable.com/oauth2/v1/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://airtable.com/oauth2/v1/authorize")]
                public partial class MyAirtable { }
                """);
        }

        [Fact]
        public void The_catalogue_says_which_providers_require_PKCE()
        {
            var compilation = Compilations.Create("class C { }");
            var catalogue = CatalogueAnalyzer.Read(compilation, compilation.GetTypeByMetadataName("OAuthGen.OAuthProviderAttribute")!);

            Assert.Equal(new[] { "Airtable", "X" }, catalogue.Where(entry => entry.Declaration.PkceRequired).Select(entry => entry.Name));
        }
    }
}
