using System;
using System.Collections.Generic;

namespace SeedProviders.Protocol;

/// <summary>application/x-www-form-urlencoded, as used by request bodies and the authorization query.</summary>
internal static class FormUrlEncoding
{
    /// <summary>Name/value pairs in order, repeats kept; names are case-sensitive.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Parse(string encoded)
    {
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            yield return equals < 0
                ? new(Decode(pair), "")
                : new(Decode(pair[..equals]), Decode(pair[(equals + 1)..]));
        }
    }

    /// <summary>'+' is a space and %XX are UTF-8 octets (RFC 6749 Appendix B).</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
