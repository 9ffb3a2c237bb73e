using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// A request with everything decided: endpoint, body bytes, credentials, headers, retry policy and the secrets to
    /// keep out of any message about it. Immutable, so a retry makes a new message from it rather than a copy of the
    /// first one.
    /// </summary>
    internal sealed class PreparedRequest
    {
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly byte[] _body;
        private readonly string _mediaType;
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly string? _basicParameter;
        private readonly RequestHeaders _headers;
        private readonly bool _inQuery;
        private readonly HttpMethod _method;

        public PreparedRequest(
            GrantDescriptor grant,
            Uri endpoint,
            byte[] body,
            string mediaType,
            string? basicParameter,
            RequestHeaders headers,
            IReadOnlyList<string> secrets,
            TokenRetryPolicy retryPolicy,
            bool singleUse = false,
            bool allowInsecureHttp = false,
            bool inQuery = false,
            TokenRequestMethod method = TokenRequestMethod.Post)
        {
            _inQuery = inQuery;
            _method = method == TokenRequestMethod.Get ? HttpMethod.Get : HttpMethod.Post;
            SingleUse = singleUse;
            AllowInsecureHttp = allowInsecureHttp;
            Grant = grant;
            Endpoint = endpoint;
            _body = body;
            _mediaType = mediaType;
            _basicParameter = basicParameter;
            _headers = headers;
            Secrets = secrets;
            RetryPolicy = retryPolicy;
        }

        public GrantDescriptor Grant { get; }

        /// <summary>The endpoint without the parameters, even when they go in its query: what every message may name.</summary>
        public Uri Endpoint { get; }

        public IReadOnlyList<string> Secrets { get; }

        public TokenRetryPolicy RetryPolicy { get; }

        /// <summary>Whether the request consumes what it carries (a code, a password guess, an assertion): never sent twice, by OAuthGen or any handler.</summary>
        public bool SingleUse { get; }

        /// <summary>Whether plain http to a remote host is allowed once the address is resolved.</summary>
        public bool AllowInsecureHttp { get; }

        /// <summary>A new message, its body and Basic header guarded at the endpoint's origin by <paramref name="guard"/>.</summary>
        public HttpRequestMessage CreateMessage(out OriginGuard guard)
        {
            var request = new HttpRequestMessage(_method, _inQuery ? WithParameters(Endpoint, _body) : Endpoint);
            guard = OriginGuard.For(request, AllowInsecureHttp, SingleUse);
            RequestHeaders.AddAccept(request);
            if (_basicParameter is not null)
            {
                request.Headers.Authorization = guard.Authorization("Basic", _basicParameter);
            }

            if (!_inQuery)
            {
                var content = guard.Body(_body, _mediaType);
                _headers.AddTo(content);
                request.Content = content;
            }

            _headers.AddTo(request);
            return request;
        }

        // The parameters after the endpoint's own query (Deezer's ?output=json), if it has one.
        private static Uri WithParameters(Uri endpoint, byte[] parameters)
        {
            if (parameters.Length == 0)
            {
                return endpoint;
            }

            var query = System.Text.Encoding.ASCII.GetString(parameters);
            var separator = endpoint.Query.Length > 1 ? "&" : endpoint.Query.Length == 1 ? string.Empty : "?";
            var fragment = endpoint.Fragment;
            var address = fragment.Length > 0 ? endpoint.AbsoluteUri.Substring(0, endpoint.AbsoluteUri.Length - fragment.Length) : endpoint.AbsoluteUri;
            return new Uri(address + separator + query);
        }
    }
}
