using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static OAuthGen.Tests.Interop.InteropClients;
using static OAuthGen.Tests.Interop.InteropKit;

namespace OAuthGen.Tests.Interop
{
    /// <summary>
    /// Generated clients against @node-oauth/oauth2-server (npm, written by others), run from tests/servers/password.js
    /// on loopback: the resource owner password grant, which oidc-provider does not offer, rotating refresh tokens and
    /// client credentials. Its tokens are checked at the server's own protected resource, GET /me.
    /// </summary>
    public class PasswordServerTests : IClassFixture<PasswordServer>
    {
        private readonly PasswordServer _server;

        public PasswordServerTests(PasswordServer server)
        {
            _server = server;
        }

        private static OAuthClientOptions Options(string? secret = null) =>
            new() { ClientId = PasswordClient, ClientSecret = secret ?? PasswordClientSecret };

        [Fact]
        public Task Password_grant_with_client_secret_basic() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new NodeOAuthBasicAuth(http, Options());

            var token = await client.RequestPasswordTokenAsync(PasswordUser, PasswordUserPassword, cancellationToken: Deadline());

            Assert.Equal("Bearer", token.TokenType);
            Assert.True(token.IsBearer);
            AssertLifetime(3600, token.ExpiresIn);
            Assert.Equal("api:read", token.Scope); // the client's default scope
            Assert.False(string.IsNullOrEmpty(token.RefreshToken));
            await AssertAcceptedAsync(token.AccessToken, PasswordUser, "api:read");
        });

        [Fact]
        public Task Password_grant_with_client_secret_post_and_a_scope() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new NodeOAuthPostAuth(http, Options());

            var token = await client.RequestPasswordTokenAsync(PasswordUser, PasswordUserPassword, "api:read profile", Deadline());

            Assert.Equal("api:read profile", token.Scope);
            await AssertAcceptedAsync(token.AccessToken, PasswordUser, "api:read profile");
        });

        [Fact]
        public Task A_wrong_password_is_invalid_grant() => _server.RunAsync(async () =>
        {
            const string wrongPassword = "not-wonderland-5c1e";
            using var http = _server.CreateHttpClient();
            var client = new NodeOAuthBasicAuth(http, Options());

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestPasswordTokenAsync(PasswordUser, wrongPassword, cancellationToken: Deadline()));

            Assert.Equal("invalid_grant", error.Error);
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.DoesNotContain(wrongPassword, error.ToString());
        });

        [Fact]
        public Task A_wrong_client_secret_is_invalid_client() => _server.RunAsync(async () =>
        {
            const string wrongSecret = "not-the-secret-0b9d";
            using var http = _server.CreateHttpClient();
            var client = new NodeOAuthBasicAuth(http, Options(wrongSecret));

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestPasswordTokenAsync(PasswordUser, PasswordUserPassword, cancellationToken: Deadline()));

            Assert.Equal("invalid_client", error.Error);
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode); // Basic credentials: 401 with WWW-Authenticate
            Assert.DoesNotContain(wrongSecret, error.ToString());
        });

        [Fact]
        public Task Refresh_tokens_rotate() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new NodeOAuthBasicAuth(http, Options());
            var first = await client.RequestPasswordTokenAsync(PasswordUser, PasswordUserPassword, "api:read api:write", Deadline());

            var second = await client.RefreshTokenAsync(first.RefreshToken!, cancellationToken: Deadline());

            Assert.False(string.IsNullOrEmpty(second.RefreshToken));
            Assert.NotEqual(first.RefreshToken, second.RefreshToken);
            Assert.NotEqual(first.AccessToken, second.AccessToken);
            Assert.Equal("api:read api:write", second.Scope); // the original scope when none is asked for
            await AssertAcceptedAsync(second.AccessToken, PasswordUser, "api:read api:write");

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RefreshTokenAsync(first.RefreshToken!, cancellationToken: Deadline()));
            Assert.Equal("invalid_grant", error.Error);
            Assert.DoesNotContain(first.RefreshToken!, error.ToString());
        });

        [Fact]
        public Task A_refresh_may_narrow_the_scope_but_not_widen_it() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new NodeOAuthBasicAuth(http, Options());
            var first = await client.RequestPasswordTokenAsync(PasswordUser, PasswordUserPassword, "api:read api:write", Deadline());

            var narrowed = await client.RefreshTokenAsync(first.RefreshToken!, "api:read", Deadline());
            Assert.Equal("api:read", narrowed.Scope);

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RefreshTokenAsync(narrowed.RefreshToken!, "api:read profile", Deadline()));
            Assert.Equal("invalid_scope", error.Error);
        });

        [Fact]
        public Task Client_credentials() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new NodeOAuthBasicAuth(http, Options());

            var token = await client.RequestClientCredentialsTokenAsync("api:write", Deadline());

            Assert.True(token.IsBearer);
            Assert.Equal("api:write", token.Scope);
            Assert.Null(token.RefreshToken);
            await AssertAcceptedAsync(token.AccessToken, "client:" + PasswordClient, "api:write");
        });

        [Fact]
        public Task A_scope_the_client_may_not_have_is_invalid_scope() => _server.RunAsync(async () =>
        {
            using var http = _server.CreateHttpClient();
            var client = new NodeOAuthBasicAuth(http, Options());

            var error = await Assert.ThrowsAsync<OAuthException>(() => client.RequestClientCredentialsTokenAsync("admin", Deadline()));

            Assert.Equal("invalid_scope", error.Error);
        });

        private async Task AssertAcceptedAsync(string accessToken, string subject, string scope)
        {
            var (status, body) = await GetProtectedAsync(_server, accessToken, Deadline());
            Assert.True(status == HttpStatusCode.OK, "GET /me with the token answered " + (int)status + ": " + body);
            using var document = JsonDocument.Parse(body);
            Assert.Equal(subject, document.RootElement.GetProperty("sub").GetString());
            Assert.Equal(PasswordClient, document.RootElement.GetProperty("client_id").GetString());
            Assert.Equal(scope, document.RootElement.GetProperty("scope").GetString());
        }
    }
}
