using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH019: an [OAuthField] property the generated factory can never fill.</summary>
    public class OAUTH019Tests
    {
        [Fact]
        public async Task Fires_on_the_type_of_an_unsupported_property()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using System;
                using System.Collections.Generic;
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField("home")] public {|OAUTH019:Uri?|} Home { get; set; }
                    [OAuthField("products")] public {|OAUTH019:List<string>?|} Products { get; set; }
                    [OAuthField("ratio")] public {|OAUTH019:decimal|} Ratio { get; set; }
                }
                """);

            Assert.Equal(
                "The [OAuthField] property 'Home' is never filled because it has the type 'Uri?', which OAuthGen cannot read (use string, bool, int, long, double, TimeSpan, DateTimeOffset or string[], or their nullable forms)",
                diagnostics.First().GetMessage());
        }

        [Fact]
        public async Task Fires_on_a_property_without_a_usable_setter_and_on_a_static_one()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField("status")] public string? {|OAUTH019:Status|} { get; }
                    [OAuthField("tenant")] public string? Tenant { get; {|OAUTH019:private set;|} }
                    [OAuthField("region")] public {|OAUTH019:static|} string? Region { get; set; }
                }
                """);
        }

        [Fact]
        public async Task Fires_on_a_field_of_a_type_that_is_no_token()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                public class TokenDetails
                {
                    [OAuthField("status")] public string? {|OAUTH019:Status|} { get; set; }
                }
                """);
        }

        [Fact]
        public async Task Is_silent_on_every_supported_type()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using System;
                using OAuthGen;

                public class GatewayToken : OAuthToken
                {
                    [OAuthField("a")] public string A { get; set; } = "";
                    [OAuthField("b")] public bool? B { get; set; }
                    [OAuthField("c")] public int C { get; set; }
                    [OAuthField("d")] public long? D { get; set; }
                    [OAuthField("e")] public double E { get; init; }
                    [OAuthField("f")] public TimeSpan? F { get; set; }
                    [OAuthField("g")] public DateTimeOffset G { get; internal set; }
                    [OAuthField("h")] public string[]? H { get; set; }
                }
                """);
        }
    }
}
