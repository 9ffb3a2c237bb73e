using System;
using System.IO;
using System.Text;
using System.Text.Json;
using OAuthGen.Infrastructure;

namespace OAuthGen.Tokens
{
    /// <summary>
    /// Writes a token as the fields a provider would have sent, plus its expiry, and reads it back with the same
    /// lenient reader: what distributed caches and stores keep. No reflection.
    /// </summary>
    internal static class OAuthTokenSerializer
    {
        private const int FormatVersion = 1;

        public static byte[] Serialize(OAuthToken token)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("v", FormatVersion);
                if (token.ExpiresAt is { } expiresAt)
                {
                    writer.WriteNumber("expires_at", expiresAt.ToUnixTimeMilliseconds());
                }

                writer.WriteStartObject("token");
                writer.WriteString("access_token", token.AccessToken);
                WriteOptional(writer, "token_type", token.TokenType);
                WriteOptional(writer, "refresh_token", token.RefreshToken);
                WriteOptional(writer, "scope", token.Scope);
                WriteOptional(writer, "id_token", token.IdToken);
                if (token.ExpiresIn is { } expiresIn)
                {
                    writer.WriteNumber("expires_in", expiresIn.TotalSeconds);
                }

                foreach (var field in token.AdditionalFields)
                {
                    writer.WritePropertyName(field.Key);
                    field.Value.WriteTo(writer);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        /// <summary>The token in <paramref name="bytes"/>, or null when they are not one this serializer wrote.</summary>
        public static OAuthToken? Deserialize(byte[] bytes)
        {
            try
            {
                // One level deeper than the answer it keeps, which the reader accepted at up to 64 levels.
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 66 });
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion
                    || !root.TryGetProperty("token", out var fields) || fields.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var read = TokenResponseReader.Read(Encoding.UTF8.GetBytes(fields.GetRawText()), out _);
                if (read?.AccessToken is null)
                {
                    return null;
                }

                return new OAuthToken
                {
                    AccessToken = read.AccessToken,
                    TokenType = read.TokenType,
                    RefreshToken = read.RefreshToken,
                    Scope = read.Scope,
                    IdToken = read.IdToken,
                    ExpiresIn = read.ExpiresIn,
                    ExpiresAt = root.TryGetProperty("expires_at", out var expiresAt) && expiresAt.TryGetInt64(out var milliseconds)
                        ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                        : null,
                    AdditionalFields = read.AdditionalFields,
                };
            }
            catch (Exception e) when (e is JsonException or FormatException or ArgumentOutOfRangeException or InvalidOperationException)
            {
                return null;
            }
        }

        private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
        {
            if (value is not null)
            {
                writer.WriteString(name, value);
            }
        }
    }
}
