using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static OAuthGen.Tests.Interop.InteropClients;
using static OAuthGen.Tests.Interop.InteropKit;

namespace OAuthGen.Tests.Interop
{
    /// <summary>
    /// Generated clients against oidc-provider (npm, a certified OpenID Provider written by others), run from
    /// tests/servers/oidc.js on loopback: client credentials with both secret methods, authorization code with PKCE
    /// for a confidential and a public client driven without a browser, and rotating refresh tokens.
    /// </summary>
    public class OidcProviderTests : IClassFixture<OidcProviderServer>
    {
        private readonly OidcProviderServer _server;

        public OidcProviderTests(OidcProviderServer server)
        {
            _server = server;
        }

        [Fact]
        public Task Client_credentials_with_client_secret_basic() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcSecretBasicAuth(http, new OAuthClientOptions { ClientId = CcBasic, ClientSecret = CcBasicSecret });

            var token = await client.RequestClientCredentialsTokenAsync("api:read", Deadline());

            Assert.False(string.IsNullOrEmpty(token.AccessToken));
            Assert.Equal("Bearer", token.TokenType);
            Assert.True(token.IsBearer);
            AssertLifetime(600, token.ExpiresIn);
            Assert.Equal("api:read", token.Scope);
            Assert.Null(token.RefreshToken);
            Assert.Null(token.IdToken);

            var introspection = await IntrospectAsync(_server, token.AccessToken, CcBasic, CcBasicSecret, Deadline());
            Assert.True(introspection.GetProperty("active").GetBoolean());
            Assert.Equal(CcBasic, introspection.GetProperty("client_id").GetString());
            Assert.Equal("api:read", introspection.GetProperty("scope").GetString());
        });

        [Fact]
        public Task Client_credentials_with_client_secret_post() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcSecretPostAuth(http, new OAuthClientOptions { ClientId = CcPost, ClientSecret = CcPostSecret });

            var token = await client.RequestClientCredentialsTokenAsync("api:read api:write", Deadline());

            Assert.True(token.IsBearer);
            Assert.Equal("api:read api:write", token.Scope);
            var introspection = await IntrospectAsync(_server, token.AccessToken, CcPost, CcPostSecret, Deadline());
            Assert.True(introspection.GetProperty("active").GetBoolean());
            Assert.Equal(CcPost, introspection.GetProperty("client_id").GetString());
        });

        [Fact]
        public Task Client_credentials_without_a_scope() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcSecretBasicAuth(http, new OAuthClientOptions { ClientId = CcBasic, ClientSecret = CcBasicSecret });

            var token = await client.RequestClientCredentialsTokenAsync(cancellationToken: Deadline());

            Assert.False(string.IsNullOrEmpty(token.AccessToken));
            Assert.Null(token.Scope);
        });

        [Fact]
        public Task The_token_endpoint_can_come_from_the_options() => _server.RunAsync(async () =>
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }); // no BaseAddress
            var client = new OidcSecretPostAuth(http, new OAuthClientOptions { ClientId = CcPost, ClientSecret = CcPostSecret, TokenEndpoint = _server.TokenEndpoint });

            var token = await client.RequestClientCredentialsTokenAsync("api:read", Deadline());

            Assert.Equal("api:read", token.Scope);
        });

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public Task A_wrong_secret_is_invalid_client(bool inTheBody) => _server.RunAsync(async () =>
        {
            const string wrongSecret = "not-the-secret-7f3a";
            using var http = _server.CreateHttpClient();
            var options = new OAuthClientOptions { ClientId = inTheBody ? CcPost : CcBasic, ClientSecret = wrongSecret };

            var error = await Assert.ThrowsAsync<OAuthException>(() => inTheBody
                ? new OidcSecretPostAuth(http, options).RequestClientCredentialsTokenAsync("api:read", Deadline())
                : new OidcSecretBasicAuth(http, options).RequestClientCredentialsTokenAsync("api:read", Deadline()));

            Assert.Equal("invalid_client", error.Error);
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            Assert.DoesNotContain(wrongSecret, error.ToString());
        });

        [Fact]
        public Task A_scope_the_client_is_not_registered_for_is_invalid_scope() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcSecretBasicAuth(http, new OAuthClientOptions { ClientId = CcBasic, ClientSecret = CcBasicSecret });

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync("offline_access", Deadline()));

            Assert.Equal("invalid_scope", error.Error);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        });

        [Fact]
        public Task Authorization_code_with_PKCE_for_a_confidential_client() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcWebAuth(http, new OAuthClientOptions { ClientId = Web, ClientSecret = WebSecret });

            var request = client.CreateAuthorizationRequest(RedirectUri);
            var sent = Query(request.Url);
            Assert.Equal(_server.Origin + "/auth", request.Url.GetLeftPart(UriPartial.Path));
            Assert.Equal("code", sent["response_type"]);
            Assert.Equal("S256", sent["code_challenge_method"]);
            Assert.NotNull(request.CodeVerifier);

            var callback = await AuthorizeAsync(_server, request.Url, RedirectUri, Deadline());
            var answer = Query(callback);
            Assert.Equal(request.State, answer["state"]);
            Assert.Equal(_server.Origin, answer["iss"]); // RFC 9207

            var token = await client.ExchangeAuthorizationCodeAsync(answer["code"], RedirectUri, request.CodeVerifier, Deadline());

            Assert.True(token.IsBearer);
            AssertLifetime(3600, token.ExpiresIn);
            Assert.Equal("openid", token.Scope);
            Assert.False(string.IsNullOrEmpty(token.RefreshToken));
            var idToken = JwtPayload(token.IdToken);
            Assert.Equal(TestUser, idToken.GetProperty("sub").GetString());
            Assert.Equal(Web, idToken.GetProperty("aud").GetString());
            Assert.Equal(_server.Origin, idToken.GetProperty("iss").GetString());

            var introspection = await IntrospectAsync(_server, token.AccessToken, Web, WebSecret, Deadline());
            Assert.True(introspection.GetProperty("active").GetBoolean());
            Assert.Equal(TestUser, introspection.GetProperty("sub").GetString());
            Assert.Equal(Web, introspection.GetProperty("client_id").GetString());
        });

        [Fact]
        public Task Authorization_code_with_PKCE_for_a_public_client() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcSpaAuth(http, new OAuthClientOptions { ClientId = Spa });

            var request = client.CreateAuthorizationRequest(RedirectUri, state: "state-of-the-spa");
            var callback = await AuthorizeAsync(_server, request.Url, RedirectUri, Deadline());
            var answer = Query(callback);
            Assert.Equal("state-of-the-spa", answer["state"]);

            var token = await client.ExchangeAuthorizationCodeAsync(answer["code"], RedirectUri, request.CodeVerifier, Deadline());

            Assert.True(token.IsBearer);
            Assert.Equal("openid profile", token.Scope);
            Assert.False(string.IsNullOrEmpty(token.RefreshToken));
            Assert.Equal(TestUser, JwtPayload(token.IdToken).GetProperty("sub").GetString());
        });

        [Fact]
        public Task A_wrong_code_verifier_is_invalid_grant() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcSpaAuth(http, new OAuthClientOptions { ClientId = Spa });
            var request = client.CreateAuthorizationRequest(RedirectUri);
            var code = Query(await AuthorizeAsync(_server, request.Url, RedirectUri, Deadline()))["code"];

            var error = await Assert.ThrowsAsync<OAuthException>(
                () => client.ExchangeAuthorizationCodeAsync(code, RedirectUri, Pkce.CreateCodeVerifier(), Deadline()));

            Assert.Equal("invalid_grant", error.Error);
            Assert.DoesNotContain(code, error.ToString());
        });

        [Fact]
        public Task An_authorization_code_is_good_once() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcWebAuth(http, new OAuthClientOptions { ClientId = Web, ClientSecret = WebSecret });
            var request = client.CreateAuthorizationRequest(RedirectUri);
            var code = Query(await AuthorizeAsync(_server, request.Url, RedirectUri, Deadline()))["code"];
            await client.ExchangeAuthorizationCodeAsync(code, RedirectUri, request.CodeVerifier, Deadline());

            var error = await Assert.ThrowsAsync<OAuthException>(
                () => client.ExchangeAuthorizationCodeAsync(code, RedirectUri, request.CodeVerifier, Deadline()));

            Assert.Equal("invalid_grant", error.Error);
        });

        [Fact]
        public Task Refresh_tokens_rotate_for_a_confidential_client() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcWebAuth(http, new OAuthClientOptions { ClientId = Web, ClientSecret = WebSecret });
            var request = client.CreateAuthorizationRequest(RedirectUri);
            var code = Query(await AuthorizeAsync(_server, request.Url, RedirectUri, Deadline()))["code"];
            var first = await client.ExchangeAuthorizationCodeAsync(code, RedirectUri, request.CodeVerifier, Deadline());

            var second = await client.RefreshTokenAsync(first.RefreshToken!, cancellationToken: Deadline());

            Assert.False(string.IsNullOrEmpty(second.RefreshToken));
            Assert.NotEqual(first.RefreshToken, second.RefreshToken);
            Assert.NotEqual(first.AccessToken, second.AccessToken);
            Assert.Equal("openid", second.Scope);
            var introspection = await IntrospectAsync(_server, second.AccessToken, Web, WebSecret, Deadline());
            Assert.True(introspection.GetProperty("active").GetBoolean());
            Assert.Equal(TestUser, introspection.GetProperty("sub").GetString());

            // The rotated-out refresh token is refused from now on.
            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RefreshTokenAsync(first.RefreshToken!, cancellationToken: Deadline()));
            Assert.Equal("invalid_grant", error.Error);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.DoesNotContain(first.RefreshToken!, error.ToString());
        });

        [Fact]
        public Task Refresh_tokens_rotate_for_a_public_client() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new OidcSpaAuth(http, new OAuthClientOptions { ClientId = Spa });
            var request = client.CreateAuthorizationRequest(RedirectUri);
            var code = Query(await AuthorizeAsync(_server, request.Url, RedirectUri, Deadline()))["code"];
            var first = await client.ExchangeAuthorizationCodeAsync(code, RedirectUri, request.CodeVerifier, Deadline());

            var second = await client.RefreshTokenAsync(first.RefreshToken!, cancellationToken: Deadline());
            var third = await client.RefreshTokenAsync(second.RefreshToken!, cancellationToken: Deadline());

            Assert.Equal(3, new[] { first.RefreshToken, second.RefreshToken, third.RefreshToken }.Distinct().Count());
            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RefreshTokenAsync(second.RefreshToken!, cancellationToken: Deadline()));
            Assert.Equal("invalid_grant", error.Error);
        });

        private static JsonElement JwtPayload(string? jwt)
        {
            Assert.False(string.IsNullOrEmpty(jwt));
            var parts = jwt!.Split('.');
            Assert.Equal(3, parts.Length);
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])));
            return document.RootElement.Clone();
        }
    }
}
