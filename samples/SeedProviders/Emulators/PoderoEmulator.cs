using System;
using System.Collections.Generic;
using System.Text.Json;
using SeedProviders.Protocol;

namespace SeedProviders.Emulators;

/// <summary>Doc 004: client_credentials as a JSON body, HTTP Basic, Cache-Control: no-cache.</summary>
internal sealed class PoderoEmulator(SeedCredentials credentials) : IProviderEmulator
{
    public const string ProviderName = "podero";

    public string Name => ProviderName;

    public Reply Handle(RecordedRequest request)
    {
        // Doc 004's URL ends in a slash; /oauth2/token without it is a different, unknown path.
        Require.TokenPost(request, "/oauth2/token/");
        Require.MediaType(request, "application/json");
        var body = Require.Unique(ParseJsonObject(request.Body));
        Require.BasicClient(request, body, credentials);
        RequireNoCache(request);
        Require.GrantType(body, "client_credentials");
        return Reply.Token(SeedResponses.Podero);
    }

    /// <summary>Every request example in doc 004 sends Cache-Control: no-cache.</summary>
    private static void RequireNoCache(RecordedRequest request)
    {
        var directives = request.Headers.GetValueOrDefault("Cache-Control", "").Split(',', StringSplitOptions.TrimEntries);
        if (!Array.Exists(directives, d => string.Equals(d, "no-cache", StringComparison.OrdinalIgnoreCase)))
        {
            throw Require.Invalid("A 'Cache-Control: no-cache' header is required.");
        }
    }

    /// <summary>The members of a JSON object whose values are all strings, as OAuth parameters are.</summary>
    private static List<KeyValuePair<string, string>> ParseJsonObject(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Require.Invalid("The body must be a JSON object.");
            }

            var members = new List<KeyValuePair<string, string>>();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                members.Add(new(member.Name, member.Value.ValueKind == JsonValueKind.String
                    ? member.Value.GetString()!
                    : throw Require.Invalid($"Member '{member.Name}' must be a string.")));
            }

            return members;
        }
        catch (JsonException e)
        {
            throw Require.Invalid($"The body is not valid JSON: {e.Message}");
        }
    }
}
