using System;
using System.Diagnostics;

namespace OAuthGen
{
    /// <summary>
    /// The start of an authorization code flow (RFC 6749 §4.1.1): send the user to <see cref="Url"/>, keep
    /// <see cref="State"/> and <see cref="CodeVerifier"/> for the callback.
    /// </summary>
    public sealed class AuthorizationRequest
    {
        /// <summary>Creates an authorization request.</summary>
        public AuthorizationRequest(Uri url, string state, string? codeVerifier)
        {
            Url = url ?? throw new ArgumentNullException(nameof(url));
            State = state ?? throw new ArgumentNullException(nameof(state));
            CodeVerifier = codeVerifier;
        }

        /// <summary>The authorization endpoint with the request's query.</summary>
        public Uri Url { get; }

        /// <summary>The <c>state</c> sent; the callback must carry the same value.</summary>
        public string State { get; }

        /// <summary>The PKCE code verifier (RFC 7636) to send with the code, or null when PKCE is off.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? CodeVerifier { get; }

        /// <summary>The URL; the code verifier is never printed.</summary>
        public override string ToString() => Url.AbsoluteUri;
    }
}
