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
    /// Part of stage 6 (transport). Keeps the credentials of one request at the origin it is first sent to, whatever the
    /// handler does with redirects. That origin binds when the connection first asks for the credentials (renders the
    /// Basic header or writes the body): after every handler that resolves or rewrites the URI (service discovery, a
    /// gateway router), before any redirect, which needs an answer first. SocketsHttpHandler follows a 307 or 308 by
    /// sending the same request message, body included, to the new location after updating
    /// <see cref="HttpRequestMessage.RequestUri"/>; the guarded body refuses to be written once that URI has left the
    /// origin, so the redirected request fails before any byte of it goes out (its headers wait in the connection's
    /// buffer for the body). A Basic header renders only while the request is at its origin; SocketsHttpHandler also
    /// drops it on every redirect. Plain http to a host that is not loopback is refused at the address first connected,
    /// and a single-use body is written once per address (a retry or hedging handler cannot send it twice). O(1) per
    /// request: the guarded body is the body itself, written from the request's immutable bytes.
    /// </summary>
    internal sealed class OriginGuard
    {
        private readonly HttpRequestMessage _request;
        private readonly Uri _addressed;
        private readonly bool _allowInsecureHttp;
        private readonly bool _singleUse;
        private readonly object _gate = new object();
        private Uri? _connected;
        private Uri? _lastWritten;

        private OriginGuard(HttpRequestMessage request, Uri addressed, bool allowInsecureHttp, bool singleUse)
        {
            _request = request;
            _addressed = addressed;
            _allowInsecureHttp = allowInsecureHttp;
            _singleUse = singleUse;
        }

        /// <summary>The address the body refused to go to, if it did.</summary>
        public Uri? RefusedUri { get; private set; }

        /// <summary>Plain http to a host that is not loopback, found once the address was resolved, which the guard refused.</summary>
        public Uri? InsecureUri { get; private set; }

        /// <summary>Whether the body of a single-use request was asked for a second time (by a retry or hedging handler) and refused.</summary>
        public bool SecondSendRefused { get; private set; }

        /// <summary>Whether the body began to be written at least once (to its own origin).</summary>
        public bool BodyWritten => BodyWrites > 0;

        /// <summary>How many times the body began to be written: more than one when a handler of the pipeline sent it again.</summary>
        public int BodyWrites { get; private set; }

        /// <summary>
        /// Guards <paramref name="request"/>: the origin is the one of the address the request is first sent to, after
        /// every handler that resolves or rewrites its URI (service discovery, a gateway router) has done so.
        /// </summary>
        public static OriginGuard For(HttpRequestMessage request, bool allowInsecureHttp = false, bool singleUse = false) =>
            new OriginGuard(
                request,
                request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)),
                allowInsecureHttp,
                singleUse);

        /// <summary>A body of <paramref name="bytes"/> (never copied, never changed) that refuses to be written away from the origin.</summary>
        public HttpContent Body(byte[] bytes, string mediaType)
        {
            var content = new GuardedContent(bytes, this);
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            return content;
        }

        /// <summary>An Authorization header value that renders its credentials only at the origin.</summary>
        public AuthenticationHeaderValue Authorization(string scheme, string parameter) => new GuardedAuthenticationHeaderValue(scheme, parameter, this);

        /// <summary>Whether an answer that says it came from <paramref name="uri"/> came from the request's origin: the one addressed, or the one connected.</summary>
        public bool IsOrigin(Uri uri) =>
            EndpointSecurity.SameOrigin(uri, _addressed) || (_connected is { } connected && EndpointSecurity.SameOrigin(uri, connected));

        /// <summary>Where the request was taken, when a redirect moved it to another origin.</summary>
        public Uri? RedirectedTo =>
            RefusedUri ?? (_request.RequestUri is { IsAbsoluteUri: true } current && !IsOrigin(current) ? current : null);

        /// <summary>
        /// True while the request is at the origin it was first sent to. The first time the credentials are asked for
        /// (the header or the body written at the socket) binds that origin: a handler that rewrote the URI before the
        /// socket did so before this moment, and a redirect, which happens after an answer, comes after it.
        /// </summary>
        private bool AtOrigin
        {
            get
            {
                if (_request.RequestUri is not { } current)
                {
                    return false;
                }

                if (!current.IsAbsoluteUri)
                {
                    return true;
                }

                lock (_gate)
                {
                    if (_connected is null)
                    {
                        if (!_allowInsecureHttp && string.Equals(current.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && !EndpointSecurity.IsLoopback(current))
                        {
                            InsecureUri = current;
                            return false;
                        }

                        _connected = current;
                    }

                    return EndpointSecurity.SameOrigin(current, _connected);
                }
            }
        }

        private void BeforeWrite()
        {
            if (!AtOrigin)
            {
                RefusedUri = InsecureUri is null ? _request.RequestUri : null;
                throw new CrossOriginException();
            }

            lock (_gate)
            {
                // A single-use request (a code, a password, an assertion) goes once; only a redirect, which moves it
                // to another address of its origin, may send it again.
                if (_singleUse && _lastWritten is { } last && last == _request.RequestUri)
                {
                    SecondSendRefused = true;
                    throw new CrossOriginException("OAuthGen refused to send a single-use token request a second time (a retry or hedging handler asked for it).");
                }

                _lastWritten = _request.RequestUri;
                BodyWrites++;
            }
        }

        /// <summary>Thrown into the handler when the body is asked for at another origin; never seen by callers.</summary>
        internal sealed class CrossOriginException : IOException
        {
            public CrossOriginException()
                : base("OAuthGen refused to send a token request body to another origin after a redirect.")
            {
            }

            public CrossOriginException(string message)
                : base(message)
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
