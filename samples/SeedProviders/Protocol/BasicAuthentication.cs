using System;
using System.Linq;
using System.Text;

namespace SeedProviders.Protocol;

internal static class BasicAuthentication
{
    /// <summary>
    /// RFC 6749 §2.3.1 form-encodes id and secret before base64. Docs 000, 003 and 004 — the only seeds using
    /// Basic — describe base64("client_id:client_secret") without that step, so the raw pair is accepted too.
    /// </summary>
    public static bool Matches(string authorization, SeedCredentials credentials)
    {
        if (!TryDecode(authorization, out var id, out var secret))
        {
            return false;
        }

        return (id == credentials.ClientId && secret == credentials.ClientSecret)
            || (FormUrlEncoding.Decode(id) == credentials.ClientId && FormUrlEncoding.Decode(secret) == credentials.ClientSecret);
    }

    private static bool TryDecode(string authorization, out string id, out string secret)
    {
        const string Scheme = "Basic ";
        id = secret = "";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Convert skips embedded whitespace; a strict token68 has none.
        var token = authorization[Scheme.Length..];
        var bytes = new byte[token.Length];
        if (token.Any(char.IsWhiteSpace) || !Convert.TryFromBase64String(token, bytes, out var length))
        {
            return false;
        }

        var pair = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        (id, secret) = (pair[..colon], pair[(colon + 1)..]);
        return true;
    }
}
