using System;
using System.Security.Cryptography;
using System.Text;
using OAuthGen.Infrastructure;

namespace OAuthGen
{
    /// <summary>Proof Key for Code Exchange (RFC 7636) with the S256 method.</summary>
    public static class Pkce
    {
        /// <summary>A new code verifier: 32 random bytes, base64url-encoded (43 characters, RFC 7636 §4.1).</summary>
        public static string CreateCodeVerifier() => Base64Url.CreateRandom(32);

        /// <summary>The S256 code challenge for <paramref name="codeVerifier"/>: BASE64URL(SHA256(ASCII(verifier))) (RFC 7636 §4.2).</summary>
        public static string ComputeS256Challenge(string codeVerifier)
        {
            if (codeVerifier is null)
            {
                throw new ArgumentNullException(nameof(codeVerifier));
            }

            using var sha256 = SHA256.Create();
            return Base64Url.Encode(sha256.ComputeHash(Encoding.ASCII.GetBytes(codeVerifier)));
        }
    }
}
