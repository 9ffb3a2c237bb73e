using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OAuthGen
{
    /// <summary>A token introspection response (RFC 7662 §2.2).</summary>
    public sealed class TokenIntrospection
    {
        private static readonly IReadOnlyDictionary<string, JsonElement> NoFields = new Dictionary<string, JsonElement>();

        /// <summary>Whether the token is active: issued by this server, not expired, not revoked.</summary>
        public bool Active { get; set; }

        /// <summary>The token's scope.</summary>
        public string? Scope { get; set; }

        /// <summary>The client the token was issued to.</summary>
        public string? ClientId { get; set; }

        /// <summary>The resource owner who authorized the token.</summary>
        public string? Username { get; set; }

        /// <summary>The type of the token, such as <c>Bearer</c>.</summary>
        public string? TokenType { get; set; }

        /// <summary>The subject of the token.</summary>
        public string? Subject { get; set; }

        /// <summary>When the token expires.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }

        /// <summary>Every other member of the response.</summary>
        public IReadOnlyDictionary<string, JsonElement> AdditionalFields { get; set; } = NoFields;

        /// <summary>Describes the result.</summary>
        public override string ToString() => "TokenIntrospection { Active = " + (Active ? "true" : "false") + ", ClientId = " + (ClientId ?? "(none)") + ", Scope = " + (Scope ?? "(none)") + " }";
    }
}
