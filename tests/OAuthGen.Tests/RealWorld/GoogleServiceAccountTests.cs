using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    // Google service accounts: https://developers.google.com/identity/protocols/oauth2/service-account#httprest
    // POST https://oauth2.googleapis.com/token, grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT>,
    // no client authentication, the scope as a claim of the RS256 assertion (iss = the service account's email).
    [OAuthProvider("https://oauth2.googleapis.com/token",
        Grants = OAuthGrant.JwtBearer,
        ClientAuth = ClientAuthMethod.None,
        ScopeInAssertion = true)]
    public partial class GoogleServiceAccount { }

    /// <summary>
    /// The Google token endpoint as documented: it verifies the assertion with the service account's public key and
    /// checks its claims, and answers with the documented token or the documented <c>invalid_grant</c>.
    /// </summary>
    public sealed class GoogleServiceAccountTests : IAsyncLifetime
    {
        private const string Email = "reader@example-project.iam.gserviceaccount.com";
        private const string KeyId = "8c2f5a0b1e6d4f7a9b3c2d1e0f4a5b6c7d8e9f01";
        private const string Scope = "https://www.googleapis.com/auth/devstorage.read_only";
        private const string TokenEndpoint = "https://oauth2.googleapis.com/token";
        private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        private readonly RSA _key = RSA.Create(2048);
        private readonly List<string> _refusals = new();
        private ProviderEmulator _server = null!;
        private int _issued;

        public async Task InitializeAsync() => _server = await ProviderEmulator.StartAsync(Answer);

        public async Task DisposeAsync()
        {
            await _server.DisposeAsync();
            _key.Dispose();
        }

        private EmulatedAnswer Answer(EmulatedRequest request)
        {
            if (request.Host != "https://oauth2.googleapis.com")
            {
                // A Google API: it wants the bearer token.
                return request.Headers.TryGetValue("Authorization", out var authorization) && authorization.StartsWith("Bearer ya29.", StringComparison.Ordinal)
                    ? EmulatedAnswer.Json("{\"kind\":\"storage#objects\"}")
                    : EmulatedAnswer.Json("{\"error\":{\"code\":401}}", 401);
            }

            var form = request.Body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => WebUtility.UrlDecode(pair[1]));
            var problem = Check(request, form);
            if (problem is not null)
            {
                lock (_refusals)
                {
                    _refusals.Add(problem);
                }

                // Google's documented answer to an assertion it cannot verify.
                return EmulatedAnswer.Json("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}", 400);
            }

            var n = System.Threading.Interlocked.Increment(ref _issued);
            return EmulatedAnswer.Json("{\"access_token\":\"ya29.c.b0Aaek" + n + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
        }

        private string? Check(EmulatedRequest request, Dictionary<string, string> form)
        {
            if (request.Path != "/token" || !request.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal))
            {
                return "path or content type";
            }

            if (string.Join(",", form.Keys) != "grant_type,assertion" || form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer")
            {
                return "parameters: " + string.Join(",", form.Keys);
            }

            var parts = form["assertion"].Split('.');
            if (parts.Length != 3)
            {
                return "not a JWS";
            }

            var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0])).RootElement;
            if (header.GetProperty("alg").GetString() != "RS256" || header.GetProperty("kid").GetString() != KeyId)
            {
                return "header " + header;
            }

            if (!_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return "signature";
            }

            var claims = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1])).RootElement;
            var iat = claims.GetProperty("iat").GetInt64();
            var exp = claims.GetProperty("exp").GetInt64();
            if (claims.GetProperty("iss").GetString() != Email || claims.GetProperty("aud").GetString() != TokenEndpoint
                || !claims.TryGetProperty("scope", out var scope) || scope.GetString() != Scope
                || exp <= iat || exp - iat > 3600 || iat != Start.ToUnixTimeSeconds())
            {
                return "claims " + claims;
            }

            return null;
        }

        private OAuthClientOptions Options(RSA? key = null) => new()
        {
            ClientId = Email,
            SigningKeyPem = (key ?? _key).ExportPkcs8PrivateKeyPem(),
            SigningKeyId = KeyId,
            Scope = Scope,
        };

        [Fact]
        public async Task The_signed_assertion_carries_the_scope_as_a_claim_and_the_request_is_grant_type_and_assertion_alone()
        {
            var client = new GoogleServiceAccount(_server.Http(), Options(), new FakeTimeProvider(Start));

            var token = await client.RequestJwtBearerTokenAsync();

            Assert.Empty(_refusals);
            Assert.Equal("ya29.c.b0Aaek1", token.AccessToken);
            Assert.Equal(Start.AddSeconds(3599), token.ExpiresAt);
            var request = _server.Last;
            Assert.StartsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=ey", request.Body);
            Assert.DoesNotContain("scope=", request.Body);
            Assert.DoesNotContain("client_id", request.Body);
            Assert.False(request.Headers.ContainsKey("Authorization"));
        }

        [Fact]
        public async Task The_subject_argument_is_the_sub_claim_and_iss_stays_the_service_account()
        {
            var client = new GoogleServiceAccount(_server.Http(), Options(), new FakeTimeProvider(Start));

            await client.RequestJwtBearerTokenAsync(subject: "admin@example.com");

            var claims = Claims(_server.Last);
            Assert.Equal("admin@example.com", claims.GetProperty("sub").GetString());
            Assert.Equal(Email, claims.GetProperty("iss").GetString());
            Assert.False(string.IsNullOrEmpty(claims.GetProperty("jti").GetString()));
        }

        [Fact]
        public async Task An_assertion_signed_with_another_key_gets_Googles_invalid_grant_without_the_assertion_in_the_message()
        {
            using var otherKey = RSA.Create(2048);
            var client = new GoogleServiceAccount(_server.Http(), Options(otherKey), new FakeTimeProvider(Start));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestJwtBearerTokenAsync());

            Assert.Equal("signature", Assert.Single(_refusals));
            Assert.Equal("invalid_grant", error.Error);
            Assert.Equal("Invalid JWT Signature.", error.ErrorDescription);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            var assertion = Form(_server.Last)["assertion"];
            Assert.DoesNotContain(assertion, error.ToString());
            Assert.DoesNotContain(assertion.Split('.')[2], error.ToString());
        }

        [Fact]
        public async Task A_prebuilt_assertion_is_sent_as_it_is_with_the_scope_as_a_parameter()
        {
            var client = new GoogleServiceAccount(_server.Http(), Options(), new FakeTimeProvider(Start));

            await Assert.ThrowsAsync<OAuthException>(() => client.RequestJwtBearerTokenWithAssertionAsync("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "openid"));

            Assert.Equal("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJhbGciOiJSUzI1NiJ9.e30.c2ln&scope=openid", _server.Last.Body);
            await Assert.ThrowsAsync<ArgumentException>(() => client.RequestJwtBearerTokenWithAssertionAsync(""));
        }

        [Fact]
        public async Task Per_call_parameters_follow_the_assertion_and_the_assertion_itself_cannot_be_overridden()
        {
            var client = new GoogleServiceAccount(_server.Http(), Options(), new FakeTimeProvider(Start));

            await Assert.ThrowsAsync<OAuthException>(() => client.RequestJwtBearerTokenWithAssertionAsync(
                "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "openid", new[] { new KeyValuePair<string, string>("audience", "https://api.example") }));

            Assert.Equal("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJhbGciOiJSUzI1NiJ9.e30.c2ln&scope=openid&audience=https%3A%2F%2Fapi.example", _server.Last.Body);
            var requests = _server.Requests.Count;

            var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.RequestJwtBearerTokenAsync(
                parameters: new[] { new KeyValuePair<string, string>("assertion", "forged-Sentinel-value") }));

            Assert.Contains("assertion", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("forged-Sentinel-value", refused.Message, StringComparison.Ordinal);
            Assert.Equal(requests, _server.Requests.Count);
        }

        [Fact]
        public async Task Without_a_signing_key_the_call_fails_before_anything_is_sent_saying_what_to_set()
        {
            var options = Options();
            options.SigningKeyPem = null;
            var client = new GoogleServiceAccount(_server.Http(), options);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RequestJwtBearerTokenAsync());

            Assert.Equal("GoogleServiceAccount uses the jwt-bearer grant: set OAuthClientOptions.SigningKeyPem or SigningKey to the client's private key.", error.Message);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public void Without_a_signing_key_start_up_validation_fails_saying_what_to_set()
        {
            var services = new ServiceCollection();
            services.AddOAuthClient<GoogleServiceAccount>(options => options.ClientId = Email);
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(typeof(GoogleServiceAccount).FullName));

            Assert.Contains(error.Failures, failure => failure.StartsWith("GoogleServiceAccount: SigningKeyPem is missing, and the provider's jwt-bearer grant signs its assertion with it.", StringComparison.Ordinal));
        }

        [Fact]
        public async Task The_token_manager_and_bearer_handler_get_the_service_accounts_token_once_for_many_calls()
        {
            var time = new FakeTimeProvider(Start);
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddOAuthClient<GoogleServiceAccount>(options =>
            {
                options.ClientId = Email;
                options.SigningKeyPem = _key.ExportPkcs8PrivateKeyPem();
                options.SigningKeyId = KeyId;
                options.Scope = Scope;
            }).ConfigurePrimaryHttpMessageHandler(() => _server.Handler());
            services.AddHttpClient("storage", http => http.BaseAddress = new Uri("https://storage.googleapis.com/"))
                .AddClientCredentialsToken<GoogleServiceAccount>()
                .ConfigurePrimaryHttpMessageHandler(() => _server.Handler());
            using var provider = services.BuildServiceProvider();
            var storage = provider.GetRequiredService<IHttpClientFactory>().CreateClient("storage");

            for (var call = 0; call < 3; call++)
            {
                (await storage.GetAsync("storage/v1/b/bucket/o")).EnsureSuccessStatusCode();
            }

            var token = await provider.GetRequiredService<ClientCredentialsTokenManager<GoogleServiceAccount>>().GetTokenAsync();

            Assert.Empty(_refusals);
            Assert.Equal(1, _issued);
            Assert.Equal("ya29.c.b0Aaek1", token.AccessToken);
            Assert.Single(_server.Requests, request => request.Host == "https://oauth2.googleapis.com");
            Assert.Equal(3, _server.Requests.Count(request => request.Headers.TryGetValue("Authorization", out var value) && value == "Bearer ya29.c.b0Aaek1"));
        }

        [Fact]
        public async Task An_ES256_key_signs_with_ES256_and_the_audience_can_be_set()
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var options = new OAuthClientOptions
            {
                ClientId = "svc",
                AssertionIssuer = "https://workload.example",
                AssertionAudience = "https://sts.example",
                SigningKey = new ECDsaSecurityKey(ec),
            };
            var client = new GoogleServiceAccount(_server.Http(), options, new FakeTimeProvider(Start));

            await Assert.ThrowsAsync<OAuthException>(() => client.RequestJwtBearerTokenAsync("read"));

            var parts = Form(_server.Last)["assertion"].Split('.');
            Assert.Equal("ES256", JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0])).RootElement.GetProperty("alg").GetString());
            Assert.True(ec.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256));
            var claims = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1])).RootElement;
            Assert.Equal("https://workload.example", claims.GetProperty("iss").GetString());
            Assert.Equal("https://workload.example", claims.GetProperty("sub").GetString());
            Assert.Equal("https://sts.example", claims.GetProperty("aud").GetString());
            Assert.Equal("read", claims.GetProperty("scope").GetString());
        }

        private static Dictionary<string, string> Form(EmulatedRequest request) =>
            request.Body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => WebUtility.UrlDecode(pair[1]));

        private static JsonElement Claims(EmulatedRequest request) =>
            JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(Form(request)["assertion"].Split('.')[1])).RootElement;
    }
}
