using System;
using System.Buffers.Text;
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
        internal static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions
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
        public static TokenResponse? Read(ReadOnlySpan<byte> body, out string? problem) => Read(body, out problem, fields: null);

        /// <summary>
        /// Reads <paramref name="body"/>, capturing the values of <paramref name="fields"/> in the same pass; the other
        /// non-standard members are kept to be read only if <see cref="TokenResponse.AdditionalFields"/> is asked for.
        /// With a <paramref name="shape"/>, the token fields are read from its root object and its other field names
        /// stand for the standard members, in the same pass; errors are read at the top level and in the root.
        /// </summary>
        public static TokenResponse? Read(ReadOnlySpan<byte> body, out string? problem, TokenFieldSet? fields, ResponseShape? shape = null)
        {
            body = TrimStart(body);
            if (body.Length == 0)
            {
                problem = "the response body is empty";
                return null;
            }

            return body[0] == (byte)'{' ? ReadJson(body, out problem, fields, shape) : ReadForm(body, out problem, shape);
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

        /// <summary>Whether <paramref name="name"/> is one of the standard members (ASCII case-insensitively), which <see cref="TokenResponse.AdditionalFields"/> leaves out.</summary>
        internal static bool IsStandardName(string name) => Classify(name) != StandardField.None;

        /// <summary>The same for a name's unescaped UTF-8 bytes.</summary>
        internal static bool IsStandardName(ReadOnlySpan<byte> name) => Classify(name) != StandardField.None;

        private static TokenResponse? ReadJson(ReadOnlySpan<byte> body, out string? problem, TokenFieldSet? fields, ResponseShape? shape)
        {
            var response = new TokenResponse();
            var additional = false;
            var reader = new Utf8JsonReader(body, ReaderOptions);
            try
            {
                reader.Read();
                problem = ReadMembers(ref reader, response, fields, shape, 0, ref additional);
                if (problem is not null)
                {
                    return null;
                }

                // Reading to the end rejects anything after the object.
                while (reader.Read())
                {
                }

                if (shape is { RootPath.Length: > 0 } && !response.HasRoot && response.ShapeProblem is null)
                {
                    response.ShapeProblem = "the answer has no '" + shape.Root + "' object (the declared ResponseRoot)";
                }

                if (additional)
                {
                    response.KeepJson(body, shape?.RootPath);
                }
            }
            catch (JsonException e)
            {
                problem = "the response is not valid JSON (" + DescribePosition(e) + ")";
                return null;
            }
            catch (InvalidOperationException)
            {
                problem = "the response is not valid UTF-8 JSON text (a string holds invalid UTF-8 or a \\u escape of half a surrogate pair)";
                return null;
            }

            problem = null;
            return response;
        }

        // The members of the object the reader is on, at `level` objects down the shape's root path: the token fields
        // are read at the end of the path, errors there and at the top level, the rest only checked (CheckText).
        private static string? ReadMembers(ref Utf8JsonReader reader, TokenResponse response, TokenFieldSet? fields, ResponseShape? shape, int level, ref bool additional)
        {
            var rootDepth = shape?.RootPath.Length ?? 0;
            var isTokenLevel = level == rootDepth;
            var isErrorLevel = isTokenLevel || level == 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (level < rootDepth && NameIs(ref reader, shape!.Utf8RootPath[level], shape.RootPath[level]))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        response.HasRoot |= level + 1 == rootDepth;
                        var problem = ReadMembers(ref reader, response, fields, shape, level + 1, ref additional);
                        if (problem is not null)
                        {
                            return problem;
                        }
                    }
                    else
                    {
                        if (reader.TokenType != JsonTokenType.Null)
                        {
                            response.ShapeProblem = "the answer's '" + string.Join(".", shape.RootPath, 0, level + 1) + "' is " + Describe(reader.TokenType) + ", not an object (the declared ResponseRoot is '" + shape.Root + "')";
                        }

                        var skipped = reader;
                        CheckText(ref skipped);
                        reader = skipped;
                    }

                    continue;
                }

                // The standard names are recognized from their bytes: only the other members' names become strings.
                var field = reader.ValueIsEscaped ? Classify(reader.GetString()!) : Classify(reader.ValueSpan);
                if (!isTokenLevel && (!isErrorLevel || (field != StandardField.Error && field != StandardField.ErrorDescription && field != StandardField.ErrorUri)))
                {
                    field = StandardField.None;
                }

                var alias = field == StandardField.None && shape is not null && isErrorLevel
                    ? reader.ValueIsEscaped ? shape.Classify(reader.GetString()!) : shape.Classify(reader.ValueSpan)
                    : ResponseAlias.None;
                if (alias != ResponseAlias.None && (isTokenLevel || alias == ResponseAlias.Error || alias == ResponseAlias.ErrorDescription))
                {
                    reader.Read();
                    var problem = ReadAlias(ref reader, alias, shape!, response);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    // Kept in AdditionalFields too, as the provider sent it (as a form answer's are).
                    additional |= isTokenLevel;
                    continue;
                }

                if (field == StandardField.None)
                {
                    // The name and the value are checked now, so that AdditionalFields, built later if at all, cannot fail.
                    CheckString(ref reader);
                    var typed = fields is null || !isTokenLevel ? -1 : reader.ValueIsEscaped ? fields.IndexOf(reader.GetString()!) : fields.IndexOf(reader.ValueSpan);
                    reader.Read();
                    var probe = reader;
                    CheckText(ref probe);
                    if (typed >= 0)
                    {
                        response.Capture(fields!, typed, FieldValue.Read(ref reader));
                    }

                    reader = probe;
                    additional |= isTokenLevel;
                    continue;
                }

                reader.Read();
                var standardProblem = ReadStandardField(ref reader, field, response, shape);
                if (standardProblem is not null)
                {
                    return standardProblem;
                }
            }

            return null;
        }

        private static bool NameIs(ref Utf8JsonReader reader, byte[] utf8Name, string name) =>
            reader.ValueIsEscaped ? string.Equals(reader.GetString(), name, StringComparison.Ordinal) : reader.ValueSpan.SequenceEqual(utf8Name);

        private static string Describe(JsonTokenType type) => type switch
        {
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            _ => "a Boolean",
        };

        // A declared field name: the lifetime, the absolute expiry (converted once the time of the answer is known), the
        // error (a number is one unless it is 0, as WeChat's errcode) or its description.
        private static string? ReadAlias(ref Utf8JsonReader reader, ResponseAlias alias, ResponseShape shape, TokenResponse response)
        {
            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                var kind = Describe(reader.TokenType);
                reader.Skip();
                return "the " + NameOf(alias, shape) + " field is " + kind + ", not " + (alias == ResponseAlias.ExpiresIn ? "a number" : alias == ResponseAlias.ExpiresAt ? "a point in time" : "a string");
            }

            switch (alias)
            {
                case ResponseAlias.ExpiresIn:
                    return ReadExpiresIn(ref reader, response)?.Replace("expires_in", shape.ExpiresInField);
                case ResponseAlias.ExpiresAt:
                    response.ExpiresAtValue = FieldValue.Read(ref reader);
                    return null;
                case ResponseAlias.Error:
                    var code = ScalarText(ref reader);
                    if (code is not null && !(reader.TokenType == JsonTokenType.Number && IsZero(code)) && !(reader.TokenType == JsonTokenType.String && IsZero(code.Trim())))
                    {
                        response.Error = code;
                    }

                    return null;
                default:
                    response.ErrorDescription = ScalarText(ref reader);
                    return null;
            }
        }

        private static bool IsZero(string number) =>
            double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == 0;

        private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };

        private static string NameOf(ResponseAlias alias, ResponseShape shape) => alias switch
        {
            ResponseAlias.ExpiresIn => shape.ExpiresInField!,
            ResponseAlias.ExpiresAt => shape.ExpiresAtField!,
            ResponseAlias.Error => shape.ErrorField!,
            _ => shape.ErrorDescriptionField!,
        };

        // Utf8JsonReader checks the structure but leaves a string's bytes and \u escapes to GetString, which throws
        // InvalidOperationException on invalid UTF-8 or a lone surrogate (ReadJson turns that into its problem). The
        // standard fields are decoded as they are read; the value of a field kept in AdditionalFields, nested strings
        // too, is checked here, so that none can throw later (when read, cached or written). In the same pass, not a
        // second one: a second pass made the reader 1.7 times slower than System.Text.Json (docs/benchmarks.md).
        private static void CheckText(ref Utf8JsonReader reader)
        {
            var depth = reader.CurrentDepth;
            while (true)
            {
                if (reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.PropertyName)
                {
                    CheckString(ref reader);
                }

                // A scalar, or the end of the object or array the value is.
                if ((reader.CurrentDepth == depth && reader.TokenType != JsonTokenType.StartObject && reader.TokenType != JsonTokenType.StartArray)
                    || !reader.Read())
                {
                    return;
                }
            }
        }

        private static void CheckString(ref Utf8JsonReader reader)
        {
#if NET8_0_OR_GREATER
            if (reader.ValueIsEscaped || !System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
            {
                reader.GetString();
            }
#else
            reader.GetString();
#endif
        }

        private static string DescribePosition(JsonException e) =>
            e.BytePositionInLine is { } position
                ? string.Format(CultureInfo.InvariantCulture, "line {0}, byte {1}", (e.LineNumber ?? 0) + 1, position + 1)
                : "unexpected end";

        private static string? ReadStandardField(ref Utf8JsonReader reader, StandardField field, TokenResponse response, ResponseShape? shape)
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
                    value = ReadScopeArray(ref reader, shape?.ScopeSeparator ?? " ");
                    if (value is null)
                    {
                        return "the scope field is an array of something other than strings";
                    }

                    break;
                default:
                    var kind = reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object";
                    reader.Skip();
                    return "the " + NameOf(field) + " field is " + kind + ", not a string";
            }

            Assign(response, field, value);
            return null;
        }

        private static string? ReadScopeArray(ref Utf8JsonReader reader, string separator)
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
                    scopes.Append(separator);
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
                    // "3599" (docs 001 and 003) is read from its bytes; anything unusual takes the string path.
                    return !reader.ValueIsEscaped && TryParseSeconds(reader.ValueSpan, out var quoted)
                        ? SetExpiresIn(response, quoted)
                        : SetExpiresIn(response, reader.GetString()!);
                case JsonTokenType.Null:
                    return null;
                default:
                    reader.Skip();
                    return "expires_in is not a number";
            }
        }

        private static bool TryParseSeconds(ReadOnlySpan<byte> text, out double seconds)
        {
            while (text.Length > 0 && text[0] == (byte)' ')
            {
                text = text.Slice(1);
            }

            while (text.Length > 0 && text[text.Length - 1] == (byte)' ')
            {
                text = text.Slice(0, text.Length - 1);
            }

            seconds = 0;
            return text.Length > 0 && Utf8Parser.TryParse(text, out seconds, out var consumed) && consumed == text.Length;
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

            // Whole seconds exactly (a double cannot hold every tick count near the limit), the fraction to the tick.
            var whole = Math.Floor(seconds);
            var ticks = (long)whole * TimeSpan.TicksPerSecond + (long)Math.Round((seconds - whole) * TimeSpan.TicksPerSecond);
            if (ticks < 0)
            {
                return "expires_in is out of range";
            }

            response.ExpiresIn = TimeSpan.FromTicks(ticks);
            return null;
        }

        private static TokenResponse? ReadForm(ReadOnlySpan<byte> body, out string? problem, ResponseShape? shape)
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
                    response.SetField(name, JsonElements.FromString(value));
                    var alias = shape?.Classify(name) ?? ResponseAlias.None;
                    problem = alias == ResponseAlias.None ? null : ReadFormAlias(alias, shape!, value, response);
                    if (problem is not null)
                    {
                        return null;
                    }

                    recognized |= alias == ResponseAlias.Error;
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

            if (shape is { RootPath.Length: > 0 })
            {
                response.ShapeProblem = "the answer is form-encoded, so it has no '" + shape.Root + "' object (the declared ResponseRoot)";
            }

            problem = null;
            return response;
        }

        private static string? ReadFormAlias(ResponseAlias alias, ResponseShape shape, string value, TokenResponse response)
        {
            switch (alias)
            {
                case ResponseAlias.ExpiresIn:
                    return SetExpiresIn(response, value)?.Replace("expires_in", shape.ExpiresInField);
                case ResponseAlias.ExpiresAt:
                    response.ExpiresAtValue = FieldValue.OfString(value);
                    return null;
                case ResponseAlias.Error:
                    if (!IsZero(value.Trim()))
                    {
                        response.Error = value;
                    }

                    return null;
                default:
                    response.ErrorDescription = value;
                    return null;
            }
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

        // The same names as UTF-8 bytes, ASCII case-insensitively (they are lowercase letters and '_').
        private static StandardField Classify(ReadOnlySpan<byte> name)
        {
            switch (name.Length)
            {
                case 5: return Is(name, "scope"u8) ? StandardField.Scope : Is(name, "error"u8) ? StandardField.Error : StandardField.None;
                case 8: return Is(name, "id_token"u8) ? StandardField.IdToken : StandardField.None;
                case 9: return Is(name, "error_uri"u8) ? StandardField.ErrorUri : StandardField.None;
                case 10: return Is(name, "token_type"u8) ? StandardField.TokenType : Is(name, "expires_in"u8) ? StandardField.ExpiresIn : StandardField.None;
                case 12: return Is(name, "access_token"u8) ? StandardField.AccessToken : StandardField.None;
                case 13: return Is(name, "refresh_token"u8) ? StandardField.RefreshToken : StandardField.None;
                case 17: return Is(name, "error_description"u8) ? StandardField.ErrorDescription : StandardField.None;
                default: return StandardField.None;
            }

            static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected)
            {
                for (var i = 0; i < expected.Length; i++)
                {
                    // Setting bit 0x20 lowercases an ASCII letter; it cannot turn anything into '_' (0x5F).
                    if (name[i] != expected[i] && (name[i] | 0x20) != expected[i])
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        private static string NameOf(StandardField field) => field switch
        {
            StandardField.AccessToken => "access_token",
            StandardField.TokenType => "token_type",
            StandardField.ExpiresIn => "expires_in",
            StandardField.RefreshToken => "refresh_token",
            StandardField.Scope => "scope",
            StandardField.IdToken => "id_token",
            StandardField.Error => "error",
            StandardField.ErrorDescription => "error_description",
            StandardField.ErrorUri => "error_uri",
            _ => "unknown",
        };

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
