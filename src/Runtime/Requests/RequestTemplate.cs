using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// What a request of one grant carries whatever its arguments, encoded once: grant_type and the client
    /// authentication before the grant's own parameters (or the authentication after them, where the RFC puts it
    /// last), the declared <c>[OAuthParameter]</c>s after. Wire order: grant_type, client authentication, the grant's
    /// own, scope, then the declared parameters.
    /// </summary>
    internal sealed class RequestTemplate
    {
        private readonly PayloadEncoding _encoding;
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly byte[] _prefix;
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly byte[] _suffix;
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly byte[] _constantBody;

        public RequestTemplate(GrantDescriptor grant, ClientCredentials credentials, OAuthProviderInfo provider, PayloadEncoding encoding)
        {
            Grant = grant;
            Credentials = credentials;
            _encoding = encoding;
            var prefix = new List<KeyValuePair<string, string>>();
            var suffix = new List<KeyValuePair<string, string>>();
            if (grant.GrantType is { } grantType)
            {
                prefix.Add(new KeyValuePair<string, string>("grant_type", grantType));
            }

            (grant.Placement == AuthenticationPlacement.Last ? suffix : prefix).AddRange(credentials.Parameters);
            if (grant.IsTokenRequest)
            {
                suffix.AddRange(provider.Parameters);
            }

            _prefix = encoding.EncodeSegment(prefix);
            _suffix = encoding.EncodeSegment(suffix);
            _constantBody = encoding.Assemble(_prefix, Array.Empty<byte>(), _suffix);
        }

        public GrantDescriptor Grant { get; }

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public ClientCredentials Credentials { get; }

        public string MediaType => _encoding.MediaType;

        /// <summary>
        /// The body with <paramref name="parameters"/> in the middle. Without any, the same immutable array every time:
        /// a request then encodes nothing.
        /// </summary>
        public byte[] Body(IReadOnlyList<KeyValuePair<string, string>> parameters) =>
            parameters.Count == 0 ? _constantBody : _encoding.Assemble(_prefix, _encoding.EncodeSegment(parameters), _suffix);
    }
}
