using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Reads the typed <see cref="OAuthFieldAttribute"/> fields of a token response, leniently: numbers may come as
    /// strings, dates as epoch seconds or milliseconds, lists as space-delimited strings. Called by generated code:
    /// by name from <see cref="OAuthToken.AdditionalFields"/> (code generated before <see cref="TokenFieldSet{TToken}"/>),
    /// and through <see cref="TokenFieldValues"/> with values captured in the reading pass. Both give the same results.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class TokenFieldReader
    {
        // Epoch values at or above this are milliseconds: as seconds they would be past the year 5000.
        private const double EpochMillisecondsThreshold = 100_000_000_000d;

        /// <summary>Reads a string; numbers and booleans as their JSON text.</summary>
        public static string? GetString(IReadOnlyDictionary<string, JsonElement> fields, string name) => ReadString(Find(fields, name), name);

        /// <summary>Reads <c>true</c>/<c>false</c>, as JSON, a string, or 1/0.</summary>
        public static bool? GetBoolean(IReadOnlyDictionary<string, JsonElement> fields, string name) => ReadBoolean(Find(fields, name), name);

        /// <summary>Reads a 32-bit integer, as a JSON number or a string.</summary>
        public static int? GetInt32(IReadOnlyDictionary<string, JsonElement> fields, string name) => ReadInt32(Find(fields, name), name);

        /// <summary>Reads a 64-bit integer, as a JSON number or a string.</summary>
        public static long? GetInt64(IReadOnlyDictionary<string, JsonElement> fields, string name) => ReadInt64(Find(fields, name), name);

        /// <summary>Reads a floating-point number, as a JSON number or a string.</summary>
        public static double? GetDouble(IReadOnlyDictionary<string, JsonElement> fields, string name) => ReadDouble(Find(fields, name), name);

        /// <summary>Reads a duration in seconds, as a JSON number or a string.</summary>
        public static TimeSpan? GetTimeSpan(IReadOnlyDictionary<string, JsonElement> fields, string name) => ReadTimeSpan(Find(fields, name), name);

        /// <summary>Reads a point in time: epoch seconds or milliseconds (a number or a string), or ISO 8601.</summary>
        public static DateTimeOffset? GetDateTimeOffset(IReadOnlyDictionary<string, JsonElement> fields, string name) => ReadDateTimeOffset(Find(fields, name), name);

        /// <summary>Reads a list of strings: a JSON array or a space-delimited string.</summary>
        public static string[]? GetStringArray(IReadOnlyDictionary<string, JsonElement> fields, string name) => ReadStringArray(Find(fields, name), name);

        internal static string? ReadString(in FieldValue value, string name)
        {
            switch (value.Kind)
            {
                case FieldValueKind.Absent:
                    return null;
                case FieldValueKind.String:
                case FieldValueKind.Scalar:
                    return value.Text;
                default:
                    return value.Element.GetRawText();
            }
        }

        internal static bool? ReadBoolean(in FieldValue value, string name)
        {
            if (value.Kind == FieldValueKind.Absent)
            {
                return null;
            }

            var text = TextOf(value);
            if (text is null)
            {
                throw Unreadable(name, "a Boolean");
            }

            if (text.Length == 0)
            {
                return null;
            }

            if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1")
            {
                return true;
            }

            if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0")
            {
                return false;
            }

            throw Unreadable(name, "a Boolean");
        }

        internal static int? ReadInt32(in FieldValue value, string name)
        {
            var number = ReadDouble(value, name, "an Int32");
            if (number is null)
            {
                return null;
            }

            return number.Value % 1 == 0 && number.Value >= int.MinValue && number.Value <= int.MaxValue
                ? (int)number.Value
                : throw Unreadable(name, "an Int32");
        }

        internal static long? ReadInt64(in FieldValue value, string name)
        {
            if (value.Kind == FieldValueKind.Absent)
            {
                return null;
            }

            // Exact first: a double cannot hold every long.
            if (long.TryParse(TextOf(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exact))
            {
                return exact;
            }

            var number = ReadDouble(value, name, "an Int64");
            if (number is null)
            {
                return null;
            }

            return number.Value % 1 == 0 && number.Value >= long.MinValue && number.Value < long.MaxValue
                ? (long)number.Value
                : throw Unreadable(name, "an Int64");
        }

        internal static double? ReadDouble(in FieldValue value, string name) => ReadDouble(value, name, "a Double");

        internal static TimeSpan? ReadTimeSpan(in FieldValue value, string name)
        {
            var seconds = ReadDouble(value, name, "a TimeSpan in seconds");
            if (seconds is null)
            {
                return null;
            }

            return Math.Abs(seconds.Value) < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromTicks((long)(seconds.Value * TimeSpan.TicksPerSecond))
                : throw Unreadable(name, "a TimeSpan in seconds");
        }

        internal static DateTimeOffset? ReadDateTimeOffset(in FieldValue value, string name)
        {
            if (value.Kind == FieldValueKind.Absent)
            {
                return null;
            }

            var text = TextOf(value);
            if (text is null)
            {
                throw Unreadable(name, "a DateTimeOffset");
            }

            if (text.Length == 0)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
            {
                var milliseconds = Math.Abs(epoch) >= EpochMillisecondsThreshold ? epoch : epoch * 1000;
                // DateTimeOffset's range: 0001-01-01 to 9999-12-31, which is not symmetric around 1970.
                const double minMilliseconds = -62_135_596_800_000d;
                const double maxMilliseconds = 253_402_300_799_999d;
                if (double.IsNaN(milliseconds) || milliseconds < minMilliseconds || milliseconds > maxMilliseconds)
                {
                    throw Unreadable(name, "a DateTimeOffset");
                }

                return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw Unreadable(name, "a DateTimeOffset");
        }

        internal static string[]? ReadStringArray(in FieldValue value, string name)
        {
            if (value.Kind == FieldValueKind.Absent)
            {
                return null;
            }

            if (value.Kind == FieldValueKind.Structured && value.Element.ValueKind == JsonValueKind.Array)
            {
                var items = new List<string>();
                foreach (var item in value.Element.EnumerateArray())
                {
                    items.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
                }

                return items.ToArray();
            }

            var text = TextOf(value);
            return text is null
                ? throw Unreadable(name, "a list of strings")
                : text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        }

        private static double? ReadDouble(in FieldValue value, string name, string typeName)
        {
            if (value.Kind == FieldValueKind.Absent)
            {
                return null;
            }

            var text = TextOf(value);
            if (text is null)
            {
                throw Unreadable(name, typeName);
            }

            if (text.Length == 0)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number) && !double.IsInfinity(number)
                ? number
                : throw Unreadable(name, typeName);
        }

        private static FieldValue Find(IReadOnlyDictionary<string, JsonElement> fields, string name)
        {
            if (fields is null)
            {
                throw new ArgumentNullException(nameof(fields));
            }

            return fields.TryGetValue(name, out var value) ? FieldValue.Of(value) : default;
        }

        // The text of a scalar: a string's value trimmed, a number's or boolean's JSON text; null for objects and arrays.
        private static string? TextOf(in FieldValue value) => value.Kind switch
        {
            FieldValueKind.String => value.Text!.Trim(),
            FieldValueKind.Scalar => value.Text,
            _ => null,
        };

        private static OAuthException Unreadable(string name, string typeName) =>
            new OAuthException("The token response field '" + name + "' could not be read as " + typeName + ".");
    }

    internal enum FieldValueKind : byte
    {
        /// <summary>Not in the answer, or null.</summary>
        Absent,

        /// <summary>A string: <see cref="FieldValue.Text"/> is its value.</summary>
        String,

        /// <summary>A number, true or false: <see cref="FieldValue.Text"/> is its JSON text.</summary>
        Scalar,

        /// <summary>An object or an array: <see cref="FieldValue.Element"/>.</summary>
        Structured,
    }

    /// <summary>One field's value as the conversions need it: taken from a <see cref="JsonElement"/> or straight from the reader.</summary>
    internal readonly struct FieldValue
    {
        private FieldValue(FieldValueKind kind, string? text, JsonElement element)
        {
            Kind = kind;
            Text = text;
            Element = element;
        }

        public FieldValueKind Kind { get; }

        public string? Text { get; }

        public JsonElement Element { get; }

        public static FieldValue Of(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => new FieldValue(FieldValueKind.String, value.GetString(), default),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new FieldValue(FieldValueKind.Scalar, value.GetRawText(), default),
            JsonValueKind.Object or JsonValueKind.Array => new FieldValue(FieldValueKind.Structured, null, value),
            _ => default,
        };

        /// <summary>A string value, as a form answer gives every value.</summary>
        public static FieldValue OfString(string text) => new FieldValue(FieldValueKind.String, text, default);

        /// <summary>The value the reader is on (its strings already checked), leaving the reader on its last token.</summary>
        public static FieldValue Read(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return new FieldValue(FieldValueKind.String, reader.GetString(), default);
                case JsonTokenType.Number:
                    return new FieldValue(FieldValueKind.Scalar, System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()), default);
                case JsonTokenType.True:
                    return new FieldValue(FieldValueKind.Scalar, "true", default);
                case JsonTokenType.False:
                    return new FieldValue(FieldValueKind.Scalar, "false", default);
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    return new FieldValue(FieldValueKind.Structured, null, JsonElement.ParseValue(ref reader));
                default:
                    return default;
            }
        }
    }
}
