using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SeedProviders.Emulators;

/// <summary>An RFC 7636 code_challenge remembered from an authorization request.</summary>
internal sealed partial record PkceChallenge(string Challenge, string Method)
{
    public const string Plain = "plain";
    public const string S256 = "S256";

    /// <summary>RFC 7636 §4.1 and §4.2: 43 to 128 unreserved characters, for both verifier and challenge.</summary>
    public static bool IsWellFormed(string value) => UnreservedPattern().IsMatch(value);

    /// <summary>RFC 7636 §4.6.</summary>
    public bool IsSatisfiedBy(string verifier) =>
        Challenge == (Method == S256 ? Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier);

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex UnreservedPattern();
}
