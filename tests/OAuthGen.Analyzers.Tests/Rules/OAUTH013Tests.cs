using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH013: a client secret (or another credential) written as a string literal.</summary>
    public class OAUTH013Tests
    {
        [Fact]
        public async Task Fires_on_ClientSecret_in_an_options_initializer_and_in_an_assignment()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public static class Setup
                {
                    private const string Secret = "s3cr3t";

                    public static OAuthClientOptions Create()
                    {
                        var options = new OAuthClientOptions { ClientId = "my-client", ClientSecret = {|OAUTH013:"p4ssw0rd"|} };
                        options.ClientSecret = {|OAUTH013:Secret|};
                        return options;
                    }
                }
                """);

            Assert.Equal(
                "The client secret is written as a string literal; read it from configuration or a secret store, so it stays out of source control and binaries",
                diagnostics.First().GetMessage());
        }

        [Fact]
        public async Task Fires_on_the_password_given_to_a_generated_client()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = {|OAUTH010:OAuthGrant.Password|})]
                public partial class ExampleAuth { }

                public static class Use
                {
                    public static Task<OAuthToken> SignInAsync(HttpClient http, OAuthClientOptions options) =>
                        new ExampleAuth(http, options).RequestPasswordTokenAsync("john@doe.com", {|OAUTH013:"mypassword123"|});
                }
                """);
        }

        [Fact]
        public async Task Fires_on_credentials_in_OAuthParameter_and_OAuthHeader()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.None)]
                [OAuthParameter("client_secret", {|OAUTH013:"s3cr3t"|})]
                [OAuthParameter("password", {|OAUTH013:"hunter2"|})]
                [OAuthHeader("Authorization", {|OAUTH013:"Bearer eyJhbGciOi"|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_on_secrets_from_configuration_and_on_non_secrets()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System;
                using OAuthGen;

                public static class Setup
                {
                    public static OAuthClientOptions Create(Func<string, string?> configuration) => new OAuthClientOptions
                    {
                        ClientId = "my-client",
                        ClientSecret = configuration("OAuth:ClientSecret"),
                        Scope = "read",
                    };

                    public static OAuthClientOptions Public() => new OAuthClientOptions { ClientId = "my-client", ClientSecret = null };

                    public static OAuthClientOptions Empty() => new OAuthClientOptions { ClientId = "my-client", ClientSecret = "" };
                }
                """);
        }
    }
}
