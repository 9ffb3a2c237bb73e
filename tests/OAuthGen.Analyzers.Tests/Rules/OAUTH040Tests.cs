using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH040: ScopeInAssertion = true on a provider without the jwt-bearer grant.</summary>
    public class OAUTH040Tests
    {
        [Fact]
        public async Task Fires_on_ScopeInAssertion_without_JwtBearer()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://sts.id.example/token",
                    Grants = OAuthGrant.ClientCredentials,
                    {|OAUTH040:ScopeInAssertion = true|})]
                public partial class GoogleServiceAccount { }
                """);

            Assert.Equal(
                "'GoogleServiceAccount' sets ScopeInAssertion, which only the jwt-bearer grant uses; add OAuthGrant.JwtBearer to Grants, or remove 'ScopeInAssertion = true'",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Is_silent_with_JwtBearer_or_with_ScopeInAssertion_false()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://sts.id.example/token", Grants = OAuthGrant.JwtBearer, ClientAuth = ClientAuthMethod.None, ScopeInAssertion = true)]
                public partial class GoogleServiceAccount { }

                [OAuthProvider("https://sts.example/token", Grants = OAuthGrant.JwtBearer | OAuthGrant.ClientCredentials, ScopeInAssertion = true)]
                public partial class Both { }

                [OAuthProvider("https://auth.example/token", ScopeInAssertion = false)]
                public partial class Machine { }
                """);
        }
    }
}
