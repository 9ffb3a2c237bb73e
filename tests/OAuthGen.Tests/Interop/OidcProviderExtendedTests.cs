// Generated clients against oidc-provider for the grants and methods beyond the first four: JWT client
// authentication (private_key_jwt, client_secret_jwt), the device authorization grant, token exchange, revocation,
// introspection and discovery. Build with -p:ExcludeExtendedInteropTests=true to leave this file out (for a runtime
// or generator without those members).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using OAuthGen;
using Xunit;
using static OAuthGen.Tests.Interop.InteropClients;
using static OAuthGen.Tests.Interop.InteropKit;

namespace OAuthGen.Tests.Interop
{
    // oidc-provider, clients "cc-jwt-rsa" and "cc-jwt-ec": a JWT assertion signed with the client's private key.
    [OAuthProvider("token", Grants = OAuthGrant.ClientCredentials, ClientAuth = ClientAuthMethod.PrivateKeyJwt)]
    public partial class OidcPrivateKeyJwtAuth { }

    // oidc-provider, client "cc-secret-jwt": a JWT assertion signed (HS256) with the client secret.
    [OAuthProvider("token", Grants = OAuthGrant.ClientCredentials, ClientAuth = ClientAuthMethod.ClientSecretJwt)]
    public partial class OidcClientSecretJwtAuth { }

    // oidc-provider, client "device": the device authorization grant (RFC 8628) for a public client.
    [OAuthProvider("token",
        Grants = OAuthGrant.DeviceCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.None,
        DeviceAuthorizationEndpoint = "device/auth",
        Scope = "openid")]
    public partial class OidcDeviceAuth { }

    // oidc-provider, client "exchange": token exchange (RFC 8693), registered by oidc.js; and introspection (RFC 7662).
    [OAuthProvider("token",
        Grants = OAuthGrant.TokenExchange,
        IntrospectionEndpoint = "token/introspection")]
    public partial class OidcTokenExchangeAuth { }

    // oidc-provider, client "cc-basic": revocation (RFC 7009) and introspection (RFC 7662) of its own tokens.
    [OAuthProvider("token",
        Grants = OAuthGrant.ClientCredentials,
        RevocationEndpoint = "token/revocation",
        IntrospectionEndpoint = "token/introspection")]
    public partial class OidcTokenLifecycleAuth { }

    // oidc-provider, client "web": revocation and introspection of a user's refresh token.
    [OAuthProvider("token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        AuthorizationEndpoint = "auth",
        RevocationEndpoint = "token/revocation",
        IntrospectionEndpoint = "token/introspection",
        Scope = "openid")]
    public partial class OidcWebLifecycleAuth { }

    // Discovery: the endpoints come from the metadata. The declared address is a port nothing listens on; the tests
    // give the server's through OAuthClientOptions.MetadataAddress, so it is proven to override the attribute.
    [OAuthProvider(MetadataAddress = "http://127.0.0.1:9/.well-known/openid-configuration", Grants = OAuthGrant.ClientCredentials)]
    public partial class OidcDiscoveredAuth { }

    // Discovery with a metadata address relative to HttpClient.BaseAddress, for the device grant.
    [OAuthProvider(MetadataAddress = ".well-known/openid-configuration", Grants = OAuthGrant.DeviceCode, ClientAuth = ClientAuthMethod.None, Scope = "openid")]
    public partial class OidcDiscoveredDeviceAuth { }

    /// <summary>
    /// Generated clients against oidc-provider (tests/servers/oidc.js) for JWT client authentication, the device
    /// grant, token exchange, revocation, introspection and discovery.
    /// </summary>
    public class OidcProviderExtendedTests : IClassFixture<OidcProviderServer>
    {
        private const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

        private readonly OidcProviderServer _server;

        public OidcProviderExtendedTests(OidcProviderServer server)
        {
            _server = server;
        }

        // ---- private_key_jwt and client_secret_jwt (RFC 7523) ----

        [Theory]
        [InlineData(CcJwtRsa, CcJwtRsaKeyId, "RS256", false)]
        [InlineData(CcJwtRsa, CcJwtRsaKeyId, "RS256", true)]
        [InlineData(CcJwtEc, CcJwtEcKeyId, "ES256", false)]
        [InlineData(CcJwtEc, CcJwtEcKeyId, "ES256", true)]
        public Task Client_credentials_with_private_key_jwt(string clientId, string keyId, string algorithm, bool traditionalPem) => _server.RunAsync(async () =>
        {
            var recorder = new RecordingHandler();
            using var http = _server.CreateHttpClient(recorder);
            var client = new OidcPrivateKeyJwtAuth(http, new OAuthClientOptions
            {
                ClientId = clientId,
                // The committed keys are PKCS#8 ("BEGIN PRIVATE KEY"); the traditional forms are "BEGIN RSA PRIVATE KEY" and "BEGIN EC PRIVATE KEY".
                SigningKeyPem = traditionalPem ? ToTraditionalPem(TestKeyPem(clientId), rsa: clientId == CcJwtRsa) : TestKeyPem(clientId),
                SigningKeyId = keyId,
            });

            var first = await client.RequestClientCredentialsTokenAsync("api:read", Deadline());
            var second = await client.RequestClientCredentialsTokenAsync("api:read", Deadline()); // oidc-provider refuses a replayed assertion

            Assert.Equal("api:read", first.Scope);
            Assert.NotEqual(first.AccessToken, second.AccessToken);
            var introspection = await IntrospectAsync(_server, second.AccessToken, CcBasic, CcBasicSecret, Deadline());
            Assert.Equal(clientId, introspection.GetProperty("client_id").GetString());

            var assertions = recorder.Forms.Select(form => AssertClientAssertion(form, clientId, algorithm, keyId)).ToList();
            Assert.NotEqual(assertions[0].GetProperty("jti").GetString(), assertions[1].GetProperty("jti").GetString());
        });

        [Fact]
        public Task A_private_key_the_client_did_not_register_is_invalid_client() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcPrivateKeyJwtAuth(http, new OAuthClientOptions
            {
                ClientId = CcJwtRsa,
                SigningKeyPem = TestKeyPem(CcJwtEc), // the other client's key
                SigningKeyId = CcJwtRsaKeyId,
            });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync("api:read", Deadline()));

            Assert.Equal("invalid_client", error.Error);
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        });

        [Fact]
        public Task Client_credentials_with_client_secret_jwt() => _server.RunAsync(async () =>
        {
            var recorder = new RecordingHandler();
            using var http = _server.CreateHttpClient(recorder);
            var client = new OidcClientSecretJwtAuth(http, new OAuthClientOptions { ClientId = CcSecretJwt, ClientSecret = CcSecretJwtSecret });

            var first = await client.RequestClientCredentialsTokenAsync("api:write", Deadline());
            var second = await client.RequestClientCredentialsTokenAsync("api:write", Deadline());

            Assert.Equal("api:write", first.Scope);
            Assert.NotEqual(first.AccessToken, second.AccessToken);
            foreach (var form in recorder.Forms)
            {
                AssertClientAssertion(form, CcSecretJwt, "HS256", keyId: null);
                Assert.DoesNotContain(CcSecretJwtSecret, string.Join("&", form.Select(pair => pair.Key + "=" + pair.Value)));
            }
        });

        [Fact]
        public Task A_wrong_secret_for_client_secret_jwt_is_invalid_client() => _server.RunAsync(async () =>
        {
            const string wrongSecret = "not-the-secret-jwt-secret-0123456789abcdef";
            using var http = _server.CreateHttpClient();
            var client = new OidcClientSecretJwtAuth(http, new OAuthClientOptions { ClientId = CcSecretJwt, ClientSecret = wrongSecret });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync("api:read", Deadline()));

            Assert.Equal("invalid_client", error.Error);
            Assert.DoesNotContain(wrongSecret, error.ToString());
        });

        // ---- the device authorization grant (RFC 8628) ----

        [Fact]
        public Task Device_authorization_approved_before_the_first_poll() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcDeviceAuth(http, new OAuthClientOptions { ClientId = Device });

            var authorization = await client.RequestDeviceAuthorizationAsync(cancellationToken: Deadline());

            Assert.Matches("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$", authorization.UserCode);
            Assert.False(string.IsNullOrEmpty(authorization.DeviceCode));
            Assert.Equal(new Uri(_server.Origin + "/device"), authorization.VerificationUri);
            Assert.NotNull(authorization.VerificationUriComplete);
            Assert.Equal(authorization.UserCode, QueryHelpers.ParseQuery(authorization.VerificationUriComplete!.Query)["user_code"].ToString());
            AssertLifetime(600, authorization.ExpiresIn);
            Assert.Equal(TimeSpan.FromSeconds(1), authorization.Interval); // oidc.js announces 1 s; RFC 8628's default is 5 s
            Assert.DoesNotContain(authorization.DeviceCode, authorization.ToString());

            await DecideDeviceCodeAsync(_server, authorization.UserCode, approve: true, Deadline());
            var token = await client.PollDeviceTokenAsync(authorization, Deadline());

            Assert.True(token.IsBearer);
            Assert.Equal("openid", token.Scope);
            Assert.False(string.IsNullOrEmpty(token.RefreshToken));
            Assert.False(string.IsNullOrEmpty(token.IdToken));
            var introspection = await IntrospectAsync(_server, token.AccessToken, CcBasic, CcBasicSecret, Deadline());
            Assert.Equal(TestUser, introspection.GetProperty("sub").GetString());
            Assert.Equal(Device, introspection.GetProperty("client_id").GetString());
        });

        [Fact]
        public Task Device_authorization_polls_while_the_user_decides() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcDeviceAuth(http, new OAuthClientOptions { ClientId = Device });
            var authorization = await client.RequestDeviceAuthorizationAsync("openid", Deadline());
            var mark = _server.OutputLineCount;

            var polling = client.PollDeviceTokenAsync(authorization, Deadline(30));
            await WaitForOutputAsync("authorization_pending", mark, TimeSpan.FromSeconds(10)); // at least one poll was told to wait
            Assert.False(polling.IsCompleted);
            await DecideDeviceCodeAsync(_server, authorization.UserCode, approve: true, Deadline());
            var token = await polling.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.False(string.IsNullOrEmpty(token.AccessToken));

            // The device's refresh token rotates like any public client's.
            var refreshed = await client.RefreshTokenAsync(token.RefreshToken!, cancellationToken: Deadline());
            Assert.NotEqual(token.RefreshToken, refreshed.RefreshToken);
        });

        [Fact]
        public Task Device_authorization_denied_by_the_user_is_access_denied() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcDeviceAuth(http, new OAuthClientOptions { ClientId = Device });
            var authorization = await client.RequestDeviceAuthorizationAsync(cancellationToken: Deadline());

            await DecideDeviceCodeAsync(_server, authorization.UserCode, approve: false, Deadline());
            var error = await Assert.ThrowsAsync<OAuthException>(() => client.PollDeviceTokenAsync(authorization, Deadline()));

            Assert.Equal("access_denied", error.Error);
            Assert.DoesNotContain(authorization.DeviceCode, error.ToString());
        });

        [Fact]
        public Task Polling_stops_when_the_caller_cancels() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcDeviceAuth(http, new OAuthClientOptions { ClientId = Device });
            var authorization = await client.RequestDeviceAuthorizationAsync(cancellationToken: Deadline());
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PollDeviceTokenAsync(authorization, cancel.Token).WaitAsync(TimeSpan.FromSeconds(20)));
        });

        // ---- token exchange (RFC 8693) ----

        [Fact]
        public Task Token_exchange_of_a_client_credentials_token() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var subject = await new OidcSecretBasicAuth(http, new OAuthClientOptions { ClientId = CcBasic, ClientSecret = CcBasicSecret })
                .RequestClientCredentialsTokenAsync("api:read api:write", Deadline());
            var client = new OidcTokenExchangeAuth(http, new OAuthClientOptions { ClientId = Exchange, ClientSecret = ExchangeSecret });

            var token = await client.ExchangeTokenAsync(new TokenExchangeRequest
            {
                SubjectToken = subject.AccessToken,
                SubjectTokenType = TokenTypeIdentifiers.AccessToken,
                Audience = "https://api.example",
                Scope = "api:read",
            }, Deadline());

            Assert.True(token.IsBearer);
            Assert.Equal("api:read", token.Scope);
            AssertLifetime(600, token.ExpiresIn);
            Assert.Equal(TokenTypeIdentifiers.AccessToken, token.AdditionalFields["issued_token_type"].GetString());
            Assert.NotEqual(subject.AccessToken, token.AccessToken);

            var introspection = await client.IntrospectTokenAsync(token.AccessToken, "access_token", Deadline());
            Assert.True(introspection.Active);
            Assert.Equal(Exchange, introspection.ClientId);
            Assert.Equal(CcBasic, introspection.Subject);
            Assert.Equal("api:read", introspection.Scope);
            Assert.NotNull(introspection.ExpiresAt);
            Assert.InRange(introspection.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddSeconds(500), DateTimeOffset.UtcNow.AddSeconds(700));
            Assert.Equal("https://api.example", introspection.AdditionalFields["aud"].GetString());
            Assert.Equal(Exchange, introspection.AdditionalFields["act"].GetProperty("sub").GetString());
        });

        [Fact]
        public Task Token_exchange_of_a_users_token_with_an_actor_token() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var web = new OidcWebAuth(http, new OAuthClientOptions { ClientId = Web, ClientSecret = WebSecret });
            var request = web.CreateAuthorizationRequest(RedirectUri);
            var code = Query(await AuthorizeAsync(_server, request.Url, RedirectUri, Deadline()))["code"];
            var user = await web.ExchangeAuthorizationCodeAsync(code, RedirectUri, request.CodeVerifier, Deadline());
            var actor = await new OidcSecretPostAuth(http, new OAuthClientOptions { ClientId = CcPost, ClientSecret = CcPostSecret })
                .RequestClientCredentialsTokenAsync("api:read", Deadline());
            var client = new OidcTokenExchangeAuth(http, new OAuthClientOptions { ClientId = Exchange, ClientSecret = ExchangeSecret });

            var token = await client.ExchangeTokenAsync(new TokenExchangeRequest
            {
                SubjectToken = user.AccessToken,
                SubjectTokenType = TokenTypeIdentifiers.AccessToken,
                ActorToken = actor.AccessToken,
                ActorTokenType = TokenTypeIdentifiers.AccessToken,
                RequestedTokenType = TokenTypeIdentifiers.AccessToken,
            }, Deadline());

            var introspection = await client.IntrospectTokenAsync(token.AccessToken, cancellationToken: Deadline());
            Assert.True(introspection.Active);
            Assert.Equal(TestUser, introspection.Subject);
            Assert.Equal(CcPost, introspection.AdditionalFields["act"].GetProperty("sub").GetString());
            Assert.Equal("openid", introspection.Scope);
        });

        [Fact]
        public Task Token_exchange_refuses_more_scope_than_the_subject_token_has() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var subject = await new OidcSecretBasicAuth(http, new OAuthClientOptions { ClientId = CcBasic, ClientSecret = CcBasicSecret })
                .RequestClientCredentialsTokenAsync("api:read", Deadline());
            var client = new OidcTokenExchangeAuth(http, new OAuthClientOptions { ClientId = Exchange, ClientSecret = ExchangeSecret });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeTokenAsync(
                new TokenExchangeRequest { SubjectToken = subject.AccessToken, SubjectTokenType = TokenTypeIdentifiers.AccessToken, Scope = "api:read api:write" },
                Deadline()));

            Assert.Equal("invalid_scope", error.Error);
            Assert.DoesNotContain(subject.AccessToken, error.ToString());
        });

        [Fact]
        public Task Token_exchange_of_an_unknown_token_is_invalid_grant() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcTokenExchangeAuth(http, new OAuthClientOptions { ClientId = Exchange, ClientSecret = ExchangeSecret });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.ExchangeTokenAsync(
                new TokenExchangeRequest { SubjectToken = "not-a-token-of-this-server", SubjectTokenType = TokenTypeIdentifiers.AccessToken },
                Deadline()));

            Assert.Equal("invalid_grant", error.Error);
        });

        // ---- revocation (RFC 7009) and introspection (RFC 7662) ----

        [Fact]
        public Task A_revoked_access_token_is_no_longer_active() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcTokenLifecycleAuth(http, new OAuthClientOptions { ClientId = CcBasic, ClientSecret = CcBasicSecret });
            var token = await client.RequestClientCredentialsTokenAsync("api:read", Deadline());

            var before = await client.IntrospectTokenAsync(token.AccessToken, "access_token", Deadline());
            await client.RevokeTokenAsync(token.AccessToken, "access_token", Deadline());
            var after = await client.IntrospectTokenAsync(token.AccessToken, "access_token", Deadline());

            Assert.True(before.Active);
            Assert.Equal(CcBasic, before.ClientId);
            Assert.Equal("api:read", before.Scope);
            Assert.Equal("Bearer", before.TokenType);
            Assert.False(after.Active);
            Assert.Null(after.ClientId);
        });

        [Fact]
        public Task Revoking_an_unknown_token_is_not_an_error() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcTokenLifecycleAuth(http, new OAuthClientOptions { ClientId = CcBasic, ClientSecret = CcBasicSecret });

            await client.RevokeTokenAsync("not-a-token-of-this-server", cancellationToken: Deadline());

            var introspection = await client.IntrospectTokenAsync("not-a-token-of-this-server", cancellationToken: Deadline());
            Assert.False(introspection.Active);
        });

        [Fact]
        public Task A_revoked_refresh_token_no_longer_refreshes() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcWebLifecycleAuth(http, new OAuthClientOptions { ClientId = Web, ClientSecret = WebSecret });
            var request = client.CreateAuthorizationRequest(RedirectUri);
            var code = Query(await AuthorizeAsync(_server, request.Url, RedirectUri, Deadline()))["code"];
            var token = await client.ExchangeAuthorizationCodeAsync(code, RedirectUri, request.CodeVerifier, Deadline());

            var introspection = await client.IntrospectTokenAsync(token.RefreshToken!, "refresh_token", Deadline());
            Assert.True(introspection.Active);
            Assert.Equal(Web, introspection.ClientId);
            Assert.Equal(TestUser, introspection.Subject);
            Assert.InRange(introspection.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));

            await client.RevokeTokenAsync(token.RefreshToken!, "refresh_token", Deadline());

            Assert.False((await client.IntrospectTokenAsync(token.RefreshToken!, "refresh_token", Deadline())).Active);
            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RefreshTokenAsync(token.RefreshToken!, cancellationToken: Deadline()));
            Assert.Equal("invalid_grant", error.Error);
        });

        [Fact]
        public Task A_wrong_secret_at_the_introspection_endpoint_is_invalid_client() => _server.RunAsync(async () =>
        {
            const string wrongSecret = "not-the-secret-91ac";
            using var http = _server.CreateHttpClient();
            var client = new OidcTokenLifecycleAuth(http, new OAuthClientOptions { ClientId = CcBasic, ClientSecret = wrongSecret });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.IntrospectTokenAsync("any-token", cancellationToken: Deadline()));

            Assert.Equal("invalid_client", error.Error);
            Assert.DoesNotContain(wrongSecret, error.ToString());
        });

        // ---- discovery (OpenID Connect discovery / RFC 8414) ----

        [Fact]
        public Task Client_credentials_at_the_token_endpoint_of_the_metadata() => _server.RunAsync(async () =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(20) }; // no BaseAddress
            var client = new OidcDiscoveredAuth(http, new OAuthClientOptions
            {
                ClientId = CcBasic,
                ClientSecret = CcBasicSecret,
                MetadataAddress = _server.MetadataAddress,
            });

            var first = await client.RequestClientCredentialsTokenAsync("api:read", Deadline());
            var second = await client.RequestClientCredentialsTokenAsync("api:read", Deadline());

            Assert.Equal("api:read", first.Scope);
            Assert.NotEqual(first.AccessToken, second.AccessToken);
        });

        [Fact]
        public Task The_metadata_is_fetched_once() => _server.RunAsync(async () =>
        {
            var recorder = new RecordingHandler();
            using var http = _server.CreateHttpClient(recorder);
            var client = new OidcDiscoveredAuth(http, new OAuthClientOptions
            {
                ClientId = CcBasic,
                ClientSecret = CcBasicSecret,
                MetadataAddress = new Uri(_server.MetadataAddress + "?fetched-once"), // an address no other test caches
            });

            for (var i = 0; i < 3; i++)
            {
                await client.RequestClientCredentialsTokenAsync("api:read", Deadline());
            }

            Assert.Single(recorder.Requests, r => r.StartsWith("GET /.well-known/openid-configuration", StringComparison.Ordinal));
            Assert.Equal(3, recorder.Requests.Count(r => r == "POST /token"));
        });

        [Fact]
        public Task Device_authorization_at_the_endpoints_of_the_metadata() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcDiscoveredDeviceAuth(http, new OAuthClientOptions { ClientId = Device });

            var authorization = await client.RequestDeviceAuthorizationAsync(cancellationToken: Deadline());
            await DecideDeviceCodeAsync(_server, authorization.UserCode, approve: true, Deadline());
            var token = await client.PollDeviceTokenAsync(authorization, Deadline());

            Assert.Equal(new Uri(_server.Origin + "/device"), authorization.VerificationUri);
            Assert.False(string.IsNullOrEmpty(token.AccessToken));
        });

        [Fact]
        public Task Private_key_jwt_with_the_issuer_known_sends_the_rfc7523bis_form_and_oidc_provider_accepts_it() => _server.RunAsync(async () =>
        {
            var recorder = new RecordingHandler();
            using var http = _server.CreateHttpClient(recorder);
            var client = new OidcPrivateKeyJwtAuth(http, new OAuthClientOptions
            {
                ClientId = CcJwtRsa,
                SigningKeyPem = TestKeyPem(CcJwtRsa),
                SigningKeyId = CcJwtRsaKeyId,
                Issuer = _server.Origin,
            });

            var token = await client.RequestClientCredentialsTokenAsync("api:read", Deadline());

            Assert.Equal("api:read", token.Scope);
            var parts = recorder.Forms.Single()["client_assertion"].Split('.');
            using var header = JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])));
            using var payload = JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
            Assert.Equal("client-authentication+jwt", header.RootElement.GetProperty("typ").GetString());
            Assert.Equal(_server.Origin, payload.RootElement.GetProperty("aud").GetString());
        });

        // ---- helpers ----

        // Checks the client assertion of a recorded token request and returns its payload.
        private JsonElement AssertClientAssertion(IReadOnlyDictionary<string, string> form, string clientId, string algorithm, string? keyId)
        {
            Assert.Equal(ClientAssertionType, form["client_assertion_type"]);
            Assert.False(form.ContainsKey("client_secret"));
            var parts = form["client_assertion"].Split('.');
            Assert.Equal(3, parts.Length);
            using var header = JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])));
            using var payload = JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
            Assert.Equal(algorithm, header.RootElement.GetProperty("alg").GetString());
            if (keyId is not null)
            {
                Assert.Equal(keyId, header.RootElement.GetProperty("kid").GetString());
            }

            var claims = payload.RootElement;
            Assert.Equal(clientId, claims.GetProperty("iss").GetString());
            Assert.Equal(clientId, claims.GetProperty("sub").GetString());
            var audience = claims.GetProperty("aud");
            Assert.Equal(_server.TokenEndpoint.AbsoluteUri, audience.ValueKind == JsonValueKind.Array ? audience[0].GetString() : audience.GetString());
            Assert.False(string.IsNullOrEmpty(claims.GetProperty("jti").GetString()));
            var expires = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
            Assert.InRange(expires, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(10)); // short-lived
            if (form.TryGetValue("client_id", out var sentId))
            {
                Assert.Equal(clientId, sentId);
            }

            return claims.Clone();
        }

        // PKCS#8 to PKCS#1 ("BEGIN RSA PRIVATE KEY") or SEC 1 ("BEGIN EC PRIVATE KEY").
        private static string ToTraditionalPem(string pkcs8Pem, bool rsa)
        {
            if (rsa)
            {
                using var key = System.Security.Cryptography.RSA.Create();
                key.ImportFromPem(pkcs8Pem);
                return key.ExportRSAPrivateKeyPem();
            }

            using var ec = System.Security.Cryptography.ECDsa.Create();
            ec.ImportFromPem(pkcs8Pem);
            return ec.ExportECPrivateKeyPem();
        }

        private async Task WaitForOutputAsync(string text, int fromLine, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!_server.OutputSince(fromLine).Contains(text, StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "The server did not print '" + text + "' within " + timeout.TotalSeconds + " s.");
                await Task.Delay(50);
            }
        }

        /// <summary>Records every request ("METHOD /path") and the form of every token request, then sends it on.</summary>
        private sealed class RecordingHandler : DelegatingHandler
        {
            private readonly List<string> _requests = new();
            private readonly List<IReadOnlyDictionary<string, string>> _forms = new();

            public IReadOnlyList<string> Requests
            {
                get
                {
                    lock (_requests)
                    {
                        return _requests.ToList();
                    }
                }
            }

            public IReadOnlyList<IReadOnlyDictionary<string, string>> Forms
            {
                get
                {
                    lock (_requests)
                    {
                        return _forms.ToList();
                    }
                }
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var line = request.Method.Method + " " + request.RequestUri!.PathAndQuery;
                IReadOnlyDictionary<string, string>? form = null;
                if (request.Content is not null && request.RequestUri.AbsolutePath == "/token")
                {
                    var text = await request.Content.ReadAsStringAsync(cancellationToken);
                    form = QueryHelpers.ParseQuery(text).ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
                }

                lock (_requests)
                {
                    _requests.Add(line);
                    if (form is not null)
                    {
                        _forms.Add(form);
                    }
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
