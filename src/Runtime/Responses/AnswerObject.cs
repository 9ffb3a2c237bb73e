using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// An object member of a token answer (Slack's <c>team</c> and <c>authed_user</c>, Strava's <c>athlete</c>), read
    /// from <see cref="OAuthToken.AdditionalFields"/> for the catalogue's typed tokens. Lenient as the typed fields are
    /// (numbers may come as strings), and never throwing: a member that is missing, null or of another shape reads as
    /// null, since a property getter is no place to fail a token that has already been read.
    /// </summary>
    internal readonly struct AnswerObject
    {
        private readonly JsonElement _element;

        private AnswerObject(JsonElement element)
        {
            _element = element;
        }

        /// <summary>The object <paramref name="name"/> of <paramref name="fields"/>; null when it is absent, null or not an object.</summary>
        public static AnswerObject? Of(IReadOnlyDictionary<string, JsonElement> fields, string name) =>
            fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Object ? new AnswerObject(value) : null;

        /// <summary>A string member; a number or boolean as its JSON text.</summary>
        public string? String(string name) => Member(name) switch
        {
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
            _ => null,
        };

        /// <summary>A whole number, as a JSON number or a string.</summary>
        public long? Int64(string name) => Member(name) switch
        {
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var number) => number,
            { ValueKind: JsonValueKind.String } value when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };

        /// <summary><c>true</c>/<c>false</c>, as JSON or a string.</summary>
        public bool? Boolean(string name) => Member(name) switch
        {
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { ValueKind: JsonValueKind.String } value when bool.TryParse(value.GetString(), out var flag) => flag,
            _ => null,
        };

        /// <summary>A duration in seconds, as a JSON number or a string.</summary>
        public TimeSpan? Seconds(string name) => Member(name) switch
        {
            { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var seconds) && seconds >= 0 && seconds <= int.MaxValue => TimeSpan.FromSeconds(seconds),
            { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= int.MaxValue => TimeSpan.FromSeconds(seconds),
            _ => null,
        };

        private JsonElement? Member(string name) => _element.TryGetProperty(name, out var value) ? value : null;
    }
}
