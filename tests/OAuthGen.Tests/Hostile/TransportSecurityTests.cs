using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using OAuthGen.DependencyInjection;
using OAuthGen.Infrastructure;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>Plain http to another machine is refused before a byte is sent, unless the user opts out by name.</summary>
    public class TransportSecurityTests
    {
        [Theory]
        [InlineData("http://auth.example.com/token")]
        [InlineData("http://10.0.0.8/token")]
        [InlineData("http://192.168.1.20:8080/token")]
        [InlineData("http://0.0.0.0/token")]
        [InlineData("http://[::]/token")]
        [InlineData("http://[::ffff:10.0.0.8]/token")]
        [InlineData("http://localhost.example.com/token")]
        [InlineData("http://127.0.0.1.nip.io/token")]
        [InlineData("http://auth.localhost/token")]
        [InlineData("HTTP://AUTH.EXAMPLE.COM/token")]
        public async Task Plain_http_to_another_host_is_refused_before_anything_is_sent(string endpoint)
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            foreach (var grant in Enum.GetValues<Grant>())
            {
                foreach (var auth in new[] { Auth.Basic, Auth.Post })
                {
                    var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                        HostileCalls.CallAsync(auth, grant, new HttpClient(handler), HostileCredentials.Options(new Uri(endpoint))));

                    Assert.Contains("plain http to a host that is not loopback", error.Message);
                    Assert.Contains("OAuthClientOptions.AllowInsecureHttp", error.Message);
                    Assert.DoesNotContain(HostileCredentials.ClientSecret, error.Message);
                }
            }

            Assert.Empty(handler.Requests);
        }

        [Theory]
        [InlineData("http://localhost/token")]
        [InlineData("http://LOCALHOST:8080/token")]
        [InlineData("http://127.0.0.1:5000/token")]
        [InlineData("http://127.1.2.3/token")]
        [InlineData("http://[::1]:5000/token")]
        [InlineData("http://[::ffff:127.0.0.1]/token")]
        [InlineData("https://auth.example.com/token")]
        [InlineData("https://10.0.0.8/token")]
        public async Task Https_anywhere_and_plain_http_to_this_machine_are_allowed(string endpoint)
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");

            var token = await HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, new HttpClient(handler), HostileCredentials.Options(new Uri(endpoint)));

            Assert.Equal("a", token.AccessToken);
            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task AllowInsecureHttp_lets_plain_http_through_when_set_explicitly()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var options = HostileCredentials.Options(new Uri("http://auth.internal.example/token"));
            options.AllowInsecureHttp = true;

            var token = await HostileCalls.CallAsync(Auth.Post, Grant.Password, new HttpClient(handler), options);

            Assert.Equal("a", token.AccessToken);
            Assert.Equal("http://auth.internal.example/token", handler.Requests[0].Message.RequestUri!.AbsoluteUri);
        }

        [Fact]
        public async Task A_relative_endpoint_is_checked_once_resolved_against_the_base_address()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var options = HostileCredentials.Options(new Uri("oauth/token", UriKind.Relative));

            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, new HttpClient(handler) { BaseAddress = new Uri("http://tenant.example/") }, options));
            var token = await HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, new HttpClient(handler) { BaseAddress = new Uri("https://tenant.example/") }, options);

            Assert.Equal("a", token.AccessToken);
            Assert.Single(handler.Requests);
        }

        [Fact]
        public void The_authorization_endpoint_is_held_to_the_same_rule()
        {
            var options = HostileCredentials.Options(new Uri("https://auth.example/token"));
            options.AuthorizationEndpoint = new Uri("http://auth.example/authorize");
            var client = new HostileBasicAuth(new HttpClient(), options);

            var error = Assert.Throws<InvalidOperationException>(() => client.CreateAuthorizationRequest(new Uri("https://app.example/cb")));
            Assert.Contains("authorization endpoint", error.Message);

            options.AllowInsecureHttp = true;
            Assert.StartsWith("http://auth.example/authorize?", client.CreateAuthorizationRequest(new Uri("https://app.example/cb")).Url.AbsoluteUri);
        }

        [Fact]
        public async Task Other_schemes_are_refused()
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, "{\"access_token\":\"a\"}");
            var options = HostileCredentials.Options(new Uri("ftp://auth.example/token"));

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HostileCalls.CallAsync(Auth.Basic, Grant.ClientCredentials, new HttpClient(handler), options));

            Assert.Contains("'ftp'", error.Message);
            Assert.Empty(handler.Requests);
        }

        [Theory]
        [InlineData("true", true, "false", false)]
        [InlineData("True", true, "FALSE", false)]
        [InlineData(" false ", false, "true", true)]
        public void The_options_bind_from_configuration(string allowInsecureHttp, bool allow, string retry, bool retries)
        {
            var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OAuth:AllowInsecureHttp"] = allowInsecureHttp,
                ["OAuth:RetryTransientFailures"] = retry,
            }).Build().GetSection("OAuth");
            var options = new OAuthClientOptions();

            OAuthClientOptionsBinder.Bind(section, options);

            Assert.Equal(allow, options.AllowInsecureHttp);
            Assert.Equal(retries, options.RetryTransientFailures);
        }

        [Fact]
        public void A_misspelt_boolean_in_configuration_names_its_key()
        {
            var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OAuth:AllowInsecureHttp"] = "yes please" })
                .Build().GetSection("OAuth");

            var error = Assert.Throws<FormatException>(() => OAuthClientOptionsBinder.Bind(section, new OAuthClientOptions()));

            Assert.Contains("OAuth:AllowInsecureHttp", error.Message);
        }

        [Theory]
        [InlineData("http://localhost/x", true)]
        [InlineData("http://localhost./x", true)]
        [InlineData("http://127.255.255.254/x", true)]
        [InlineData("http://[::1]/x", true)]
        [InlineData("http://[0:0:0:0:0:0:0:1]/x", true)]
        [InlineData("http://128.0.0.1/x", false)]
        [InlineData("http://localhostx/x", false)]
        [InlineData("http://[::2]/x", false)]
        public void Loopback_means_this_machine_and_nothing_else(string uri, bool loopback)
        {
            Assert.Equal(loopback, EndpointSecurity.IsLoopback(new Uri(uri)));
        }
    }
}
