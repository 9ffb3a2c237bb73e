using System;
using System.Diagnostics;

namespace OAuthGen
{
    /// <summary>
    /// A device authorization response (RFC 8628 §3.2): show <see cref="UserCode"/> and <see cref="VerificationUri"/>
    /// to the user, then poll for the token with <see cref="DeviceCode"/>.
    /// </summary>
    public sealed class DeviceAuthorization
    {
        /// <summary>Creates a device authorization.</summary>
        public DeviceAuthorization(string deviceCode, string userCode, Uri verificationUri, Uri? verificationUriComplete, TimeSpan expiresIn, TimeSpan interval, DateTimeOffset issuedAt)
        {
            DeviceCode = deviceCode ?? throw new ArgumentNullException(nameof(deviceCode));
            UserCode = userCode ?? throw new ArgumentNullException(nameof(userCode));
            VerificationUri = verificationUri ?? throw new ArgumentNullException(nameof(verificationUri));
            VerificationUriComplete = verificationUriComplete;
            ExpiresIn = expiresIn;
            Interval = interval;
            IssuedAt = issuedAt;
        }

        /// <summary>The device verification code; a secret of this client, never shown to the user.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string DeviceCode { get; }

        /// <summary>The code the user enters at <see cref="VerificationUri"/>.</summary>
        public string UserCode { get; }

        /// <summary>Where the user goes to enter <see cref="UserCode"/>.</summary>
        public Uri VerificationUri { get; }

        /// <summary>A verification URI that already carries the user code, when the provider gives one.</summary>
        public Uri? VerificationUriComplete { get; }

        /// <summary>How long the codes are valid.</summary>
        public TimeSpan ExpiresIn { get; }

        /// <summary>How long to wait between polls (5 seconds when the provider says nothing).</summary>
        public TimeSpan Interval { get; }

        /// <summary>When the provider's answer arrived.</summary>
        public DateTimeOffset IssuedAt { get; }

        /// <summary>The user code and where to enter it; the device code is never printed.</summary>
        public override string ToString() => "Enter " + UserCode + " at " + VerificationUri.AbsoluteUri;
    }

    /// <summary>A token exchange request (RFC 8693 §2.1).</summary>
    public sealed class TokenExchangeRequest
    {
        /// <summary>The token that represents the party on whose behalf the request is made.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string SubjectToken { get; set; } = string.Empty;

        /// <summary>The type of <see cref="SubjectToken"/>; see <see cref="TokenTypeIdentifiers"/>.</summary>
        public string SubjectTokenType { get; set; } = TokenTypeIdentifiers.AccessToken;

        /// <summary>The token of the acting party, for delegation.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? ActorToken { get; set; }

        /// <summary>The type of <see cref="ActorToken"/>.</summary>
        public string? ActorTokenType { get; set; }

        /// <summary>The logical name of the target service.</summary>
        public string? Audience { get; set; }

        /// <summary>The URI of the target service.</summary>
        public string? Resource { get; set; }

        /// <summary>The scope of the requested token.</summary>
        public string? Scope { get; set; }

        /// <summary>The type of token wanted; see <see cref="TokenTypeIdentifiers"/>.</summary>
        public string? RequestedTokenType { get; set; }

        /// <summary>Describes the request without its tokens.</summary>
        public override string ToString() =>
            "TokenExchangeRequest { SubjectTokenType = " + SubjectTokenType + ", Audience = " + (Audience ?? "(none)") + ", Resource = " + (Resource ?? "(none)") + " }";
    }

    /// <summary>The token type identifiers of RFC 8693 §3.</summary>
    public static class TokenTypeIdentifiers
    {
        /// <summary>An OAuth access token.</summary>
        public const string AccessToken = "urn:ietf:params:oauth:token-type:access_token";

        /// <summary>An OAuth refresh token.</summary>
        public const string RefreshToken = "urn:ietf:params:oauth:token-type:refresh_token";

        /// <summary>An OpenID Connect ID token.</summary>
        public const string IdToken = "urn:ietf:params:oauth:token-type:id_token";

        /// <summary>A JWT.</summary>
        public const string Jwt = "urn:ietf:params:oauth:token-type:jwt";
    }
}
