using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Xunit;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OAuthGen.Tests.Interop
{
    // The endpoints come from the server's metadata; the tests give its address through OAuthClientOptions.
    [OAuthProvider(MetadataAddress = "http://127.0.0.1:9/.well-known/openid-configuration", Grants = OAuthGrant.ClientCredentials, ClientAuth = ClientAuthMethod.PrivateKeyJwt)]
    public partial class OpenIddictDiscoveredJwtAuth { }

    // The token endpoint declared (relative), no metadata: the issuer is known only from the options.
    [OAuthProvider("connect/token", Grants = OAuthGrant.ClientCredentials, ClientAuth = ClientAuthMethod.PrivateKeyJwt)]
    public partial class OpenIddictJwtAuth { }

    /// <summary>
    /// OpenIddict.Server 7.8 (a certified OpenID Connect server) in process on loopback Kestrel, with an in-memory
    /// store: it checks private_key_jwt assertions by draft-ietf-oauth-rfc7523bis (typ client-authentication+jwt, aud =
    /// its issuer) and refuses the RFC 7523 form with ID2089.
    /// </summary>
    public sealed class OpenIddictServerTests : IAsyncLifetime
    {
        private const string ClientId = "oauthgen-jwt";
        private const string KeyId = "oauthgen-key-1";
        private readonly RSA _key = RSA.Create(2048);
        private WebApplication? _app;
        private Uri _address = null!;

        public async Task InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var database = "openiddict-" + Guid.NewGuid().ToString("N");
            builder.Services.AddDbContext<DbContext>(options =>
            {
                options.UseInMemoryDatabase(database);
                options.UseOpenIddict();
            });
            builder.Services.AddOpenIddict()
                .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<DbContext>())
                .AddServer(options =>
                {
                    options.SetTokenEndpointUris("connect/token");
                    options.AllowClientCredentialsFlow();
                    options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                    options.DisableAccessTokenEncryption();
                    options.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
                });
            var app = builder.Build();
            app.UseAuthentication();
            app.MapPost("/connect/token", (HttpContext context) =>
            {
                var request = context.GetOpenIddictServerRequest()!;
                var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
                identity.SetClaim(Claims.Subject, request.ClientId);
                identity.SetDestinations(_ => new[] { Destinations.AccessToken });
                return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            });
            await app.StartAsync();
            _app = app;
            _address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");

            await using var scope = app.Services.CreateAsyncScope();
            var publicKey = new RsaSecurityKey(_key.ExportParameters(includePrivateParameters: false)) { KeyId = KeyId };
            var keys = new JsonWebKeySet();
            keys.Keys.Add(JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey));
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientType = ClientTypes.Confidential,
                JsonWebKeySet = keys,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            });
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }

            _key.Dispose();
        }

        private OAuthClientOptions Options() => new()
        {
            ClientId = ClientId,
            SigningKeyPem = _key.ExportPkcs8PrivateKeyPem(),
            SigningKeyId = KeyId,
        };

        [Fact]
        public async Task The_issuer_from_the_metadata_makes_an_rfc7523bis_assertion_that_OpenIddict_accepts()
        {
            var recorder = new FormRecorder();
            using var http = new HttpClient(recorder);
            var options = Options();
            options.MetadataAddress = new Uri(_address, ".well-known/openid-configuration");

            var token = await new OpenIddictDiscoveredJwtAuth(http, options).RequestClientCredentialsTokenAsync();

            Assert.False(string.IsNullOrEmpty(token.AccessToken));
            var (header, payload) = Assertion(recorder);
            Assert.Equal("client-authentication+jwt", header.GetProperty("typ").GetString());
            Assert.Equal(_address.AbsoluteUri, payload.GetProperty("aud").GetString());
        }

        [Fact]
        public async Task The_issuer_from_the_options_makes_an_rfc7523bis_assertion_that_OpenIddict_accepts()
        {
            var recorder = new FormRecorder();
            using var http = new HttpClient(recorder) { BaseAddress = _address };
            var options = Options();
            options.Issuer = _address.AbsoluteUri;

            var token = await new OpenIddictJwtAuth(http, options).RequestClientCredentialsTokenAsync();

            Assert.False(string.IsNullOrEmpty(token.AccessToken));
            Assert.Equal(_address.AbsoluteUri, Assertion(recorder).Payload.GetProperty("aud").GetString());
        }

        [Fact]
        public async Task The_RFC_7523_form_is_kept_on_request_and_OpenIddict_refuses_it_with_ID2089()
        {
            var recorder = new FormRecorder();
            using var http = new HttpClient(recorder);
            var options = Options();
            options.MetadataAddress = new Uri(_address, ".well-known/openid-configuration");
            options.ClientAssertionProfile = ClientAssertionProfile.Rfc7523;

            var error = await Assert.ThrowsAsync<OAuthException>(() => new OpenIddictDiscoveredJwtAuth(http, options).RequestClientCredentialsTokenAsync());

            Assert.Equal("invalid_client", error.Error);
            Assert.Contains("ID2089", error.ErrorUri?.ToString() + " " + error.ErrorDescription);
            var (header, payload) = Assertion(recorder);
            Assert.Equal("JWT", header.GetProperty("typ").GetString());
            Assert.Equal(new Uri(_address, "connect/token").AbsoluteUri, payload.GetProperty("aud").GetString());
        }

        [Fact]
        public async Task Without_an_issuer_the_assertion_keeps_the_RFC_7523_form()
        {
            var recorder = new FormRecorder();
            using var http = new HttpClient(recorder) { BaseAddress = _address };

            await Assert.ThrowsAsync<OAuthException>(() => new OpenIddictJwtAuth(http, Options()).RequestClientCredentialsTokenAsync());

            var (header, payload) = Assertion(recorder);
            Assert.Equal("JWT", header.GetProperty("typ").GetString());
            Assert.Equal(new Uri(_address, "connect/token").AbsoluteUri, payload.GetProperty("aud").GetString());
        }

        private static (JsonElement Header, JsonElement Payload) Assertion(FormRecorder recorder)
        {
            var parts = recorder.Forms.Last(form => form.ContainsKey("client_assertion"))["client_assertion"].Split('.');
            return (
                JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[0]))).RootElement,
                JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))).RootElement);
        }

        /// <summary>Records the form bodies the client sends, and sends them on.</summary>
        private sealed class FormRecorder : DelegatingHandler
        {
            private readonly System.Collections.Concurrent.ConcurrentQueue<System.Collections.Generic.Dictionary<string, string>> _forms = new();

            public FormRecorder()
                : base(new SocketsHttpHandler())
            {
            }

            public System.Collections.Generic.IReadOnlyList<System.Collections.Generic.Dictionary<string, string>> Forms => _forms.ToArray();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
            {
                if (request.Content is not null)
                {
                    var body = await request.Content.ReadAsStringAsync(cancellationToken);
                    _forms.Enqueue(body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => WebUtility.UrlDecode(pair.Length > 1 ? pair[1] : string.Empty)));
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
