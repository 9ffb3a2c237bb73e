using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OAuthGen
{
    /// <summary>
    /// A successful token response (RFC 6749 §5.1), read leniently. Derive from it and mark properties with
    /// <see cref="OAuthFieldAttribute"/> to read a provider's own fields into typed properties.
    /// </summary>
    /// <remarks><see cref="ToString"/> and the debugger never show the access, refresh or ID token.</remarks>
    [DebuggerDisplay("{ToString(),nq}")]
    public class OAuthToken
    {
        private static readonly IReadOnlyDictionary<string, JsonElement> NoFields = new Dictionary<string, JsonElement>();

        // Made once per token for the bearer handler, which puts it on every request (it is immutable, so it is shared).
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private AuthenticationHeaderValue? _bearerHeader;

        /// <summary>The access token.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string AccessToken { get; set; } = string.Empty;

        /// <summary>The <c>token_type</c> exactly as the provider sent it, or null when it sent none.</summary>
        public string? TokenType { get; set; }

        /// <summary>
        /// True for a bearer token: <c>bearer</c> in any case, the <c>BearerToken</c> some gateways send, or no
        /// <c>token_type</c> at all (which providers that omit it mean).
        /// </summary>
        public bool IsBearer => TokenType is null
            || string.Equals(TokenType, "bearer", StringComparison.OrdinalIgnoreCase)
            || string.Equals(TokenType, "BearerToken", StringComparison.OrdinalIgnoreCase);

        /// <summary>The lifetime the provider gave in <c>expires_in</c>, or null when it gave none.</summary>
        public TimeSpan? ExpiresIn { get; set; }

        /// <summary>
        /// When the token expires: the time the response arrived plus <see cref="ExpiresIn"/>; null when the provider
        /// gave no lifetime, or <c>expires_in: 0</c> (no usable lifetime: the token is kept, as golang/oauth2 does).
        /// </summary>
        public DateTimeOffset? ExpiresAt { get; set; }

        /// <summary>The refresh token, when the provider issued one.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? RefreshToken { get; set; }

        /// <summary>The granted scope, space-separated: what the provider sent, or, when it sent none, the scope the request asked for (RFC 6749 §5.1).</summary>
        public string? Scope { get; set; }

        /// <summary>The OpenID Connect ID token, when the provider sent one.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? IdToken { get; set; }

        // Read from the answer when first asked for: most callers never look at it.
        private IReadOnlyDictionary<string, JsonElement>? _additionalFields;

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private Infrastructure.TokenResponse? _additionalFieldsSource;

        /// <summary>Every response field other than the standard ones above, including those mapped by <see cref="OAuthFieldAttribute"/>.</summary>
        public IReadOnlyDictionary<string, JsonElement> AdditionalFields
        {
            get => _additionalFields ??= _additionalFieldsSource?.AdditionalFields ?? NoFields;
            set
            {
                _additionalFields = value;
                _additionalFieldsSource = null;
            }
        }

        /// <summary>Whether the token has expired at <paramref name="now"/>, or will within <paramref name="skew"/>. A token without an expiry never expires.</summary>
        public bool IsExpired(DateTimeOffset now, TimeSpan skew = default) => ExpiresAt is { } expiresAt && now + skew >= expiresAt;

        /// <summary>Makes <see cref="AdditionalFields"/> the non-standard members of <paramref name="answer"/>, read when first asked for.</summary>
        internal void SetAdditionalFields(Infrastructure.TokenResponse answer)
        {
            _additionalFields = null;
            _additionalFieldsSource = answer;
        }

        /// <summary><c>Bearer</c> and the access token, made again only when <see cref="AccessToken"/> has changed.</summary>
        internal AuthenticationHeaderValue BearerHeader()
        {
            var header = _bearerHeader;
            if (header is null || !ReferenceEquals(header.Parameter, AccessToken))
            {
                _bearerHeader = header = new AuthenticationHeaderValue("Bearer", AccessToken);
            }

            return header;
        }

        /// <summary>Describes the token without any secret: type, expiry and scope.</summary>
        public override string ToString()
        {
            var expiresAt = ExpiresAt is { } at ? at.ToString("O", CultureInfo.InvariantCulture) : "never";
            var text = $"{GetType().Name} {{ TokenType = {TokenType ?? "(none)"}, ExpiresAt = {expiresAt}, Scope = {Scope ?? "(none)"}, AccessToken = ***{(RefreshToken is null ? "" : ", RefreshToken = ***")} }}";

            // The type and scope are the provider's text: one that echoes a token there does not get it printed.
            return Infrastructure.Redaction.Redact(text, new[] { AccessToken, RefreshToken ?? string.Empty, IdToken ?? string.Empty });
        }
    }
}
