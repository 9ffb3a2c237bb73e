using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OAuthGen.Infrastructure;
using OAuthGen.Tests.Infrastructure;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tests.TokenManagement;
using Xunit;

namespace OAuthGen.Tests.Security
{
    /// <summary>
    /// Issue 15: an answer that carries credentials but is rejected for another reason must not show them. Each body
    /// below is refused (or is an error); every credential it carries holds "Sentinel".
    /// </summary>
    [Collection(nameof(SecretScanCollection))]
    public class AnswerLeakTests
    {
        public const string AccessToken = "at-Sentinel-7f3a91";
        public const string RefreshToken = "rt-Sentinel-0c44de";
        public const string IdToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.Sentinel-sig_0123456789";
        public const string DeviceCode = "dc-Sentinel-55aa10";

        // Long and opaque: what a credential looks like where nothing names it one.
        private const string OpaqueCredential = "Sentinel7f3a91c44de0c55aa10Sentinel7f3a91c44de0";

        public static TheoryData<string, string> RejectedAnswers() => new()
        {
            { "negative expires_in", $"{{\"access_token\":\"{AccessToken}\",\"expires_in\":-5}}" },
            { "expires_in a word", $"{{\"access_token\":\"{AccessToken}\",\"expires_in\":\"soon\"}}" },
            { "error next to the token", $"{{\"access_token\":\"{AccessToken}\",\"error\":\"invalid_grant\"}}" },
            { "error describing the token", $"{{\"error\":\"invalid_grant\",\"error_description\":\"token {AccessToken} refused\",\"access_token\":\"{AccessToken}\"}}" },
            { "refresh_token an object", $"{{\"access_token\":\"{AccessToken}\",\"refresh_token\":{{\"value\":\"{RefreshToken}\"}}}}" },
            { "access_token an array", $"{{\"access_token\":[\"{AccessToken}\"],\"token_type\":\"Bearer\"}}" },
            { "the token after the fault", $"{{\"expires_in\":-5,\"access_token\":\"{AccessToken}\",\"refresh_token\":\"{RefreshToken}\"}}" },
            { "escaped member name", $"{{\"acc\\u0065ss_token\":\"{AccessToken}\",\"expires_in\":\"soon\"}}" },
            { "escaped value", "{\"access_token\":\"at\\u002dSentinel\\u002d7f3a91\",\"expires_in\":\"soon\"}" },
            { "id_token with a bad scope", $"{{\"access_token\":\"{AccessToken}\",\"id_token\":\"{IdToken}\",\"scope\":[1]}}" },
            { "truncated JSON", $"{{\"access_token\":\"{AccessToken}\",\"refresh_token\":{{\"v\":\"{RefreshToken}\"" },
            { "a JWT in an unknown field", $"{{\"note\":\"{IdToken}\",\"expires_in\":\"soon\"}}" },
            { "a long opaque value in an unknown field", "{\"handle\":\"Sentinel7f3a91c44de0c55aa10Sentinel7f3a91c44de0\",\"expires_in\":\"soon\"}" },
            { "a credential-named field", "{\"session_token\":\"st-Sentinel-91\",\"client_secret\":\"cs-Sentinel-92\",\"expires_in\":\"soon\"}" },
            { "form-encoded", $"access_token={AccessToken}&refresh_token={RefreshToken}&expires_in=soon" },
            { "no access_token but an id_token", $"{{\"id_token\":\"{IdToken}\",\"refresh_token\":\"{RefreshToken}\"}}" },
            { "a 500 quoting the token", $"<html>upstream said {{\"access_token\":\"{AccessToken}\"}}</html>" },
        };

        [Theory]
        [MemberData(nameof(RejectedAnswers))]
        public async Task A_rejected_answer_shows_none_of_its_credentials(string why, string body)
        {
            var status = body.StartsWith("<html>", StringComparison.Ordinal) ? HttpStatusCode.InternalServerError : HttpStatusCode.OK;
            var client = Client(StubHandler.Answer(status, body));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            AssertNoSentinel(why, SentinelWatch.Describe(error));
            Assert.NotNull(error.ResponseExcerpt);
            Assert.Contains("***", error.ResponseExcerpt);
        }

        [Fact]
        public async Task A_field_a_typed_token_marks_secret_is_kept_out_of_what_is_shown()
        {
            Assert.Equal(new[] { "api_handle" }, KeyedAuth.Provider.SecretFields);
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"ok\",\"api_handle\":\"ah-Sentinel\",\"region\":\"eu-1\",\"expires_in\":\"soon\"}");
            var client = new KeyedAuth(new HttpClient(handler), new OAuthClientOptions { ClientId = "client", ClientSecret = "s3cr3t-Sentinel-9f8e" });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync());

            AssertNoSentinel("secret field", SentinelWatch.Describe(error));
            Assert.Contains("\"api_handle\":\"***\"", error.ResponseExcerpt);
            Assert.Contains("\"region\":\"eu-1\"", error.ResponseExcerpt);
        }

        [Fact]
        public async Task A_device_authorization_without_a_verification_uri_does_not_show_its_device_code()
        {
            var provider = new OAuthProviderInfo("Device", "https://auth.example/token", OAuthGrant.DeviceCode, deviceAuthorizationEndpoint: "https://auth.example/device");
            var client = Client(StubHandler.Answer(HttpStatusCode.OK, $"{{\"device_code\":\"{DeviceCode}\",\"user_code\":\"WDJB-MJHT\"}}"), provider);

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestDeviceAuthorizationAsync(null, default));

            AssertNoSentinel("device code", SentinelWatch.Describe(error));
            Assert.Contains("WDJB-MJHT", error.ResponseExcerpt);
        }

        [Fact]
        public async Task The_error_code_a_server_sets_to_a_secret_it_was_sent_is_redacted_in_the_exception_and_the_span()
        {
            const string secret = "s3cr3t-Sentinel-9f8e";
            using var capture = new TelemetryCapture();
            var client = Client(StubHandler.Answer(HttpStatusCode.BadRequest, "{\"error\":\"" + secret + "\",\"error_uri\":\"https://e.example/" + secret + "\"}"));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            AssertNoSentinel("error code", SentinelWatch.Describe(error).Concat(capture.Spans.SelectMany(span => span.Tags)));
        }

        [Theory]
        [InlineData("{\"error\":\"" + OpaqueCredential + "\"}")]
        [InlineData("{\"error\":\"" + IdToken + "\"}")]
        [InlineData("{\"error\":\"invalid_grant\",\"error_uri\":\"https://e.example/" + IdToken + "\"}")]
        [InlineData("{\"error\":\"invalid_grant\",\"error_uri\":\"https://e.example/" + OpaqueCredential + "\"}")]
        public async Task A_credential_that_an_answer_moved_into_its_error_or_error_uri_is_masked_by_its_shape(string body)
        {
            // The value is in no credential member, so only its shape (a JWT, a long opaque run) tells what it is: what
            // a server that swaps or splices members shows.
            var client = Client(StubHandler.Answer(HttpStatusCode.BadRequest, body));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            AssertNoSentinel("moved credential", SentinelWatch.Describe(error));
            Assert.True(error.Error == Redactor.Mask || error.ErrorUri == "https://e.example/" + Redactor.Mask, error.Error + " " + error.ErrorUri);
        }

        [Theory]
        [InlineData(-5)]
        [InlineData("\"soon\"")]
        public async Task Through_the_bearer_handler_the_warning_logged_for_a_broken_answer_holds_no_token(object expiresIn)
        {
            using var capture = new TelemetryCapture();
            var endpoint = new CountingTokenEndpoint
            {
                Failure = () => StubHandler.Response(HttpStatusCode.OK, $"{{\"access_token\":\"{AccessToken}\",\"refresh_token\":\"{RefreshToken}\",\"expires_in\":{expiresIn}}}"),
            };
            await using var services = TokenManagementHarness.Build(endpoint, configure: s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(capture)));

            await Assert.ThrowsAsync<OAuthException>(() => services.Api().GetAsync("data"));

            Assert.Contains(capture.Logs, log => log.EventId == 4);
            AssertNoSentinel("log", capture.Logs.Select(log => log.Text).Concat(capture.Spans.SelectMany(span => span.Tags)));
        }

        [Theory]
        [InlineData("eyJBQ0NFU1NfVE9LRU4iOn0=")] // {"ACCESS_TOKEN":}, found by the fuzzer: a member with no value
        [InlineData("77u/eyAiYWNjZcCvc3NfdG9rZW4iIDp9ICJhIiwgLyo=")] // a BOM, an overlong UTF-8 sequence in the name, then no value
        [InlineData("eyJyZWZyZXNoX3Rva2VuIjoi")] // {"refresh_token":" and nothing more
        [InlineData("eyJpZF90b2tlbiI6W3sieCI6")] // {"id_token":[{"x": and nothing more
        [InlineData("YWNjZXNzX3Rva2VuPSZyZWZyZXNoX3Rva2VuPQ==")] // access_token=&refresh_token=
        public async Task The_redactor_reads_any_broken_answer_without_throwing(string base64)
        {
            var handler = new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Convert.FromBase64String(base64)) }));

            var error = await Assert.ThrowsAsync<OAuthException>(() => Client(handler).RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.NotNull(error.ResponseExcerpt);
        }

        [Fact]
        public void Only_the_redactor_fills_an_excerpt_every_other_OAuthException_of_the_runtime_passes_none()
        {
            var runtime = System.IO.Path.Combine(DotnetCli.RepositoryRoot, "src", "Runtime");
            var creations = System.IO.Directory.EnumerateFiles(runtime, "*.cs", System.IO.SearchOption.AllDirectories)
                .Where(path => !path.Contains(System.IO.Path.DirectorySeparatorChar + "obj" + System.IO.Path.DirectorySeparatorChar))
                .SelectMany(path => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(System.IO.File.ReadAllText(path), path: path).GetRoot()
                    .DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax>()
                    .Where(creation => creation.Type.ToString() == "OAuthException")
                    .Select(creation => (File: System.IO.Path.GetFileName(path), creation.ArgumentList!.Arguments)))
                .ToList();

            Assert.True(creations.Count > 20, "the scan found the runtime's exceptions");
            var fromTheRedactor = creations.Where(c => c.File == "Redactor.cs").ToList();
            Assert.Single(fromTheRedactor);
            var withExcerpt = creations.Where(c => c.File != "Redactor.cs" && c.Arguments.Count >= 6 && c.Arguments[5].ToString() != "null").ToList();
            Assert.True(withExcerpt.Count == 0, string.Join("\n", withExcerpt.Select(c => c.File + ": " + c.Arguments)));
        }

        [Theory]
        [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc refused", "token *** refused")]
        [InlineData("handle 0123456789abcdefghijklmnopqrstuv!", "handle ***!")]
        [InlineData("handle 0123456789abcdefghijklmnopqrstu!", "handle 0123456789abcdefghijklmnopqrstu!")]
        [InlineData("see https://errors.example/invalid_client/AADSTS7000215", "see https://errors.example/invalid_client/AADSTS7000215")]
        [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnop", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnop")]
        [InlineData("", "")]
        public void Provider_text_loses_what_is_shaped_like_a_credential_and_keeps_the_rest(string text, string shown)
        {
            Assert.Equal(shown, new Redactor(Array.Empty<string>()).RedactProvided(text));
        }

        [Theory]
        [InlineData("p+ss w\u00f6rd-Sentinel", "p%2Bss%20w%C3%B6rd-Sentinel")]
        [InlineData("p+ss w\u00f6rd-Sentinel", "p\\u002Bss w\\u00F6rd-Sentinel")]
        [InlineData("p\"ss-Sentinel", "p\\\"ss-Sentinel")]
        public void A_request_secret_is_hidden_raw_form_encoded_and_json_escaped(string secret, string echoed)
        {
            Assert.Equal("was *** here", new Redactor(new[] { secret }).Redact("was " + echoed + " here"));
            Assert.Equal("was ss here", new Redactor(new[] { "ss" }).Redact("was ss here"));
        }

        internal static void AssertNoSentinel(string why, IEnumerable<string> shown)
        {
            var leaks = shown.Where(text => text.Contains(SentinelWatch.Marker, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, why + ": " + string.Join("\n", leaks));
        }

        private static TokenEndpointClient Client(StubHandler handler, OAuthProviderInfo? provider = null)
        {
            provider ??= new OAuthProviderInfo("Test", "https://auth.example/token", OAuthGrant.ClientCredentials);
            var options = new OAuthClientOptions { ClientId = "client", ClientSecret = "s3cr3t-Sentinel-9f8e" };
            return new TokenEndpointClient(new HttpClient(handler), options, provider, new SelfAdvancingTimeProvider(DateTimeOffset.UnixEpoch));
        }
    }

    /// <summary>A provider whose token type has a field marked secret.</summary>
    [OAuthProvider("https://auth.example/token", TokenType = typeof(KeyedToken))]
    public partial class KeyedAuth { }

    /// <summary>A token with a credential of the provider's own and an ordinary field.</summary>
    public class KeyedToken : OAuthToken
    {
        /// <summary>A handle that grants access, as a key would.</summary>
        [OAuthField("api_handle", Secret = true)] public string? ApiHandle { get; set; }

        /// <summary>Where the account lives.</summary>
        [OAuthField("region")] public string? Region { get; set; }
    }
}
