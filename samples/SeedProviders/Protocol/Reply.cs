using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SeedProviders.Protocol;

/// <summary>An emulator's answer. A non-null <see cref="Body"/> is always JSON.</summary>
internal sealed record Reply(int StatusCode, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    public static Reply Token(string body) => new(200, body, NoHeaders);

    /// <summary>An RFC 6749 §5.2 error response.</summary>
    public static Reply Error(string error, string description, int statusCode = 400) =>
        Error(error, description, statusCode, NoHeaders);

    /// <summary>RFC 6749 §5.2: a 401 answer to a client that used (or must use) HTTP Basic carries a challenge.</summary>
    public static Reply InvalidClient(string description, bool basicChallenge) =>
        Error("invalid_client", description, 401, basicChallenge ? new() { ["WWW-Authenticate"] = "Basic realm=\"token\"" } : NoHeaders);

    public static Reply NotFound(string path) => Error("invalid_request", $"No endpoint at {path}.", 404);

    public static Reply MethodNotAllowed(string method, string allowed) =>
        Error("invalid_request", $"{method} is not allowed here; use {allowed}.", 405, new() { ["Allow"] = allowed });

    public static Reply Redirect(string location) => new(302, null, new Dictionary<string, string> { ["Location"] = location });

    private static Reply Error(string error, string description, int statusCode, Dictionary<string, string> headers)
    {
        var encoded = JsonEncodedText.Encode(description, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return new(statusCode, $$"""{"error":"{{error}}","error_description":"{{encoded}}"}""", headers);
    }
}
