using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// Handlers that resolve or rewrite the request URI before the socket (Microsoft.Extensions.ServiceDiscovery, a
    /// gateway router) are not redirects: the credentials go to the address they resolved, with the Basic header whole,
    /// and the TLS rule applies to that address. A redirect behind them is still refused.
    /// </summary>
    public sealed class ServiceDiscoveryTests : IClassFixture<HostileServerFixture>, IDisposable
    {
        private readonly HostileTokenServer _server;
        private readonly List<ServiceProvider> _providers = new();

        public ServiceDiscoveryTests(HostileServerFixture fixture)
        {
            _server = fixture.Server;
            _server.Reset();
        }

        public void Dispose()
        {
            foreach (var provider in _providers)
            {
                provider.Dispose();
            }
        }

        [Theory]
        [InlineData("http://identity/decode/token")]
        [InlineData("https+http://identity/decode/token")]
        public async Task A_service_name_resolved_to_loopback_gets_the_basic_header_whole(string endpoint)
        {
            var http = Discovering(("services:identity:http:0", Loopback));
            var client = new HostileBasicAuth(http, HostileCredentials.Options(new Uri(endpoint)));

            var token = await client.RequestClientCredentialsTokenAsync();

            Assert.Equal(HostileCredentials.ClientId, Seen(token, "seen_basic_id"));
            Assert.Equal(HostileCredentials.ClientSecret, Seen(token, "seen_basic_secret"));
        }

        [Theory]
        [InlineData(Grant.ClientCredentials)]
        [InlineData(Grant.AuthorizationCode)]
        [InlineData(Grant.Password)]
        public async Task Every_grant_goes_through_service_discovery_with_its_body(Grant grant)
        {
            var http = Discovering(("services:identity:http:0", Loopback));

            var token = await HostileCalls.CallAsync(Auth.Post, grant, http, HostileCredentials.Options(new Uri("http://identity/ok/token")));

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
            Assert.Equal(1, _server.Count("ok"));
            Assert.Contains(Uri.EscapeDataString(HostileCredentials.ClientSecret), _server.Main.Text);
        }

        [Fact]
        public async Task The_endpoint_from_configuration_may_name_a_service_as_well()
        {
            var http = Discovering(("services:identity:http:0", Loopback));
            var options = HostileCredentials.Options(new Uri("https+http://identity/ok/token"));

            var token = await new HostilePostAuth(http, options).RequestClientCredentialsTokenAsync();

            Assert.Equal(HostileTokenServer.GoodAccessToken, token.AccessToken);
        }

        [Fact]
        public async Task Https_or_http_resolving_to_plain_http_at_a_remote_host_is_refused_and_sent_nothing()
        {
            var http = Discovering(("services:identity:http:0", "http://identity.internal.example:" + _server.BaseAddress.Port), connectToServer: true);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, http, HostileCredentials.Options(new Uri("https+http://identity/ok/token"))));

            Assert.Contains("resolved to http://identity.internal.example:" + _server.BaseAddress.Port + "/ok/token", error.Message);
            Assert.Contains("AllowInsecureHttp", error.Message);
            Assert.Equal(0, _server.Count("ok"));
            foreach (var secret in HostileCredentials.SecretForms())
            {
                Assert.DoesNotContain(secret, _server.Main.Text);
            }
        }

        [Fact]
        public async Task Allow_insecure_http_lets_the_remote_http_address_through()
        {
            var http = Discovering(("services:identity:http:0", "http://identity.internal.example:" + _server.BaseAddress.Port), connectToServer: true);
            var options = HostileCredentials.Options(new Uri("http://identity/decode/token"));
            options.AllowInsecureHttp = true;

            var token = await new HostileBasicAuth(http, options).RequestClientCredentialsTokenAsync();

            Assert.Equal(HostileCredentials.ClientSecret, Seen(token, "seen_basic_secret"));
        }

        [Fact]
        public async Task A_plain_http_service_name_nothing_resolves_is_refused_at_the_connection()
        {
            // No service discovery: the name itself is what the socket would be opened to.
            using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = ConnectToServer });

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                HostileCalls.CallAsync(Auth.Post, Grant.ClientCredentials, http, HostileCredentials.Options(new Uri("http://identity:" + _server.BaseAddress.Port + "/ok/token"))));

            Assert.Contains("plain http to a host that is not loopback", error.Message);
            Assert.DoesNotContain(Uri.EscapeDataString(HostileCredentials.ClientSecret), _server.Main.Text);
        }

        [Theory]
        [InlineData(Auth.Basic)]
        [InlineData(Auth.Post)]
        public async Task A_handler_that_rewrites_the_uri_in_place_and_restores_it_is_not_a_redirect(Auth auth)
        {
            using var http = new HttpClient(new Gateway(_server.BaseAddress, new SocketsHttpHandler()));

            var token = await HostileCalls.CallAsync(auth, Grant.AuthorizationCode, http, HostileCredentials.Options(new Uri("https://gateway.example/decode/token")));

            Assert.Equal(HostileCredentials.ClientSecret, Seen(token, auth == Auth.Basic ? "seen_basic_secret" : "seen_body_client_secret"));
        }

        [Theory]
        [InlineData(307, Auth.Basic)]
        [InlineData(308, Auth.Post)]
        public async Task A_redirect_to_another_origin_behind_a_rewriting_handler_is_still_refused(int status, Auth auth)
        {
            using var http = new HttpClient(new Gateway(_server.BaseAddress, new SocketsHttpHandler()));

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(auth, Grant.Password, http, HostileCredentials.Options(new Uri($"https://gateway.example/redirect-{status}-port/token"))));

            Assert.Contains("another origin", error.Message);
            Assert.Equal(0, _server.Other.Length);
        }

        [Fact]
        public async Task A_redirect_to_another_origin_behind_service_discovery_is_still_refused()
        {
            var http = Discovering(("services:identity:http:0", Loopback));

            var error = await Assert.ThrowsAsync<OAuthException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.AuthorizationCode, http, HostileCredentials.Options(new Uri("http://identity/redirect-307-port/token"))));

            Assert.Contains("another origin", error.Message);
            Assert.Equal(0, _server.Other.Length);
        }

        private string Loopback => _server.BaseAddress.GetLeftPart(UriPartial.Authority);

        /// <summary>A client from IHttpClientFactory with service discovery on every client, as an Aspire app has it.</summary>
        private HttpClient Discovering((string Key, string Value) endpoint, bool connectToServer = false)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [endpoint.Key] = endpoint.Value })
                .Build());
            services.AddServiceDiscovery();
            services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
            var token = services.AddHttpClient("token");
            if (connectToServer)
            {
                token.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectCallback = ConnectToServer });
            }

            var provider = services.BuildServiceProvider();
            _providers.Add(provider);
            return provider.GetRequiredService<IHttpClientFactory>().CreateClient("token");
        }

        /// <summary>Whatever host the request names, the connection goes to the loopback server: tests talk to loopback only.</summary>
        private async ValueTask<System.IO.Stream> ConnectToServer(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, _server.BaseAddress.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        private static string? Seen(OAuthToken token, string field) => TokenFieldReader.GetString(token.AdditionalFields, field);

        /// <summary>A gateway router: sends the request to <paramref name="target"/> and gives the caller its URI back.</summary>
        private sealed class Gateway(Uri target, HttpMessageHandler inner) : DelegatingHandler(inner)
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var original = request.RequestUri!;
                request.RequestUri = new Uri(target, original.PathAndQuery);
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                finally
                {
                    request.RequestUri = original;
                }
            }
        }
    }
}
