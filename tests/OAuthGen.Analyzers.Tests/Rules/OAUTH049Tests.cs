using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH049: RefreshTokenEndpoint on another origin than the token endpoint.</summary>
    public class OAUTH049Tests
    {
        [Theory]
        [InlineData("https://stream.example/openplatform/refreshtoken", "https://stream.example")]
        [InlineData("https://api.stream.example:8443/openplatform/refreshtoken", "https://api.stream.example:8443")]
        [InlineData("https://{region}.stream.example/openplatform/refreshtoken", "https://region.stream.example")]
        public async Task Fires_on_another_host_or_port(string refreshEndpoint, string origin)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://api.stream.example/openplatform/exchangetoken",
                    Grants = OAuthGrant.RefreshToken,
                    ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RefreshTokenEndpoint = {|OAUTH049:"{{refreshEndpoint}}"|})]
                public partial class TrovoAuth { }
                """);

            Assert.Equal(
                "The refresh token endpoint of 'TrovoAuth' is on " + origin + ", the token endpoint on https://api.stream.example: every refresh sends the client secret and the refresh token to a host the token endpoint does not name; check the address against the provider's documentation, and suppress with the reason if it documents this",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Is_silent_on_the_same_origin_on_placeholders_that_match_and_on_relative_endpoints()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://api.stream.example/openplatform/exchangetoken", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RefreshTokenEndpoint = "https://API.STREAM.example:443/openplatform/refreshtoken")]
                public partial class SameOrigin { }

                [OAuthProvider("https://{shop}.example.com/oauth/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RefreshTokenEndpoint = "https://{shop}.example.com/oauth/refresh")]
                public partial class PerShop { }

                [OAuthProvider("oauth/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RefreshTokenEndpoint = "https://id.example/refresh")]
                public partial class Relative { }

                [OAuthProvider("https://id.example/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RefreshTokenEndpoint = "oauth/refresh")]
                public partial class RelativeRefresh { }
                """);
        }
    }
}
