using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH035: a placeholder in an endpoint set in code.</summary>
    public class UsageRuleTests
    {
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
