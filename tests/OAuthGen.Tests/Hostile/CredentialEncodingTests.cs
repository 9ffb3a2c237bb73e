using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// Credentials with ':', '%', '+', spaces and non-ASCII, sent by the generated clients to a real server that decodes
    /// them as RFC 6749 says (§2.3.1: form-decode each side of the Basic pair after base64; Appendix B for bodies), or
    /// raw for the Plain Basic style: what the server reads is exactly what the user typed.
    /// </summary>
    public class CredentialEncodingTests : IClassFixture<HostileServerFixture>
    {
        private readonly HostileTokenServer _server;

        public CredentialEncodingTests(HostileServerFixture fixture)
        {
            _server = fixture.Server;
        }

        public static TheoryData<string, string, string> Credentials() => new()
        {
            { "colons", "client:id:with:colons", "se:cr:et:" },
            { "percent", "100%-client", "%41%2B%%25%" },
            { "plus", "a+b client", "c+d==+" },
            { "spaces", " spaced id ", "  two  spaces  " },
            { "non-ASCII", "clïent-日本", "sécret-ü-€-😀" },
            { "form syntax", "id&x=1", "s&e=c?r#e/t\\\"'" },
            { "everything", "a:b %2B+é", ":% +é\u00a0\t" },
        };

        [Theory]
        [MemberData(nameof(Credentials))]
        public async Task Basic_with_rfc6749_encoding_reaches_a_decoding_server_intact(string name, string clientId, string clientSecret)
        {
            _ = name;
            using var http = HostileCredentials.Http();
            var client = new HostileBasicAuth(http, HostileCredentials.Options(_server.Endpoint("decode"), clientSecret, clientId));

            var token = await client.RequestClientCredentialsTokenAsync();

            Assert.Equal(clientId, Seen(token, "seen_basic_id"));
            Assert.Equal(clientSecret, Seen(token, "seen_basic_secret"));
            Assert.Null(Seen(token, "seen_body_client_secret"));
        }

        [Theory]
        [MemberData(nameof(Credentials))]
        public async Task Basic_with_plain_encoding_reaches_a_raw_server_intact_or_is_refused_for_a_colon_in_the_id(string name, string clientId, string clientSecret)
        {
            _ = name;
            using var http = HostileCredentials.Http();
            var client = new HostilePlainBasicAuth(http, HostileCredentials.Options(new Uri(_server.BaseAddress, "decode/plain/token"), clientSecret, clientId));

            if (clientId.Contains(':', StringComparison.Ordinal))
            {
                // RFC 7617 §2: the server would cut the id at the first ':'. Refused before sending, without showing the id.
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestClientCredentialsTokenAsync());
                Assert.Contains("BasicAuthEncoding.Rfc6749", error.Message);
                Assert.DoesNotContain(clientId, error.Message);
                Assert.DoesNotContain(clientSecret, error.Message);
                return;
            }

            var token = await client.RequestClientCredentialsTokenAsync();

            Assert.Equal(clientId, Seen(token, "seen_basic_id"));
            Assert.Equal(clientSecret, Seen(token, "seen_basic_secret"));
        }

        [Theory]
        [MemberData(nameof(Credentials))]
        public async Task Client_secret_post_in_a_form_body_reaches_the_server_intact(string name, string clientId, string clientSecret)
        {
            _ = name;
            using var http = HostileCredentials.Http();
            var client = new HostilePostAuth(http, HostileCredentials.Options(_server.Endpoint("decode"), clientSecret, clientId));

            var token = await client.RequestPasswordTokenAsync(clientId + "@user", clientSecret + "-password", "scope:" + clientSecret);

            Assert.Equal(clientId, Seen(token, "seen_body_client_id"));
            Assert.Equal(clientSecret, Seen(token, "seen_body_client_secret"));
            Assert.Equal(clientId + "@user", Seen(token, "seen_username"));
            Assert.Equal(clientSecret + "-password", Seen(token, "seen_password"));
            Assert.Equal("scope:" + clientSecret, Seen(token, "seen_scope"));
            Assert.Null(Seen(token, "seen_basic_id"));
        }

        [Theory]
        [MemberData(nameof(Credentials))]
        public async Task Client_secret_post_in_a_json_body_reaches_the_server_intact(string name, string clientId, string clientSecret)
        {
            _ = name;
            using var http = HostileCredentials.Http();
            var client = new HostileJsonPostAuth(http, HostileCredentials.Options(_server.Endpoint("decode"), clientSecret, clientId));

            var token = await client.RequestPasswordTokenAsync(clientId, clientSecret);

            Assert.Equal(clientId, Seen(token, "seen_body_client_id"));
            Assert.Equal(clientSecret, Seen(token, "seen_body_client_secret"));
            Assert.Equal(clientSecret, Seen(token, "seen_password"));
        }

        private static string? Seen(OAuthToken token, string field) => TokenFieldReader.GetString(token.AdditionalFields, field);
    }
}
