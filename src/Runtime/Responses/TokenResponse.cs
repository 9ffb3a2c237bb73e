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

        // Created with the first non-standard member of a form answer, or from the kept JSON when first asked for.
        private Dictionary<string, JsonElement>? _additionalFields;

        // A JSON answer with non-standard members, kept (its strings checked) to build AdditionalFields only if asked for.
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private byte[]? _json;

        // The values of a TokenFieldSet's fields, captured in the reading pass.
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private FieldValue[]? _captured;

        private TokenFieldSet? _capturedFor;

        // The path of the object whose members AdditionalFields holds (ResponseRoot); null for the top level.
        private string[]? _rootPath;

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

        /// <summary>The value of the declared absolute-expiry field (ExpiresAtField), converted once the time of the answer is known.</summary>
        public FieldValue ExpiresAtValue { get; set; }

        /// <summary>Whether the declared ResponseRoot object was found.</summary>
        public bool HasRoot { get; set; }

        /// <summary>Why the answer does not have the declared shape (no root object, or a root that is no object); shown only when the answer is no error.</summary>
        public string? ShapeProblem { get; set; }

        /// <summary>Every member besides the standard ones; one shared empty dictionary when there are none.</summary>
        public IReadOnlyDictionary<string, JsonElement> AdditionalFields =>
            (IReadOnlyDictionary<string, JsonElement>?)_additionalFields ?? (_json is null ? NoFields : BuildAdditionalFields(_json));

        /// <summary>Keeps the JSON answer whose non-standard members <see cref="AdditionalFields"/> holds, to read them when first asked for.</summary>
        public void KeepJson(ReadOnlySpan<byte> json, string[]? rootPath = null)
        {
            _json = json.ToArray();
            _rootPath = rootPath is { Length: > 0 } ? rootPath : null;
        }

        /// <summary>Keeps the value of field <paramref name="index"/> of <paramref name="fields"/>; the last of several with one name wins.</summary>
        public void Capture(TokenFieldSet fields, int index, FieldValue value)
        {
            _capturedFor = fields;
            (_captured ??= new FieldValue[fields.Count])[index] = value;
        }

        /// <summary>The values of <paramref name="fields"/>: captured while reading, or looked up by name in a form answer's fields.</summary>
        public TokenFieldValues ValuesOf(TokenFieldSet fields)
        {
            if (ReferenceEquals(_capturedFor, fields) || _json is not null || _additionalFields is null)
            {
                return new TokenFieldValues(fields, ReferenceEquals(_capturedFor, fields) ? _captured : null);
            }

            var values = new FieldValue[fields.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = _additionalFields.TryGetValue(fields.NameAt(i), out var element) ? FieldValue.Of(element) : default;
            }

            return new TokenFieldValues(fields, values);
        }

        private Dictionary<string, JsonElement> BuildAdditionalFields(byte[] json)
        {
            // One document for all members; the reading pass has checked its structure and text, so this cannot fail.
            var reader = new Utf8JsonReader(json, TokenResponseReader.ReaderOptions);
            var root = JsonElement.ParseValue(ref reader);
            if (_rootPath is not null)
            {
                // The object the reader took its token from: of several members with one name, the last one that holds
                // the rest of the path ({"data":{"token":{..}},"data":1} has its root in the first "data").
                root = FindRoot(root, _rootPath, 0) ?? default;
            }

            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (root.ValueKind != JsonValueKind.Object)
            {
                _additionalFields = fields;
                return fields;
            }

            foreach (var member in root.EnumerateObject())
            {
                if (!TokenResponseReader.IsStandardName(member.Name))
                {
                    fields[member.Name] = member.Value;
                }
            }

            _additionalFields = fields;
            return fields;
        }

        private static JsonElement? FindRoot(JsonElement current, string[] path, int depth)
        {
            if (depth == path.Length)
            {
                return current.ValueKind == JsonValueKind.Object ? current : null;
            }

            if (current.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement? found = null;
            foreach (var candidate in current.EnumerateObject())
            {
                if (candidate.NameEquals(path[depth]) && FindRoot(candidate.Value, path, depth + 1) is { } root)
                {
                    found = root;
                }
            }

            return found;
        }

        /// <summary>Keeps a non-standard member; the last of several with one name wins.</summary>
        public void SetField(string name, JsonElement value) =>
            (_additionalFields ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = value;
    }
}
