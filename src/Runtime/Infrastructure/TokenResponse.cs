using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>A token endpoint's answer as read, before it is judged a token or an error.</summary>
    internal sealed class TokenResponse
    {
        public string? AccessToken { get; set; }

        public string? TokenType { get; set; }

        public TimeSpan? ExpiresIn { get; set; }

        public string? RefreshToken { get; set; }

        public string? Scope { get; set; }

        public string? IdToken { get; set; }

        public string? Error { get; set; }

        public string? ErrorDescription { get; set; }

        public string? ErrorUri { get; set; }

        public Dictionary<string, JsonElement> AdditionalFields { get; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
    }
}
