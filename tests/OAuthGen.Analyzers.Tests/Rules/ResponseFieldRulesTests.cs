using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH024 to OAUTH027: ResponseRoot, the response field names and ScopeSeparator; OAUTH015 beside ScopeSeparator = ",".</summary>
    public class ResponseFieldRulesTests
    {
        [Theory]
        [InlineData("", "is empty (remove the argument for the top level)")]
        [InlineData("data..token", "has an empty name between dots, or a dot at an end")]
        [InlineData(".authed_user", "has an empty name between dots, or a dot at an end")]
        [InlineData("authed_user.", "has an empty name between dots, or a dot at an end")]
        [InlineData("data. token", "has the name ' token' with white space around it")]
        public async Task OAUTH024_fires_on_a_path_that_is_not_names_between_dots(string root, string problem)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://slack.com/api/oauth.v2.access", Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = "https://slack.com/oauth/v2/authorize", ClientAuth = ClientAuthMethod.ClientSecretPost, ResponseRoot = {|OAUTH024:"{{root}}"|})]
                public partial class SlackAuth { }
                """);

            Assert.Equal(
                "ResponseRoot '" + root + "' of 'SlackAuth' " + problem + "; write the names of the nested objects separated by single dots, as in \"authed_user\" or \"data.token\"",
                diagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("ExpiresInField")]
        [InlineData("ExpiresAtField")]
        [InlineData("ErrorField")]
        [InlineData("ErrorDescriptionField")]
        public async Task OAUTH025_fires_on_a_blank_field_name(string argument)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://id.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost, {{argument}} = {|OAUTH025:" "|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                argument + " of 'ExampleAuth' is blank; write the name of the field the provider sends, or remove the argument to read the standard one",
                diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH025_alone_on_two_blank_names_a_blank_name_is_not_a_name_two_fields_share()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://id.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost,
                    ErrorField = {|OAUTH025:" "|}, ErrorDescriptionField = {|OAUTH025:" "|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(2, diagnostics.Count);
        }

        [Fact]
        public async Task OAUTH026_fires_on_two_declared_names_for_one_field()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://id.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost,
                    ExpiresInField = "expires", ExpiresAtField = {|OAUTH026:"expires"|})]
                public partial class ExampleAuth { }
                """);

            Assert.Equal(
                "ExpiresAtField = \"expires\" of 'ExampleAuth' names the same field as ExpiresInField; give each declared field its own name, and no standard field name of another meaning",
                diagnostics.Single().GetMessage());
        }

        [Theory]
        [InlineData("ExpiresInField", "access_token", "access_token")]
        [InlineData("ErrorField", "error_description", "error_description")]
        [InlineData("ExpiresAtField", "Expires_In", "expires_in")]
        [InlineData("ErrorDescriptionField", "scope", "scope")]
        [InlineData("ExpiresInField", "error", "error")]
        [InlineData("ExpiresAtField", "TOKEN_TYPE", "token_type")]
        [InlineData("ErrorField", "refresh_token", "refresh_token")]
        [InlineData("ErrorDescriptionField", "id_token", "id_token")]
        [InlineData("ExpiresInField", "error_uri", "error_uri")]
        public async Task OAUTH026_fires_on_a_standard_name_of_another_meaning(string argument, string name, string standard)
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync($$"""
                using OAuthGen;

                [OAuthProvider("https://id.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost, {{argument}} = {|OAUTH026:"{{name}}"|})]
                public partial class ExampleAuth { }
                """);

            Assert.Contains("names the standard field '" + standard + "', which means something else", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task OAUTH027_fires_on_an_empty_separator()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://id.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost, ScopeSeparator = {|OAUTH027:""|})]
                public partial class ExampleAuth { }
                """);

            Assert.StartsWith("ScopeSeparator of 'ExampleAuth' is empty", diagnostics.Single().GetMessage());
        }

        [Fact]
        public async Task All_are_silent_on_the_documented_remappings_and_OAUTH015_on_comma_scopes_of_a_comma_provider()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://slack.com/api/oauth.v2.access", Grants = OAuthGrant.AuthorizationCode,
                    ClientAuth = ClientAuthMethod.ClientSecretPost, AuthorizationEndpoint = "https://slack.com/oauth/v2/authorize",
                    ResponseRoot = "authed_user", ScopeSeparator = ",", Scope = "users:read,chat:write")]
                public partial class SlackUserAuth { }

                [OAuthProvider("https://www.strava.com/oauth/token", ClientAuth = ClientAuthMethod.ClientSecretPost,
                    Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, AuthorizationEndpoint = "https://www.strava.com/oauth/authorize",
                    ExpiresAtField = "expires_at", ScopeSeparator = ",", Scope = "read,activity:read")]
                public partial class StravaAuth { }

                [OAuthProvider("https://api.weixin.qq.com/sns/oauth2/access_token", ClientAuth = ClientAuthMethod.ClientSecretPost,
                    ErrorField = "errcode", ErrorDescriptionField = "errmsg", ExpiresInField = "expires", ResponseRoot = "data.token")]
                public partial class WeixinAuth { }
                """);
        }

        [Fact]
        public async Task OAUTH015_still_fires_on_comma_scopes_of_a_space_provider()
        {
            await AnalyzerVerifier.VerifyAsync("""
                using OAuthGen;

                [OAuthProvider("https://id.example/token", ClientAuth = ClientAuthMethod.ClientSecretPost, ScopeSeparator = "+", Scope = {|OAUTH015:"read,write"|})]
                public partial class ExampleAuth { }
                """);
        }
    }
}
