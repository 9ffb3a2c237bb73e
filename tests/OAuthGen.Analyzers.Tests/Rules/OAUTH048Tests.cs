using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH048: RefreshTokenEndpoint on a provider without the refresh token grant.</summary>
    public class OAUTH048Tests
    {
        [Fact]
        public async Task Fires_on_RefreshTokenEndpoint_without_RefreshToken()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://api.stream.example/openplatform/exchangetoken",
                    Grants = OAuthGrant.AuthorizationCode,
                    ClientAuth = ClientAuthMethod.ClientSecretPost,
                    AuthorizationEndpoint = "https://stream.example/page/login.html",
                    {|OAUTH048:RefreshTokenEndpoint = "https://api.stream.example/openplatform/refreshtoken"|})]
                public partial class TrovoAuth { }
                """);

            Assert.Equal(
                "'TrovoAuth' sets RefreshTokenEndpoint, which only the refresh token grant uses; add OAuthGrant.RefreshToken to Grants, or remove RefreshTokenEndpoint",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Is_silent_with_RefreshToken_or_without_RefreshTokenEndpoint()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://api.stream.example/openplatform/exchangetoken",
                    Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
                    ClientAuth = ClientAuthMethod.ClientSecretPost,
                    AuthorizationEndpoint = "https://stream.example/page/login.html",
                    RefreshTokenEndpoint = "https://api.stream.example/openplatform/refreshtoken")]
                public partial class TrovoAuth { }

                [OAuthProvider("https://id.example/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost, RefreshTokenEndpoint = "/refresh")]
                public partial class RefreshOnly { }

                [OAuthProvider("https://id.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost, RefreshTokenEndpoint = null)]
                public partial class Machine { }
                """);
        }

        // OAUTH005, OAUTH006 and OAUTH023 as for every endpoint; http beside an https token endpoint is another origin too (OAUTH049).
        [Fact]
        public async Task The_refresh_token_endpoint_is_checked_like_the_others()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://id.example/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RefreshTokenEndpoint = {|OAUTH006:{|OAUTH049:"http://id.example/refresh"|}|})]
                public partial class Insecure { }

                [OAuthProvider("https://id.example/{tenant}/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RefreshTokenEndpoint = {|OAUTH023:"https://id.example/{tenant/refresh"|})]
                public partial class Malformed { }

                [OAuthProvider("https://id.example/token", Grants = OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost,
                    RefreshTokenEndpoint = {|OAUTH005:"ftp://id.example/refresh"|})]
                public partial class NotHttp { }
                """);
        }
    }
}
