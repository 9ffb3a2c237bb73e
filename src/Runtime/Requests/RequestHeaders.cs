using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Stage 4: the headers of every request of a provider: <c>Accept: application/json</c> and the declared
    /// <c>[OAuthHeader]</c>s, sorted once into request headers and content headers (a declared content header, such as
    /// <c>Content-Type</c>, replaces the body's own). A value with <c>{client_id}</c> (<see cref="HeaderValueTemplate"/>)
    /// is filled from the options at request time, and the result kept while the client id stays the same.
    /// </summary>
    internal sealed class RequestHeaders
    {
        private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new MediaTypeWithQualityHeaderValue("application/json");

        private readonly KeyValuePair<string, string>[] _requestHeaders;
        private readonly KeyValuePair<string, string>[] _contentHeaders;

        // The declared headers, when a value holds {client_id}: then the sorted arrays above are empty.
        private readonly IReadOnlyList<KeyValuePair<string, string>>? _templates;
        private volatile Filled? _lastFilled;

        public RequestHeaders(IReadOnlyList<KeyValuePair<string, string>> declared)
        {
            foreach (var header in declared)
            {
                if (HeaderValueTemplate.HasBraces(header.Value) && HeaderValueTemplate.Parse(header.Value, out var usesClientId) is null && usesClientId)
                {
                    _templates = declared;
                    _requestHeaders = _contentHeaders = Array.Empty<KeyValuePair<string, string>>();
                    return;
                }
            }

            (_requestHeaders, _contentHeaders) = Sort(declared, clientId: string.Empty);
        }

        private RequestHeaders(IReadOnlyList<KeyValuePair<string, string>> declared, string clientId)
        {
            (_requestHeaders, _contentHeaders) = Sort(declared, clientId);
        }

        /// <summary>Accept, first on every request.</summary>
        public static void AddAccept(HttpRequestMessage request) => request.Headers.Accept.Add(AcceptJson);

        /// <summary>The headers with <c>{client_id}</c> filled from <paramref name="options"/>; itself when no value holds a placeholder.</summary>
        public RequestHeaders For(OAuthClientOptions options, OAuthProviderInfo provider)
        {
            if (_templates is null)
            {
                return this;
            }

            var clientId = ClientAuthenticationStrategy.RequireClientId(options, provider);
            var last = _lastFilled;
            if (last is not null && string.Equals(last.ClientId, clientId, StringComparison.Ordinal))
            {
                return last.Headers;
            }

            foreach (var c in clientId)
            {
                if (char.IsControl(c))
                {
                    throw new InvalidOperationException("OAuthClientOptions.ClientId contains a control character, and " + provider.Name + " sends it in a header, which cannot carry one.");
                }
            }

            var headers = new RequestHeaders(_templates, clientId);
            _lastFilled = new Filled(clientId, headers);
            return headers;
        }

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

        private static (KeyValuePair<string, string>[] Request, KeyValuePair<string, string>[] Content) Sort(IReadOnlyList<KeyValuePair<string, string>> declared, string clientId)
        {
            var requestHeaders = new List<KeyValuePair<string, string>>();
            var contentHeaders = new List<KeyValuePair<string, string>>();
            using (var probe = new HttpRequestMessage())
            {
                foreach (var declaredHeader in declared)
                {
                    var header = new KeyValuePair<string, string>(declaredHeader.Key, HeaderValueTemplate.Expand(declaredHeader.Value, clientId));
                    // A name HttpRequestHeaders refuses is a content header (or one that cannot be sent at all).
                    (probe.Headers.TryAddWithoutValidation(header.Key, header.Value) ? requestHeaders : contentHeaders).Add(header);
                }
            }

            return (requestHeaders.ToArray(), contentHeaders.ToArray());
        }

        private sealed class Filled
        {
            public Filled(string clientId, RequestHeaders headers)
            {
                ClientId = clientId;
                Headers = headers;
            }

            public string ClientId { get; }

            public RequestHeaders Headers { get; }
        }
    }
}
