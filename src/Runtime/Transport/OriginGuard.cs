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
    /// Keeps the credentials of one request at the origin it was addressed to, whatever the handler does with
    /// redirects. SocketsHttpHandler follows a 307 or 308 by sending the same request message, body included, to the
    /// new location after updating <see cref="HttpRequestMessage.RequestUri"/>; the guarded body refuses to be written
    /// once that URI has left the origin, so the redirected request fails before any byte of it goes out (its headers
    /// wait in the connection's buffer for the body). A Basic header renders only while the request is at its origin;
    /// SocketsHttpHandler also drops it on every redirect.
    /// </summary>
    internal sealed class OriginGuard
    {
        private readonly HttpRequestMessage _request;
        private readonly Uri _origin;
        private GuardedContent? _content;

        private OriginGuard(HttpRequestMessage request, Uri origin)
        {
            _request = request;
            _origin = origin;
        }

        /// <summary>The address the body refused to go to, if it did.</summary>
        public Uri? RefusedUri { get; private set; }

        /// <summary>Whether the body began to be written at least once (to its own origin).</summary>
        public bool BodyWritten { get; private set; }

        /// <summary>Binds the body and the Authorization header of <paramref name="request"/> to the origin of its URI.</summary>
        public static OriginGuard Bind(HttpRequestMessage request)
        {
            var origin = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
            var guard = new OriginGuard(request, origin);
            if (request.Content is { } content)
            {
                guard._content = new GuardedContent(content, guard);
                request.Content = guard._content;
            }

            if (request.Headers.Authorization is { } authorization && !(authorization is GuardedAuthenticationHeaderValue))
            {
                request.Headers.Authorization = new GuardedAuthenticationHeaderValue(authorization.Scheme, authorization.Parameter, guard);
            }

            return guard;
        }

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
            private readonly HttpContent _inner;
            private readonly OriginGuard _guard;

            public GuardedContent(HttpContent inner, OriginGuard guard)
            {
                _inner = inner;
                _guard = guard;
                foreach (var header in inner.Headers)
                {
                    if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
            }

            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
            {
                _guard.BeforeWrite();
                return _inner.CopyToAsync(stream);
            }

#if NET
            protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
            {
                _guard.BeforeWrite();
                return _inner.CopyToAsync(stream, cancellationToken);
            }

            protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
            {
                _guard.BeforeWrite();
                _inner.CopyTo(stream, context, cancellationToken);
            }
#endif

            protected override bool TryComputeLength(out long length)
            {
                var known = _inner.Headers.ContentLength;
                length = known ?? 0;
                return known is not null;
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    _inner.Dispose();
                }

                base.Dispose(disposing);
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
