using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Stage 4: the headers of every request of a provider: <c>Accept: application/json</c> and the declared
    /// <c>[OAuthHeader]</c>s, sorted once into request headers and content headers (a declared content header, such as
    /// <c>Content-Type</c>, replaces the body's own).
    /// </summary>
    internal sealed class RequestHeaders
    {
        private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new MediaTypeWithQualityHeaderValue("application/json");

        private readonly KeyValuePair<string, string>[] _requestHeaders;
        private readonly KeyValuePair<string, string>[] _contentHeaders;

        public RequestHeaders(IReadOnlyList<KeyValuePair<string, string>> declared)
        {
            var requestHeaders = new List<KeyValuePair<string, string>>();
            var contentHeaders = new List<KeyValuePair<string, string>>();
            using (var probe = new HttpRequestMessage())
            {
                foreach (var header in declared)
                {
                    // A name HttpRequestHeaders refuses is a content header (or one that cannot be sent at all).
                    (probe.Headers.TryAddWithoutValidation(header.Key, header.Value) ? requestHeaders : contentHeaders).Add(header);
                }
            }

            _requestHeaders = requestHeaders.ToArray();
            _contentHeaders = contentHeaders.ToArray();
        }

        /// <summary>Accept, first on every request.</summary>
        public static void AddAccept(HttpRequestMessage request) => request.Headers.Accept.Add(AcceptJson);

        public void AddTo(HttpRequestMessage request)
        {
            foreach (var header in _requestHeaders)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        public void AddTo(HttpContent content)
        {
            foreach (var header in _contentHeaders)
            {
                content.Headers.Remove(header.Key);
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }
}
