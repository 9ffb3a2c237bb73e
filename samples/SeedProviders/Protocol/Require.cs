using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;

namespace SeedProviders.Protocol;

/// <summary>Validation steps shared by the emulators; each throws <see cref="RequestRejectedException"/> on failure.</summary>
internal static class Require
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    public static void Endpoint(RecordedRequest request, string path, string method)
    {
        if (request.Path != path)
        {
            throw Reject(Reply.NotFound(request.Path));
        }

        if (request.Method != method)
        {
            throw Reject(Reply.MethodNotAllowed(request.Method, method));
        }
    }

    /// <summary>A POST to a token endpoint. RFC 6749 §3.2: its parameters belong in the body, not the query.</summary>
    public static void TokenPost(RecordedRequest request, string path)
    {
        Endpoint(request, path, "POST");
        if (request.QueryString.Length > 0)
        {
            throw Invalid("Token request parameters must be sent in the body, not in the query string.");
        }
    }

    /// <summary>A token POST with a form body; returns the body's parameters.</summary>
    public static IReadOnlyDictionary<string, string> FormTokenPost(RecordedRequest request, string path)
    {
        TokenPost(request, path);
        MediaType(request, FormMediaType);
        return Unique(FormUrlEncoding.Parse(request.BodyText));
    }

    /// <summary>Checks the media type; a charset parameter is tolerated when it is UTF-8.</summary>
    public static void MediaType(RecordedRequest request, string mediaType)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
            || !string.Equals(parsed.MediaType, mediaType, StringComparison.OrdinalIgnoreCase)
            || (parsed.CharSet is { } charset && !string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid($"Content-Type must be {mediaType}, got '{request.ContentType}'.");
        }
    }

    /// <summary>RFC 6749 §3.1: parameters must not be included more than once.</summary>
    public static IReadOnlyDictionary<string, string> Unique(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var unique = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (!unique.TryAdd(name, value))
            {
                throw Invalid($"Parameter '{name}' is included more than once.");
            }
        }

        return unique;
    }

    /// <summary>RFC 6749 §3.1: a parameter sent without a value counts as omitted.</summary>
    public static string Parameter(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw Invalid($"Missing required parameter '{name}'.");

    public static string GrantType(IReadOnlyDictionary<string, string> parameters, params string[] documented)
    {
        var grantType = Parameter(parameters, "grant_type");
        return documented.Contains(grantType, StringComparer.Ordinal)
            ? grantType
            : throw Reject(Reply.Error("unsupported_grant_type", $"grant_type '{grantType}' is not supported; use {string.Join(" or ", documented)}."));
    }

    public static void Grant(bool isValid, string what)
    {
        if (!isValid)
        {
            throw Reject(Reply.Error("invalid_grant", $"The {what} is invalid."));
        }
    }

    /// <summary>The password grant's username and password (RFC 6749 §4.3.2).</summary>
    public static void ResourceOwner(IReadOnlyDictionary<string, string> parameters, SeedCredentials credentials)
    {
        Grant(Parameter(parameters, "username") == credentials.Username, "username");
        Grant(Parameter(parameters, "password") == credentials.Password, "password");
    }

    /// <summary>Client authentication with an HTTP Basic header only; a body client_secret as well is double authentication.</summary>
    public static void BasicClient(RecordedRequest request, IReadOnlyDictionary<string, string> parameters, SeedCredentials credentials)
    {
        if (!request.Headers.TryGetValue("Authorization", out var authorization))
        {
            throw Reject(Reply.InvalidClient("Client authentication with an HTTP Basic Authorization header is required.", basicChallenge: true));
        }

        if (parameters.ContainsKey("client_secret"))
        {
            throw DoubleAuthentication();
        }

        if (!BasicAuthentication.Matches(authorization, credentials))
        {
            throw Reject(Reply.InvalidClient("The HTTP Basic client credentials are invalid.", basicChallenge: true));
        }

        if (parameters.TryGetValue("client_id", out var clientId) && clientId != credentials.ClientId)
        {
            throw Reject(Reply.InvalidClient("The client_id parameter does not match the authenticated client.", basicChallenge: true));
        }
    }

    /// <summary>Client authentication with client_id and client_secret in the body only (RFC 6749 §2.3.1).</summary>
    public static void BodyClient(RecordedRequest request, IReadOnlyDictionary<string, string> parameters, SeedCredentials credentials)
    {
        if (request.Headers.ContainsKey("Authorization"))
        {
            throw parameters.ContainsKey("client_secret")
                ? DoubleAuthentication()
                : Reject(Reply.InvalidClient("This endpoint authenticates clients with client_id and client_secret in the body, not an Authorization header.", basicChallenge: false));
        }

        if (!parameters.TryGetValue("client_id", out var clientId) || !parameters.TryGetValue("client_secret", out var clientSecret))
        {
            throw Reject(Reply.InvalidClient("The client_id and client_secret body parameters are required.", basicChallenge: false));
        }

        if (clientId != credentials.ClientId || clientSecret != credentials.ClientSecret)
        {
            throw Reject(Reply.InvalidClient("The client credentials are invalid.", basicChallenge: false));
        }
    }

    public static RequestRejectedException Invalid(string description) => Reject(Reply.Error("invalid_request", description));

    private static RequestRejectedException DoubleAuthentication() =>
        Invalid("The client authenticated twice: an Authorization header and a client_secret body parameter (RFC 6749 §2.3).");

    private static RequestRejectedException Reject(Reply reply) => new(reply);
}
