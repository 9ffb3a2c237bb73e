using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Reads token endpoint answers as real providers send them: a JSON object (with a BOM, a trailing comma,
    /// comments, numbers as strings, unknown or empty keys) or a form-encoded body. No reflection.
    /// </summary>
    internal static class TokenResponseReader
    {
        private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        };

        private enum StandardField
        {
            None,
            AccessToken,
            TokenType,
            ExpiresIn,
            RefreshToken,
            Scope,
            IdToken,
            Error,
            ErrorDescription,
            ErrorUri,
        }

        /// <summary>Reads <paramref name="body"/>; null with <paramref name="problem"/> set when it is no token response at all.</summary>
        public static TokenResponse? Read(ReadOnlySpan<byte> body, out string? problem)
        {
            body = TrimStart(body);
            if (body.Length == 0)
            {
                problem = "the response body is empty";
                return null;
            }

            return body[0] == (byte)'{' ? ReadJson(body, out problem) : ReadForm(body, out problem);
        }

        private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> body)
        {
            if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
            {
                body = body.Slice(3);
            }

            var start = 0;
            while (start < body.Length && (body[start] == ' ' || body[start] == '\t' || body[start] == '\r' || body[start] == '\n'))
            {
                start++;
            }

            return body.Slice(start);
        }

        private static TokenResponse? ReadJson(ReadOnlySpan<byte> body, out string? problem)
        {
            var response = new TokenResponse();
            var reader = new Utf8JsonReader(body, ReaderOptions);
            try
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    var field = Classify(name);
                    if (field == StandardField.None)
                    {
                        response.AdditionalFields[name] = JsonElement.ParseValue(ref reader);
                        continue;
                    }

                    problem = ReadStandardField(ref reader, field, name, response);
                    if (problem is not null)
                    {
                        return null;
                    }
                }

                // Reading to the end rejects anything after the object.
                while (reader.Read())
                {
                }
            }
            catch (JsonException e)
            {
                problem = "the response is not valid JSON (" + DescribePosition(e) + ")";
                return null;
            }

            problem = null;
            return response;
        }

        private static string DescribePosition(JsonException e) =>
            e.BytePositionInLine is { } position
                ? string.Format(CultureInfo.InvariantCulture, "line {0}, byte {1}", (e.LineNumber ?? 0) + 1, position + 1)
                : "unexpected end";

        private static string? ReadStandardField(ref Utf8JsonReader reader, StandardField field, string name, TokenResponse response)
        {
            if (field == StandardField.ExpiresIn)
            {
                return ReadExpiresIn(ref reader, response);
            }

            string? value;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    value = reader.GetString();
                    break;
                case JsonTokenType.Number:
                    value = Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    value = reader.TokenType == JsonTokenType.True ? "true" : "false";
                    break;
                case JsonTokenType.Null:
                    value = null;
                    break;
                case JsonTokenType.StartArray when field == StandardField.Scope:
                    value = ReadScopeArray(ref reader);
                    if (value is null)
                    {
                        return "the scope field is an array of something other than strings";
                    }

                    break;
                default:
                    var kind = reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object";
                    reader.Skip();
                    return "the " + name + " field is " + kind + ", not a string";
            }

            Assign(response, field, value);
            return null;
        }

        private static string? ReadScopeArray(ref Utf8JsonReader reader)
        {
            var scopes = new StringBuilder();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    return null;
                }

                if (scopes.Length > 0)
                {
                    scopes.Append(' ');
                }

                scopes.Append(reader.GetString());
            }

            return scopes.ToString();
        }

        private static string? ReadExpiresIn(ref Utf8JsonReader reader, TokenResponse response)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (!reader.TryGetDouble(out var seconds))
                    {
                        return "expires_in is not a number";
                    }

                    return SetExpiresIn(response, seconds);
                case JsonTokenType.String:
                    return SetExpiresIn(response, reader.GetString()!);
                case JsonTokenType.Null:
                    return null;
                default:
                    reader.Skip();
                    return "expires_in is not a number";
            }
        }

        private static string? SetExpiresIn(TokenResponse response, string text)
        {
            text = text.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? SetExpiresIn(response, seconds)
                : "expires_in is not a number";
        }

        private static string? SetExpiresIn(TokenResponse response, double seconds)
        {
            if (double.IsNaN(seconds) || double.IsInfinity(seconds))
            {
                return "expires_in is not a number";
            }

            if (seconds < 0)
            {
                return "expires_in is negative";
            }

            if (seconds >= TimeSpan.MaxValue.TotalSeconds)
            {
                return "expires_in is out of range";
            }

            response.ExpiresIn = TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
            return null;
        }

        private static TokenResponse? ReadForm(ReadOnlySpan<byte> body, out string? problem)
        {
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.ToArray());
            }
            catch (ArgumentException)
            {
                problem = "the response is neither JSON nor form-encoded text";
                return null;
            }

            var response = new TokenResponse();
            var recognized = false;
            foreach (var pair in text.TrimEnd().Split('&'))
            {
                var separator = pair.IndexOf('=');
                if (separator <= 0)
                {
                    continue;
                }

                var name = FormUrlEncoding.Decode(pair.Substring(0, separator));
                var value = FormUrlEncoding.Decode(pair.Substring(separator + 1));
                var field = Classify(name);
                if (field == StandardField.None)
                {
                    response.AdditionalFields[name] = JsonElements.FromString(value);
                    continue;
                }

                recognized |= field == StandardField.AccessToken || field == StandardField.Error;
                if (field == StandardField.ExpiresIn)
                {
                    problem = SetExpiresIn(response, value);
                    if (problem is not null)
                    {
                        return null;
                    }
                }
                else
                {
                    Assign(response, field, value);
                }
            }

            if (!recognized)
            {
                problem = "the response is neither a JSON object nor a form-encoded token response";
                return null;
            }

            problem = null;
            return response;
        }

        private static StandardField Classify(string name)
        {
            switch (name.Length)
            {
                case 5 when Is(name, "scope"): return StandardField.Scope;
                case 5 when Is(name, "error"): return StandardField.Error;
                case 8 when Is(name, "id_token"): return StandardField.IdToken;
                case 9 when Is(name, "error_uri"): return StandardField.ErrorUri;
                case 10 when Is(name, "token_type"): return StandardField.TokenType;
                case 10 when Is(name, "expires_in"): return StandardField.ExpiresIn;
                case 12 when Is(name, "access_token"): return StandardField.AccessToken;
                case 13 when Is(name, "refresh_token"): return StandardField.RefreshToken;
                case 17 when Is(name, "error_description"): return StandardField.ErrorDescription;
                default: return StandardField.None;
            }

            static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
        }

        private static void Assign(TokenResponse response, StandardField field, string? value)
        {
            switch (field)
            {
                case StandardField.AccessToken: response.AccessToken = value; break;
                case StandardField.TokenType: response.TokenType = value; break;
                case StandardField.RefreshToken: response.RefreshToken = value; break;
                case StandardField.Scope: response.Scope = value; break;
                case StandardField.IdToken: response.IdToken = value; break;
                case StandardField.Error: response.Error = value; break;
                case StandardField.ErrorDescription: response.ErrorDescription = value; break;
                case StandardField.ErrorUri: response.ErrorUri = value; break;
            }
        }
    }

    internal static class JsonElements
    {
        public static JsonElement FromString(string value)
        {
            var buffer = new MemoryStream(value.Length + 2);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStringValue(value);
            }

            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
    }
}
