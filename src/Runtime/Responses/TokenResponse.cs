using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>A token endpoint's answer as read, before it is judged a token or an error.</summary>
    internal sealed class TokenResponse
    {
        private static readonly IReadOnlyDictionary<string, JsonElement> NoFields = new Dictionary<string, JsonElement>(0);

        // Created with the first non-standard member: most answers have none.
        private Dictionary<string, JsonElement>? _additionalFields;

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? AccessToken { get; set; }

        public string? TokenType { get; set; }

        public TimeSpan? ExpiresIn { get; set; }

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? RefreshToken { get; set; }

        public string? Scope { get; set; }

        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? IdToken { get; set; }

        public string? Error { get; set; }

        public string? ErrorDescription { get; set; }

        public string? ErrorUri { get; set; }

        /// <summary>Every member besides the standard ones; one shared empty dictionary when there are none.</summary>
        public IReadOnlyDictionary<string, JsonElement> AdditionalFields => (IReadOnlyDictionary<string, JsonElement>?)_additionalFields ?? NoFields;

        /// <summary>Keeps a non-standard member; the last of several with one name wins.</summary>
        public void SetField(string name, JsonElement value) =>
            (_additionalFields ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = value;
    }
}
