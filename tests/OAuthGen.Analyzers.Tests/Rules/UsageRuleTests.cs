using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH034: a code exchanged without its PKCE verifier; OAUTH035: a placeholder in an endpoint set in code.</summary>
    public class UsageRuleTests
    {
        [Fact]
        public async Task OAUTH034_fires_when_a_pkce_client_exchanges_a_code_without_its_verifier()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://auth.example/authorize")]
                public partial class ExampleAuth { }

                public static class Callback
                {
                    public static Task<OAuthToken> RunAsync(ExampleAuth client, string code) =>
                        {|OAUTH034:client.ExchangeAuthorizationCodeAsync(code, new Uri("https://app.example/callback"))|};
                }
                """);

            Assert.StartsWith("'ExampleAuth' sends a PKCE code challenge with its authorization requests", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH034_is_silent_with_a_verifier_an_explicit_null_or_PKCE_off()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System;
                using System.Threading.Tasks;
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://auth.example/authorize")]
                public partial class ExampleAuth { }

                [OAuthProvider("https://legacy.example/token", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://legacy.example/authorize", {|OAUTH011:UsePkce = false|})]
                public partial class LegacyAuth { }

                public static class Callback
                {
                    private static readonly Uri RedirectUri = new Uri("https://app.example/callback");

                    public static Task<OAuthToken> WithVerifier(ExampleAuth client, string code, string verifier) =>
                        client.ExchangeAuthorizationCodeAsync(code, RedirectUri, verifier);

                    public static Task<OAuthToken> FromElsewhere(ExampleAuth client, string code) =>
                        client.ExchangeAuthorizationCodeAsync(code, RedirectUri, codeVerifier: null);

                    public static Task<OAuthToken> WithoutPkce(LegacyAuth client, string code) =>
                        client.ExchangeAuthorizationCodeAsync(code, RedirectUri);
                }
                """);
        }

        [Fact]
        public async Task OAUTH035_fires_on_a_placeholder_in_an_endpoint_set_in_code()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using System;
                using OAuthGen;

                public static class Setup
                {
                    public static void Configure(OAuthClientOptions options)
                    {
                        options.TokenEndpoint = new Uri({|OAUTH035:"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"|});
                    }
                }
                """);

            Assert.StartsWith("The TokenEndpoint set here contains the placeholder '{tenant}'", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH035_is_silent_on_a_filled_endpoint()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System;
                using OAuthGen;

                public static class Setup
                {
                    public static void Configure(OAuthClientOptions options)
                    {
                        options.TokenEndpoint = new Uri("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
                    }
                }
                """);
        }
    }
}
