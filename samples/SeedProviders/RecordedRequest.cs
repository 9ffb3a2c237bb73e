using System.Collections.Generic;
using System.Text;

namespace SeedProviders;

/// <summary>A request exactly as an emulator received it, recorded before any validation.</summary>
/// <param name="Provider">Emulator name: afero, configapi, barapi, connectedhome or podero.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Raw (undecoded) request path, including any trailing slash, without the query.</param>
/// <param name="QueryString">Raw query including the leading '?', or empty when there is none.</param>
/// <param name="Headers">Request headers; case-insensitive names, repeated values joined with ", ".</param>
/// <param name="Body">The exact body bytes.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
public sealed record RecordedRequest(
    string Provider,
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    string? ContentType)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}
