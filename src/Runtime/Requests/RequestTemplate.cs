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

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private volatile EncodedBody? _lastBody;

        public RequestTemplate(GrantDescriptor grant, ClientCredentials credentials, OAuthProviderInfo provider, PayloadEncoding encoding)
            : this(grant, credentials, provider, encoding, ParameterNaming.Standard)
        {
        }

        public RequestTemplate(GrantDescriptor grant, ClientCredentials credentials, OAuthProviderInfo provider, PayloadEncoding encoding, ParameterNaming naming)
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

            // A public client's jwt-bearer request is grant_type and assertion alone, as Google documents it.
            if (!(grant.AssertionIdentifiesClient && provider.ClientAuth == ClientAuthMethod.None))
            {
                (grant.Placement == AuthenticationPlacement.Last ? suffix : prefix).AddRange(credentials.Parameters);
            }

            var named = naming.Apply(prefix);
            if (grant.Placement == AuthenticationPlacement.Last)
            {
                var suffixNamed = naming.Apply(suffix);
                suffix = new List<KeyValuePair<string, string>>(suffixNamed);
            }

            prefix = new List<KeyValuePair<string, string>>(named);
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
        /// a request then encodes nothing. The last body of parameters that hold no secret (a client credentials scope)
        /// is kept and reused while a request has the same ones; a body with a password or a code is never kept.
        /// </summary>
        public byte[] Body(IReadOnlyList<KeyValuePair<string, string>> parameters, bool holdsSecrets)
        {
            if (parameters.Count == 0)
            {
                return _constantBody;
            }

            var last = _lastBody;
            if (last is not null && last.IsFor(parameters))
            {
                return last.Bytes;
            }

            var body = _encoding.Assemble(_prefix, _encoding.EncodeSegment(parameters), _suffix);
            if (!holdsSecrets)
            {
                _lastBody = new EncodedBody(parameters, body);
            }

            return body;
        }

        private sealed class EncodedBody
        {
            private readonly KeyValuePair<string, string>[] _parameters;

            public EncodedBody(IReadOnlyList<KeyValuePair<string, string>> parameters, byte[] bytes)
            {
                _parameters = new KeyValuePair<string, string>[parameters.Count];
                for (var i = 0; i < _parameters.Length; i++)
                {
                    _parameters[i] = parameters[i];
                }

                Bytes = bytes;
            }

            public byte[] Bytes { get; }

            public bool IsFor(IReadOnlyList<KeyValuePair<string, string>> parameters)
            {
                if (parameters.Count != _parameters.Length)
                {
                    return false;
                }

                for (var i = 0; i < _parameters.Length; i++)
                {
                    if (!string.Equals(_parameters[i].Key, parameters[i].Key, StringComparison.Ordinal)
                        || !string.Equals(_parameters[i].Value, parameters[i].Value, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
