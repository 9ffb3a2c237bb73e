using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Reads the typed <see cref="OAuthFieldAttribute"/> fields of a token response, leniently: numbers may come as
    /// strings, dates as epoch seconds or milliseconds, lists as space-delimited strings. Called by generated code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class TokenFieldReader
    {
        // Epoch values at or above this are milliseconds: as seconds they would be past the year 5000.
        private const double EpochMillisecondsThreshold = 100_000_000_000d;

        /// <summary>Reads a string; numbers and booleans as their JSON text.</summary>
        public static string? GetString(IReadOnlyDictionary<string, JsonElement> fields, string name)
        {
            if (!TryGetValue(fields, name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            };
        }

        /// <summary>Reads <c>true</c>/<c>false</c>, as JSON, a string, or 1/0.</summary>
        public static bool? GetBoolean(IReadOnlyDictionary<string, JsonElement> fields, string name)
        {
            if (!TryGetValue(fields, name, out var value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
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

        /// <summary>Reads a 32-bit integer, as a JSON number or a string.</summary>
        public static int? GetInt32(IReadOnlyDictionary<string, JsonElement> fields, string name)
        {
            var number = GetDouble(fields, name, "an Int32");
            if (number is null)
            {
                return null;
            }

            return number.Value % 1 == 0 && number.Value >= int.MinValue && number.Value <= int.MaxValue
                ? (int)number.Value
                : throw Unreadable(name, "an Int32");
        }

        /// <summary>Reads a 64-bit integer, as a JSON number or a string.</summary>
        public static long? GetInt64(IReadOnlyDictionary<string, JsonElement> fields, string name)
        {
            if (!TryGetValue(fields, name, out var value))
            {
                return null;
            }

            // Exact first: a double cannot hold every long.
            if (long.TryParse(TextOf(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exact))
            {
                return exact;
            }

            var number = GetDouble(fields, name, "an Int64");
            if (number is null)
            {
                return null;
            }

            return number.Value % 1 == 0 && number.Value >= long.MinValue && number.Value < long.MaxValue
                ? (long)number.Value
                : throw Unreadable(name, "an Int64");
        }

        /// <summary>Reads a floating-point number, as a JSON number or a string.</summary>
        public static double? GetDouble(IReadOnlyDictionary<string, JsonElement> fields, string name) =>
            GetDouble(fields, name, "a Double");

        /// <summary>Reads a duration in seconds, as a JSON number or a string.</summary>
        public static TimeSpan? GetTimeSpan(IReadOnlyDictionary<string, JsonElement> fields, string name)
        {
            var seconds = GetDouble(fields, name, "a TimeSpan in seconds");
            if (seconds is null)
            {
                return null;
            }

            return Math.Abs(seconds.Value) < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromTicks((long)(seconds.Value * TimeSpan.TicksPerSecond))
                : throw Unreadable(name, "a TimeSpan in seconds");
        }

        /// <summary>Reads a point in time: epoch seconds or milliseconds (a number or a string), or ISO 8601.</summary>
        public static DateTimeOffset? GetDateTimeOffset(IReadOnlyDictionary<string, JsonElement> fields, string name)
        {
            if (!TryGetValue(fields, name, out var value))
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

        /// <summary>Reads a list of strings: a JSON array or a space-delimited string.</summary>
        public static string[]? GetStringArray(IReadOnlyDictionary<string, JsonElement> fields, string name)
        {
            if (!TryGetValue(fields, name, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                var items = new List<string>();
                foreach (var item in value.EnumerateArray())
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

        private static double? GetDouble(IReadOnlyDictionary<string, JsonElement> fields, string name, string typeName)
        {
            if (!TryGetValue(fields, name, out var value))
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

        private static bool TryGetValue(IReadOnlyDictionary<string, JsonElement> fields, string name, out JsonElement value)
        {
            if (fields is null)
            {
                throw new ArgumentNullException(nameof(fields));
            }

            return fields.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null && value.ValueKind != JsonValueKind.Undefined;
        }

        // The text of a scalar: a string's value trimmed, a number's or boolean's JSON text; null for objects and arrays.
        private static string? TextOf(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };

        private static OAuthException Unreadable(string name, string typeName) =>
            new OAuthException("The token response field '" + name + "' could not be read as " + typeName + ".");
    }
}
