using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH021: an [OAuthField] that names a standard field, which the runtime reads itself.</summary>
    public class OAUTH021Tests
    {
        [Fact]
        public async Task Fires_on_standard_names_in_any_case()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using System;
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField({|OAUTH021:"expires_in"|})] public TimeSpan? Lifetime { get; set; }
                    [OAuthField({|OAUTH021:"Access_Token"|})] public string? Raw { get; set; }
                    [OAuthField({|OAUTH021:"error_description"|})] public string? Problem { get; set; }
                }
                """);

            Assert.Equal(
                "[OAuthField(\"expires_in\")] on 'Lifetime' is never filled: the runtime reads \"expires_in\" itself into OAuthToken.ExpiresIn; remove the property and use OAuthToken.ExpiresIn",
                diagnostics.First().GetMessage());
            Assert.EndsWith("use OAuthException.ErrorDescription", diagnostics.Last().GetMessage());
        }

        [Fact]
        public async Task Is_silent_on_provider_specific_fields()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System;
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField("refresh_token_expires_in")] public TimeSpan? RefreshTokenExpiresIn { get; set; }
                    [OAuthField("scope_list")] public string[]? Scopes { get; set; }
                }
                """);
        }
    }
}
