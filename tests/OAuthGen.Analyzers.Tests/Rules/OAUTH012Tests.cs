using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH012: JSON token requests, an Info that can be silenced per provider.</summary>
    public class OAUTH012Tests
    {
        [Fact]
        public async Task Reports_an_info_on_BodyEncoding_Json()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Body = {|OAUTH012:BodyEncoding.Json|})]
                public partial class ExampleAuth { }
                """);

            var diagnostic = diagnostics.Single();
            Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
            Assert.StartsWith("'ExampleAuth' sends its token requests as JSON", diagnostic.GetMessage());
        }

        [Fact]
        public async Task Is_silent_on_form_bodies()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://auth.example/token", Body = BodyEncoding.Form)]
                public partial class ExampleAuth { }
                """);
        }

        [Fact]
        public async Task Can_be_silenced_for_one_provider()
        {
            // One provider with #pragma, another with [SuppressMessage]; a third one still reports. The harness's own
            // check (the whole file under #pragma warning disable) cannot hold: this file restores OAUTH012 itself.
            await AnalyzerVerifier.VerifyAsync(checkSuppression: false, markup: """
                #define CODE_ANALYSIS
                using System.Diagnostics.CodeAnalysis;
                using OAuthGen;

                #pragma warning disable OAUTH012 // The provider accepts JSON only.
                [OAuthProvider("https://a.example/token", Body = BodyEncoding.Json)]
                #pragma warning restore OAUTH012
                public partial class PragmaProvider { }

                [SuppressMessage("OAuthGen.Usage", "OAUTH012", Justification = "The provider accepts JSON only.")]
                [OAuthProvider("https://b.example/token", Body = BodyEncoding.Json)]
                public partial class AttributeProvider { }

                [OAuthProvider("https://c.example/token", Body = {|OAUTH012:BodyEncoding.Json|})]
                public partial class OtherProvider { }
                """);
        }
    }
}
