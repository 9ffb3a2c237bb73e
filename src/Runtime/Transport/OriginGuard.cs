using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Part of stage 6 (transport). Keeps the credentials of one request at the origin it was addressed to, whatever the handler does with
    /// redirects. SocketsHttpHandler follows a 307 or 308 by sending the same request message, body included, to the
    /// new location after updating <see cref="HttpRequestMessage.RequestUri"/>; the guarded body refuses to be written
    /// once that URI has left the origin, so the redirected request fails before any byte of it goes out (its headers
    /// wait in the connection's buffer for the body). A Basic header renders only while the request is at its origin;
    /// SocketsHttpHandler also drops it on every redirect. O(1) per request: the guarded body is the body itself, written
    /// from the request's immutable bytes, with no inner content and no header copy.
    /// </summary>
    internal sealed class OriginGuard
    {
        private readonly HttpRequestMessage _request;
        private readonly Uri _origin;

        private OriginGuard(HttpRequestMessage request, Uri origin)
        {
            _request = request;
            _origin = origin;
        }

        /// <summary>The address the body refused to go to, if it did.</summary>
        public Uri? RefusedUri { get; private set; }

        /// <summary>Whether the body began to be written at least once (to its own origin).</summary>
        public bool BodyWritten { get; private set; }

        /// <summary>Guards <paramref name="request"/> at the origin of its URI; its body and Authorization header come from <see cref="Body"/> and <see cref="Authorization"/>.</summary>
        public static OriginGuard For(HttpRequestMessage request) =>
            new OriginGuard(request, request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)));

        /// <summary>A body of <paramref name="bytes"/> (never copied, never changed) that refuses to be written away from the origin.</summary>
        public HttpContent Body(byte[] bytes, string mediaType)
        {
            var content = new GuardedContent(bytes, this);
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            return content;
        }

        /// <summary>An Authorization header value that renders its credentials only at the origin.</summary>
        public AuthenticationHeaderValue Authorization(string scheme, string parameter) => new GuardedAuthenticationHeaderValue(scheme, parameter, this);

        /// <summary>Where the request was taken, when a redirect moved it to another origin.</summary>
        public Uri? RedirectedTo =>
            RefusedUri ?? (_request.RequestUri is { IsAbsoluteUri: true } current && !EndpointSecurity.SameOrigin(current, _origin) ? current : null);

        private bool AtOrigin => _request.RequestUri is { } current && (!current.IsAbsoluteUri || EndpointSecurity.SameOrigin(current, _origin));

        private void BeforeWrite()
        {
            if (!AtOrigin)
            {
                RefusedUri = _request.RequestUri;
                throw new CrossOriginException();
            }

            BodyWritten = true;
        }

        /// <summary>Thrown into the handler when the body is asked for at another origin; never seen by callers.</summary>
        internal sealed class CrossOriginException : IOException
        {
            public CrossOriginException()
                : base("OAuthGen refused to send a token request body to another origin after a redirect.")
            {
            }
        }

        private sealed class GuardedContent : HttpContent
        {
            private readonly byte[] _bytes;
            private readonly OriginGuard _guard;

            public GuardedContent(byte[] bytes, OriginGuard guard)
            {
                _bytes = bytes;
                _guard = guard;
            }

            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                _guard.BeforeWrite();
                return stream.WriteAsync(_bytes, 0, _bytes.Length);
            }

#if NET
            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
            {
                _guard.BeforeWrite();
                return stream.WriteAsync(_bytes, 0, _bytes.Length, cancellationToken);
            }

            protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
            {
                _guard.BeforeWrite();
                stream.Write(_bytes, 0, _bytes.Length);
            }
#endif

            protected override bool TryComputeLength(out long length)
            {
                length = _bytes.Length;
                return true;
            }
        }

        /// <summary>A header value that shows its credentials only while the request is at its origin.</summary>
        private sealed class GuardedAuthenticationHeaderValue : AuthenticationHeaderValue
        {
            private readonly OriginGuard _guard;

            public GuardedAuthenticationHeaderValue(string scheme, string? parameter, OriginGuard guard)
                : base(scheme, parameter)
            {
                _guard = guard;
            }

            public override string ToString() => _guard.AtOrigin ? base.ToString() : Scheme;
        }
    }
}
