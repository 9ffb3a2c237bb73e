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
            bool allowInsecureHttp = false)
        {
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
            var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
            guard = OriginGuard.For(request, AllowInsecureHttp, SingleUse);
            RequestHeaders.AddAccept(request);
            if (_basicParameter is not null)
            {
                request.Headers.Authorization = guard.Authorization("Basic", _basicParameter);
            }

            var content = guard.Body(_body, _mediaType);
            _headers.AddTo(content);
            request.Content = content;
            _headers.AddTo(request);
            return request;
        }
    }
}
