using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Tests.Infrastructure
{
    /// <summary>An HttpMessageHandler that answers from a function and keeps what it was sent.</summary>
    internal sealed class StubHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

        public StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
        {
            _respond = respond;
        }

        public List<CapturedRequest> Requests { get; } = new();

        public static StubHandler Answer(HttpStatusCode status, string body, string mediaType = "application/json") =>
            new((_, _) => Task.FromResult(Response(status, body, mediaType)));

        public static HttpResponseMessage Response(HttpStatusCode status, string body, string mediaType = "application/json") =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Requests.Add(new CapturedRequest(request, body));
            return await _respond(request, cancellationToken);
        }
    }

    internal sealed record CapturedRequest(HttpRequestMessage Message, byte[] Body)
    {
        public string BodyText => Encoding.UTF8.GetString(Body);

        public string? ContentType => Message.Content?.Headers.ContentType?.ToString();

        public string? Authorization => Message.Headers.Authorization?.ToString();
    }
}
