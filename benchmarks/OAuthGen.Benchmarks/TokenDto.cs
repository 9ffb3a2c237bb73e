using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OAuthGen.Benchmarks;

/// <summary>
/// The DTO a user writes for a token answer, equivalent to what OAuthGen's reader returns: the RFC 6749 fields,
/// <c>expires_in</c> as a number or a string, and every other member kept.
/// </summary>
public class TokenDto
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }

    [JsonPropertyName("token_type")] public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")] public double? ExpiresIn { get; set; }

    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; set; }

    [JsonPropertyName("scope")] public string? Scope { get; set; }

    [JsonPropertyName("id_token")] public string? IdToken { get; set; }

    [JsonPropertyName("error")] public string? Error { get; set; }

    [JsonPropertyName("error_description")] public string? ErrorDescription { get; set; }

    [JsonPropertyName("error_uri")] public string? ErrorUri { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}

/// <summary>The DTO with seed 003's two fields as typed properties (issued_at is epoch milliseconds as a string there).</summary>
public sealed class TypedTokenDto : TokenDto
{
    [JsonPropertyName("organization_name")] public string? OrganizationName { get; set; }

    [JsonPropertyName("issued_at")] public long? IssuedAt { get; set; }
}

/// <summary>
/// The options the seed answers need: doc 001 has a trailing comma and <c>"expires_in":"3599"</c>, doc 003 sends
/// every number as a string; OAuthGen's reader is also case-insensitive and skips comments.
/// </summary>
[JsonSourceGenerationOptions(
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(TokenDto))]
[JsonSerializable(typeof(TypedTokenDto))]
public sealed partial class TokenJsonContext : JsonSerializerContext
{
    /// <summary>The same options for the reflection-based serializer.</summary>
    public static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNameCaseInsensitive = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}
