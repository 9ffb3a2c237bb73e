using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Transport
{
    /// <summary>
    /// The origin guard on its own, without a handler in front of it: what the guarded body and the state the pipeline
    /// reads afterwards (refused address, insecure address, second send, writes) are after each move of the request.
    /// The redirect and resilience tests show the same through real handlers.
    /// </summary>
    public class OriginGuardTests
    {
        private static readonly byte[] Bytes = Encoding.ASCII.GetBytes("grant_type=client_credentials");

        [Fact]
        public void A_request_without_an_address_cannot_be_guarded()
        {
            var error = Assert.Throws<ArgumentException>(() => OriginGuard.For(new HttpRequestMessage()));

            Assert.Equal("request", error.ParamName);
            Assert.StartsWith("The request has no URI.", error.Message);
        }

        [Fact]
        public async Task The_body_is_its_bytes_with_its_media_type_and_counts_each_write()
        {
            var (request, guard, body) = Guarded("https://idp.example/token");

            Assert.False(guard.BodyWritten);
            Assert.Equal(0, guard.BodyWrites);
            Assert.Equal("application/x-www-form-urlencoded", body.Headers.ContentType?.MediaType);
            Assert.Equal(Bytes.Length, body.Headers.ContentLength);

            Assert.Equal(Bytes, await Write(body));
            Assert.True(guard.BodyWritten);
            Assert.Equal(1, guard.BodyWrites);

            Assert.Equal(Bytes, await Write(body));
            Assert.Equal(2, guard.BodyWrites);
            Assert.False(guard.SecondSendRefused);
            Assert.Null(guard.RefusedUri);
            Assert.Null(guard.RedirectedTo);
            GC.KeepAlive(request);
        }

        [Fact]
        public async Task A_body_moved_to_another_origin_is_refused_and_says_where_it_was_taken()
        {
            var (request, guard, body) = Guarded("https://idp.example/token");
            await Write(body);

            request.RequestUri = new Uri("https://evil.example/collect");
            var error = await Refused(body);

            Assert.Equal("OAuthGen refused to send a token request body to another origin after a redirect.", error.Message);
            Assert.Equal(new Uri("https://evil.example/collect"), guard.RefusedUri);
            Assert.Equal(new Uri("https://evil.example/collect"), guard.RedirectedTo);
            Assert.Null(guard.InsecureUri);
            Assert.Equal(1, guard.BodyWrites);
        }

        [Fact]
        public async Task Another_address_of_the_same_origin_is_the_origin()
        {
            var (request, guard, body) = Guarded("https://idp.example/token");
            await Write(body);

            request.RequestUri = new Uri("https://idp.example/oauth2/token");

            Assert.Equal(Bytes, await Write(body));
            Assert.True(guard.IsOrigin(new Uri("https://idp.example/anything")));
            Assert.False(guard.IsOrigin(new Uri("https://idp.example:8443/token")));
        }

        [Fact]
        public async Task Plain_http_to_a_host_that_is_not_loopback_is_refused_as_insecure_not_as_a_redirect()
        {
            var (_, guard, body) = Guarded("http://idp.example/token");

            await Refused(body);

            Assert.Equal(new Uri("http://idp.example/token"), guard.InsecureUri);
            Assert.Null(guard.RefusedUri);
            Assert.False(guard.BodyWritten);
        }

        [Fact]
        public async Task Plain_http_is_written_to_loopback_and_where_insecure_http_is_allowed()
        {
            var (_, loopbackGuard, loopback) = Guarded("http://127.0.0.1:5000/token");
            Assert.Equal(Bytes, await Write(loopback));
            Assert.Null(loopbackGuard.InsecureUri);

            var (_, allowedGuard, allowed) = Guarded("http://idp.example/token", allowInsecureHttp: true);
            Assert.Equal(Bytes, await Write(allowed));
            Assert.Null(allowedGuard.InsecureUri);
        }

        [Fact]
        public async Task A_relative_address_has_not_left_its_origin_and_no_address_is_no_origin()
        {
            // A handler that has not resolved the address yet: nothing has connected anywhere.
            var (request, guard, body) = Guarded("https://idp.example/token");
            request.RequestUri = new Uri("/token", UriKind.Relative);
            Assert.Equal(Bytes, await Write(body));

            request.RequestUri = null;
            await Refused(body);
            Assert.Equal(1, guard.BodyWrites);
        }

        [Fact]
        public async Task A_single_use_body_goes_once_per_address_and_a_redirect_within_the_origin_may_send_it_again()
        {
            var (request, guard, body) = Guarded("https://idp.example/token", singleUse: true);
            await Write(body);

            var again = await Refused(body);
            Assert.Equal("OAuthGen refused to send a single-use token request a second time (a retry or hedging handler asked for it).", again.Message);
            Assert.True(guard.SecondSendRefused);
            Assert.Equal(1, guard.BodyWrites);

            request.RequestUri = new Uri("https://idp.example/v2/token");
            Assert.Equal(Bytes, await Write(body));
            Assert.Equal(2, guard.BodyWrites);
        }

#if NET
        [Fact]
        public void The_synchronous_write_is_guarded_too()
        {
            var (request, guard, body) = Guarded("https://idp.example/token");
            using (var stream = new MemoryStream())
            {
                body.CopyTo(stream, null, default);
                Assert.Equal(Bytes, stream.ToArray());
            }

            request.RequestUri = new Uri("https://evil.example/token");
            Assert.IsType<OriginGuard.CrossOriginException>(Assert.Throws<HttpRequestException>(() => body.CopyTo(new MemoryStream(), null, default)).InnerException);
            Assert.Equal(new Uri("https://evil.example/token"), guard.RefusedUri);
        }
#endif

        private static (HttpRequestMessage Request, OriginGuard Guard, HttpContent Body) Guarded(string address, bool allowInsecureHttp = false, bool singleUse = false)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, address);
            var guard = OriginGuard.For(request, allowInsecureHttp, singleUse);
            var body = guard.Body(Bytes, "application/x-www-form-urlencoded");
            request.Content = body;
            return (request, guard, body);
        }

        // HttpContent wraps what the body throws; the handler sees the guard's exception inside.
        private static async Task<OriginGuard.CrossOriginException> Refused(HttpContent body) =>
            Assert.IsType<OriginGuard.CrossOriginException>((await Assert.ThrowsAsync<HttpRequestException>(() => Write(body))).InnerException);

        private static async Task<byte[]> Write(HttpContent body)
        {
            using var stream = new MemoryStream();
            await body.CopyToAsync(stream);
            return stream.ToArray();
        }
    }
}
