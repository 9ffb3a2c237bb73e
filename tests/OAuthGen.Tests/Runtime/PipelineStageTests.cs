using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Infrastructure;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Runtime
{
    /// <summary>The engine's stages on their own: what they precompute is what a request would have computed.</summary>
    public class PipelineStageTests
    {
        private const string Answer = "{\"access_token\":\"a\",\"token_type\":\"Bearer\"}";

        public static IEnumerable<object[]> Encodings() => new[] { new object[] { BodyEncoding.Form }, new object[] { BodyEncoding.Json } };

        [Theory]
        [MemberData(nameof(Encodings))]
        public void A_body_assembled_from_segments_is_the_body_encoded_at_once(BodyEncoding body)
        {
            var encoding = PayloadEncoding.For(body);
            var prefix = Pairs(("grant_type", "client_credentials"), ("client_id", "id +&=\"é"));
            var middle = Pairs(("scope", "a b"), ("resource", "https://api.example/x?y=1"));
            var suffix = Pairs(("audience", "ü\\\u0001"));

            foreach (var (first, second, third) in new[] { (prefix, middle, suffix), (prefix, Pairs(), suffix), (Pairs(), middle, Pairs()), (Pairs(), Pairs(), Pairs()) })
            {
                var assembled = encoding.Assemble(encoding.EncodeSegment(first), encoding.EncodeSegment(second), encoding.EncodeSegment(third));
                var atOnce = encoding.EncodeSegment(first.Concat(second).Concat(third).ToList());
                var expected = body == BodyEncoding.Json ? "{" + Encoding.UTF8.GetString(atOnce) + "}" : Encoding.UTF8.GetString(atOnce);
                Assert.Equal(expected, Encoding.UTF8.GetString(assembled));
            }
        }

        [Theory]
        [InlineData(60)]
        [InlineData(9000)]
        public async Task The_bytes_an_answer_was_read_into_are_cleared_when_the_buffer_goes_back(int size)
        {
            var answer = Encoding.ASCII.GetBytes("{\"access_token\":\"" + new string('t', size) + "\"}");
            using var content = new ByteArrayContent(answer);

            var (bytes, length) = await BoundedContent.ReadAsync(content, 1 << 20, CancellationToken.None);
            Assert.Equal(answer, bytes.AsSpan(0, length).ToArray());

            BoundedContent.Return(bytes, length);
            Assert.True(bytes.AsSpan(0, length).IndexOfAnyExcept((byte)0) < 0, "a byte of the answer is still in the pooled buffer");
        }

        [Fact]
        public async Task A_request_sends_the_precomputed_body_with_its_own_parameters_in_between()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, Answer);
            var (client, _) = Client(handler, ClientAuthMethod.ClientSecretPost);

            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);
            await client.RequestClientCredentialsTokenAsync("read", TokenEndpointClient.CreateDefaultToken, default);
            await client.RequestClientCredentialsTokenAsync(new string("read".ToCharArray()), TokenEndpointClient.CreateDefaultToken, default);
            await client.RequestClientCredentialsTokenAsync("write", TokenEndpointClient.CreateDefaultToken, default);
            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);

            Assert.Equal(
                new[]
                {
                    "grant_type=client_credentials&client_id=client&client_secret=secret&p=v",
                    "grant_type=client_credentials&client_id=client&client_secret=secret&scope=read&p=v",
                    "grant_type=client_credentials&client_id=client&client_secret=secret&scope=read&p=v",
                    "grant_type=client_credentials&client_id=client&client_secret=secret&scope=write&p=v",
                    "grant_type=client_credentials&client_id=client&client_secret=secret&p=v",
                },
                handler.Requests.Select(request => request.BodyText));
        }

        [Fact]
        public async Task Options_changed_after_a_request_take_effect_on_the_next_one()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, Answer);
            var (client, options) = Client(handler, ClientAuthMethod.ClientSecretBasic);

            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);
            options.TokenEndpoint = new Uri("https://sandbox.example/token");
            options.ClientSecret = "other";
            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);

            Assert.Equal(new Uri("https://auth.example/token"), handler.Requests[0].Message.RequestUri);
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client:secret")), handler.Requests[0].Authorization);
            Assert.Equal(new Uri("https://sandbox.example/token"), handler.Requests[1].Message.RequestUri);
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client:other")), handler.Requests[1].Authorization);
        }

        [Fact]
        public async Task A_retry_sends_the_same_bytes_and_headers_again()
        {
            var attempts = 0;
            var handler = new StubHandler((_, _) => Task.FromResult(Interlocked.Increment(ref attempts) == 1 ? Unavailable() : StubHandler.Response(HttpStatusCode.OK, Answer)));
            var (client, _) = Client(handler, ClientAuthMethod.ClientSecretBasic);

            await client.RequestClientCredentialsTokenAsync("read", TokenEndpointClient.CreateDefaultToken, default);

            Assert.Equal(2, handler.Requests.Count);
            Assert.Equal(handler.Requests[0].BodyText, handler.Requests[1].BodyText);
            Assert.Equal(handler.Requests[0].Authorization, handler.Requests[1].Authorization);
            Assert.Equal("v2", handler.Requests[1].Message.Headers.GetValues("X-Api-Version").Single());
            Assert.Equal("application/x-www-form-urlencoded", handler.Requests[1].ContentType);
        }

        [Fact]
        public void Each_grant_reserves_grant_type_the_client_authentication_and_its_own_parameters()
        {
            Assert.Equal(
                new[] { "grant_type", "client_id", "client_secret", "client_assertion_type", "client_assertion", "refresh_token", "scope" },
                GrantDescriptor.RefreshTokenGrant.ReservedParameters);
            Assert.DoesNotContain("grant_type", GrantDescriptor.Revocation.ReservedParameters);
            Assert.Equal(GrantDescriptor.All.Count, GrantDescriptor.All.Select(grant => grant.Index).Distinct().Count());
            Assert.Equal("client_credentials password device_code", new OAuthProviderInfo("P", "https://a.example/t", OAuthGrant.ClientCredentials | OAuthGrant.Password | OAuthGrant.DeviceCode).GrantNames);
        }

        private static List<KeyValuePair<string, string>> Pairs(params (string Name, string Value)[] pairs) =>
            pairs.Select(pair => new KeyValuePair<string, string>(pair.Name, pair.Value)).ToList();

        private static (TokenEndpointClient Client, OAuthClientOptions Options) Client(StubHandler handler, ClientAuthMethod clientAuth)
        {
            var provider = new OAuthProviderInfo(
                "Test",
                "https://auth.example/token",
                OAuthGrant.ClientCredentials,
                clientAuth,
                headers: new[] { new KeyValuePair<string, string>("X-Api-Version", "v2") },
                parameters: new[] { new KeyValuePair<string, string>("p", "v") });
            var options = new OAuthClientOptions { ClientId = "client", ClientSecret = "secret" };
            return (new TokenEndpointClient(new HttpClient(handler), options, provider), options);
        }

        private static HttpResponseMessage Unavailable()
        {
            var response = StubHandler.Response(HttpStatusCode.ServiceUnavailable, "");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return response;
        }

        [Fact]
        public void A_token_makes_its_bearer_header_once_and_again_only_for_another_access_token()
        {
            var token = new OAuthToken { AccessToken = "first" };

            var header = token.BearerHeader();

            Assert.Same(header, token.BearerHeader());
            Assert.Equal("Bearer first", header.ToString());
            token.AccessToken = "second";
            Assert.Equal("Bearer second", token.BearerHeader().ToString());
        }
    }
}
