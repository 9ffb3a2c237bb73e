using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH009: no grant at all.</summary>
    public class OAUTH009Tests
    {
        [Fact]
        public async Task Fires_on_OAuthGrant_None()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = {|OAUTH009:OAuthGrant.None|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal("'ExampleAuth' declares no grant, so it gets no token method; set Grants to the grants the provider supports", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_zero()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Grants = {|OAUTH009:0|})]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Is_silent_on_the_default_grant()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token")]
                public partial class ExampleAuth { }
                """);
        }
    }
}
