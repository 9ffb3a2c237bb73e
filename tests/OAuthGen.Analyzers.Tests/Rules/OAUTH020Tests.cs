using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH020: two [OAuthField] properties of one token type read the same response field.</summary>
    public class OAUTH020Tests
    {
        [Fact]
        public async Task Fires_on_the_second_property_of_a_type()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField("issued_at")] public string? IssuedAtText { get; set; }
                    [OAuthField({|OAUTH020:"issued_at"|})] public long? IssuedAt { get; set; }
                }
                """);

            Assert.Equal("'IssuedAt' reads the response field \"issued_at\", which 'IssuedAtText' reads already; map each field once", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task Fires_on_a_derived_type_that_maps_a_field_of_its_base_again()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField("status")] public string? Status { get; set; }
                }

                public class TenantToken : GatewayToken
                {
                    [OAuthField({|OAUTH020:"status"|})] public string? State { get; set; }
                }
                """);
        }

        [Fact]
        public async Task Is_silent_on_overrides_and_on_names_that_differ_in_case()
        {
            // Response field names are case-sensitive in AdditionalFields: "Status" and "status" are two fields.
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField("status")] public virtual string? Status { get; set; }
                    [OAuthField("Status")] public string? LegacyStatus { get; set; }
                }

                public class TenantToken : GatewayToken
                {
                    [OAuthField("status")] public override string? Status { get; set; }
                }
                """);
        }
    }
}
