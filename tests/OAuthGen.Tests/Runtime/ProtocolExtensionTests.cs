using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthGen.Infrastructure;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Runtime
{
    /// <summary>JWT client authentication, the device grant, token exchange, revocation, introspection and discovery.</summary>
    public class ProtocolExtensionTests
    {
        private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        private static readonly Uri TokenEndpoint = new("https://id.example/oauth/token");

        [Fact]
        public async Task Private_key_jwt_sends_a_short_lived_assertion_signed_for_the_token_endpoint()
        {
            using var rsa = RSA.Create(2048);
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var client = Client(handler, ClientAuthMethod.PrivateKeyJwt, new OAuthClientOptions { ClientId = "svc", SigningKeyPem = rsa.ExportPkcs8PrivateKeyPem(), SigningKeyId = "key-1" });

            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);

            var form = QueryHelpers.ParseQuery(handler.Requests[0].BodyText);
            Assert.Equal(new[] { "grant_type", "client_id", "client_assertion_type", "client_assertion" }, form.Keys.ToArray());
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"].ToString());
            Assert.Null(handler.Requests[0].Authorization);
            var validation = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"].ToString(), new TokenValidationParameters
            {
                ValidIssuer = "svc",
                ValidAudience = TokenEndpoint.AbsoluteUri,
                IssuerSigningKey = new RsaSecurityKey(rsa.ExportParameters(false)),
                LifetimeValidator = (_, _, _, _) => true,
            });
            Assert.True(validation.IsValid, validation.Exception?.Message);
            var jwt = (JsonWebToken)validation.SecurityToken;
            Assert.Equal("RS256", jwt.Alg);
            Assert.Equal("key-1", jwt.Kid);
            Assert.Equal("svc", jwt.Subject);
            Assert.False(string.IsNullOrEmpty(jwt.Id));
            Assert.Equal(TimeSpan.FromMinutes(1), jwt.ValidTo - jwt.IssuedAt);
            Assert.Equal(Now.UtcDateTime, jwt.IssuedAt);
        }

        [Fact]
        public async Task Private_key_jwt_signs_with_an_ec_key_as_es256_and_makes_a_new_jti_each_time()
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var client = Client(handler, ClientAuthMethod.PrivateKeyJwt, new OAuthClientOptions { ClientId = "svc", SigningKeyPem = ec.ExportECPrivateKeyPem() });

            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);
            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);

            var assertions = handler.Requests.Select(r => new JsonWebToken(QueryHelpers.ParseQuery(r.BodyText)["client_assertion"].ToString())).ToArray();
            Assert.All(assertions, jwt => Assert.Equal("ES256", jwt.Alg));
            Assert.NotEqual(assertions[0].Id, assertions[1].Id);
        }

        [Fact]
        public async Task Client_secret_jwt_signs_with_the_secret_and_never_sends_it()
        {
            const string Secret = "a-client-secret-of-at-least-thirty-two-bytes";
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var client = Client(handler, ClientAuthMethod.ClientSecretJwt, new OAuthClientOptions { ClientId = "svc", ClientSecret = Secret });

            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);

            var body = handler.Requests[0].BodyText;
            Assert.DoesNotContain(Secret, body);
            var validation = await new JsonWebTokenHandler().ValidateTokenAsync(QueryHelpers.ParseQuery(body)["client_assertion"].ToString(), new TokenValidationParameters
            {
                ValidIssuer = "svc",
                ValidAudience = TokenEndpoint.AbsoluteUri,
                IssuerSigningKey = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(Secret)),
                LifetimeValidator = (_, _, _, _) => true,
            });
            Assert.True(validation.IsValid, validation.Exception?.Message);
            Assert.Equal("HS256", ((JsonWebToken)validation.SecurityToken).Alg);
        }

        [Fact]
        public async Task Private_key_jwt_without_a_key_says_which_option_to_set()
        {
            var client = Client(StubHandler.Answer(HttpStatusCode.OK, "{}"), ClientAuthMethod.PrivateKeyJwt, new OAuthClientOptions { ClientId = "svc" });

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.Contains("SigningKeyPem", error.Message);
        }

        [Fact]
        public async Task The_device_grant_polls_at_the_interval_slows_down_when_told_and_returns_the_token()
        {
            var time = new TimerCountingTimeProvider(Now);
            var answers = new Queue<string>(new[]
            {
                "{\"device_code\":\"dev-code-123\",\"user_code\":\"WDJB-MJHT\",\"verification_uri\":\"https://id.example/device\",\"verification_uri_complete\":\"https://id.example/device?user_code=WDJB-MJHT\",\"expires_in\":600,\"interval\":2}",
                "{\"error\":\"authorization_pending\"}",
                "{\"error\":\"slow_down\"}",
                "{\"access_token\":\"device-token\",\"token_type\":\"Bearer\"}",
            });
            var handler = new StubHandler((_, _) => Task.FromResult(StubHandler.Response(answers.Peek().Contains("error") ? HttpStatusCode.BadRequest : HttpStatusCode.OK, answers.Dequeue())));
            var client = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "tv" },
                new OAuthProviderInfo("Tv", "https://id.example/oauth/token", OAuthGrant.DeviceCode, ClientAuthMethod.None, deviceAuthorizationEndpoint: "https://id.example/device/code", scope: "profile"), time);

            var authorization = await client.RequestDeviceAuthorizationAsync(null, default);
            Assert.Equal(("WDJB-MJHT", TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10)), (authorization.UserCode, authorization.Interval, authorization.ExpiresIn));
            Assert.Equal("https://id.example/device?user_code=WDJB-MJHT", authorization.VerificationUriComplete!.AbsoluteUri);
            Assert.DoesNotContain("dev-code-123", authorization.ToString());
            Assert.Equal("client_id=tv&scope=profile", handler.Requests[0].BodyText);

            var polling = client.PollDeviceTokenAsync(authorization, TokenEndpointClient.CreateDefaultToken, default);
            await WaitForRequests(handler, 2);
            await time.WaitForTimers(1);                      // the poll waits on the clock before the clock moves
            time.Advance(TimeSpan.FromSeconds(2));            // pending: same interval
            await WaitForRequests(handler, 3);
            await time.WaitForTimers(2);
            time.Advance(TimeSpan.FromSeconds(6.9));          // slow_down: 2 + 5 seconds, not yet
            await Task.Delay(50);
            Assert.Equal(3, handler.Requests.Count);
            time.Advance(TimeSpan.FromSeconds(0.1));
            var token = await polling;

            Assert.Equal("device-token", token.AccessToken);
            Assert.Equal("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=tv&device_code=dev-code-123", handler.Requests[1].BodyText);
        }

        [Theory]
        [InlineData("access_denied")]
        [InlineData("expired_token")]
        public async Task The_device_grant_stops_on_a_final_answer(string error)
        {
            var handler = StubHandler.Answer(HttpStatusCode.BadRequest, "{\"error\":\"" + error + "\"}");
            var client = DeviceClient(handler, new FakeTimeProvider(Now));

            var failure = await Assert.ThrowsAsync<OAuthException>(() => client.PollDeviceTokenAsync(Authorization(Now, TimeSpan.FromMinutes(5)), TokenEndpointClient.CreateDefaultToken, default));

            Assert.Equal(error, failure.Error);
            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task The_device_grant_gives_up_when_the_codes_expire_and_honours_cancellation()
        {
            var time = new FakeTimeProvider(Now);
            var handler = StubHandler.Answer(HttpStatusCode.BadRequest, "{\"error\":\"authorization_pending\"}");
            var client = DeviceClient(handler, time);

            var expiring = await Assert.ThrowsAsync<OAuthException>(() => client.PollDeviceTokenAsync(Authorization(Now, TimeSpan.FromSeconds(4)), TokenEndpointClient.CreateDefaultToken, default));
            Assert.Equal("expired_token", expiring.Error);

            using var cancellation = new CancellationTokenSource();
            var polling = client.PollDeviceTokenAsync(Authorization(Now, TimeSpan.FromMinutes(5)), TokenEndpointClient.CreateDefaultToken, cancellation.Token);
            await WaitForRequests(handler, 2);
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling);
        }

        [Fact]
        public async Task Token_exchange_sends_the_rfc8693_parameters()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"exchanged\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"N_A\"}");
            var client = Client(handler, ClientAuthMethod.ClientSecretBasic, new OAuthClientOptions { ClientId = "gw", ClientSecret = "secret" });

            var token = await client.ExchangeTokenAsync(new TokenExchangeRequest
            {
                SubjectToken = "user-token",
                SubjectTokenType = TokenTypeIdentifiers.AccessToken,
                Audience = "orders-api",
                Scope = "orders:read",
            }, TokenEndpointClient.CreateDefaultToken, default);

            Assert.Equal(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=user-token&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token&audience=orders-api&scope=orders%3Aread",
                handler.Requests[0].BodyText);
            Assert.Equal("exchanged", token.AccessToken);
            Assert.False(token.IsBearer);
            Assert.Equal(TokenTypeIdentifiers.AccessToken, token.AdditionalFields["issued_token_type"].GetString());
        }

        [Fact]
        public async Task Revocation_succeeds_on_any_200_and_reports_errors()
        {
            var handler = new StubHandler((request, _) => Task.FromResult(request.Content!.ReadAsStringAsync().Result.Contains("bad")
                ? StubHandler.Response(HttpStatusCode.BadRequest, "{\"error\":\"unsupported_token_type\"}")
                : new HttpResponseMessage(HttpStatusCode.OK)));
            var client = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "app", ClientSecret = "secret" },
                new OAuthProviderInfo("Rev", "https://id.example/token", OAuthGrant.None, ClientAuthMethod.ClientSecretPost, revocationEndpoint: "https://id.example/revoke"));

            await client.RevokeTokenAsync("refresh-1", "refresh_token", default);
            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RevokeTokenAsync("bad", null, default));

            Assert.Equal("https://id.example/revoke", handler.Requests[0].Message.RequestUri!.AbsoluteUri);
            Assert.Equal("token=refresh-1&token_type_hint=refresh_token&client_id=app&client_secret=secret", handler.Requests[0].BodyText);
            Assert.Equal("unsupported_token_type", error.Error);
        }

        [Fact]
        public async Task Introspection_reads_the_rfc7662_members()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"active\":true,\"scope\":\"read write\",\"client_id\":\"app\",\"username\":\"alice\",\"sub\":\"u-1\",\"exp\":1790000000,\"aud\":\"api\"}");
            var client = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "app", ClientSecret = "secret" },
                new OAuthProviderInfo("In", "https://id.example/token", OAuthGrant.None, introspectionEndpoint: "https://id.example/introspect"));

            var result = await client.IntrospectTokenAsync("access-1", null, default);

            Assert.True(result.Active);
            Assert.Equal(("read write", "app", "alice", "u-1"), (result.Scope, result.ClientId, result.Username, result.Subject));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790000000), result.ExpiresAt);
            Assert.Equal("api", result.AdditionalFields["aud"].GetString());
            Assert.Equal("token=access-1", handler.Requests[0].BodyText);
        }

        [Fact]
        public async Task An_introspection_answer_without_active_is_refused()
        {
            var client = new TokenEndpointClient(new HttpClient(StubHandler.Answer(HttpStatusCode.OK, "{\"scope\":\"x\"}")), new OAuthClientOptions { ClientId = "app", ClientSecret = "s" },
                new OAuthProviderInfo("In", "https://id.example/token", OAuthGrant.None, introspectionEndpoint: "https://id.example/introspect"));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.IntrospectTokenAsync("t", null, default));

            Assert.Contains("active", error.Message);
        }

        [Fact]
        public async Task Endpoints_come_from_the_metadata_fetched_once()
        {
            var issuer = "https://metadata-" + Guid.NewGuid().ToString("N") + ".example";
            var handler = new StubHandler((request, _) => Task.FromResult(request.Method == HttpMethod.Get
                ? StubHandler.Response(HttpStatusCode.OK, $"{{\"issuer\":\"{issuer}\",\"token_endpoint\":\"{issuer}/connect/token\",\"authorization_endpoint\":\"{issuer}/connect/authorize\",\"revocation_endpoint\":\"{issuer}/connect/revocation\"}}")
                : StubHandler.Response(HttpStatusCode.OK, "{\"access_token\":\"a\"}")));
            var client = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "app", ClientSecret = "s" },
                new OAuthProviderInfo("Discovered", string.Empty, OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode, metadataAddress: issuer + "/.well-known/openid-configuration"));

            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);
            await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);
            var authorization = await client.CreateAuthorizationRequestAsync(new Uri("https://app.example/cb"), null, null, default);
            var synchronous = client.CreateAuthorizationRequest(new Uri("https://app.example/cb"), null, null);

            Assert.Equal(1, handler.Requests.Count(r => r.Message.Method == HttpMethod.Get));
            Assert.All(handler.Requests.Where(r => r.Message.Method == HttpMethod.Post), r => Assert.Equal(issuer + "/connect/token", r.Message.RequestUri!.AbsoluteUri));
            Assert.StartsWith(issuer + "/connect/authorize?", authorization.Url.AbsoluteUri);
            Assert.StartsWith(issuer + "/connect/authorize?", synchronous.Url.AbsoluteUri);
        }

        [Fact]
        public async Task Metadata_naming_another_issuer_is_refused()
        {
            var address = "https://real-" + Guid.NewGuid().ToString("N") + ".example/.well-known/openid-configuration";
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"issuer\":\"https://attacker.example\",\"token_endpoint\":\"https://attacker.example/token\"}");
            var client = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "app", ClientSecret = "s" },
                new OAuthProviderInfo("Mixup", string.Empty, metadataAddress: address));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default));

            Assert.Contains("names the issuer 'https://attacker.example'", error.Message);
            Assert.DoesNotContain(handler.Requests, r => r.Message.Method == HttpMethod.Post);
        }

        private static TokenEndpointClient Client(StubHandler handler, ClientAuthMethod clientAuth, OAuthClientOptions options) =>
            new(new HttpClient(handler), options, new OAuthProviderInfo("Svc", TokenEndpoint.AbsoluteUri, OAuthGrant.ClientCredentials | OAuthGrant.TokenExchange, clientAuth), new FakeTimeProvider(Now));

        private static TokenEndpointClient DeviceClient(StubHandler handler, TimeProvider time) =>
            new(new HttpClient(handler), new OAuthClientOptions { ClientId = "tv" },
                new OAuthProviderInfo("Tv", "https://id.example/oauth/token", OAuthGrant.DeviceCode, ClientAuthMethod.None, deviceAuthorizationEndpoint: "https://id.example/device/code"), time);

        private static DeviceAuthorization Authorization(DateTimeOffset issuedAt, TimeSpan expiresIn) =>
            new("dev-code", "USER-CODE", new Uri("https://id.example/device"), null, expiresIn, TimeSpan.FromSeconds(5), issuedAt);

        /// <summary>A fake clock that counts the timers made on it, so a test moves it only once the code waits on it.</summary>
        private sealed class TimerCountingTimeProvider(DateTimeOffset now) : FakeTimeProvider(now)
        {
            private int _timers;

            public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
            {
                Interlocked.Increment(ref _timers);
                return base.CreateTimer(callback, state, dueTime, period);
            }

            public async Task WaitForTimers(int count)
            {
                for (var i = 0; i < 500 && Volatile.Read(ref _timers) < count; i++)
                {
                    await Task.Delay(10);
                }

                Assert.Equal(count, Volatile.Read(ref _timers));
            }
        }

        private static async Task WaitForRequests(StubHandler handler, int count)
        {
            for (var i = 0; i < 500 && handler.Requests.Count < count; i++)
            {
                await Task.Delay(10);
            }

            Assert.Equal(count, handler.Requests.Count);
        }
    }
}
