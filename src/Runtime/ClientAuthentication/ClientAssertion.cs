using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuthGen.Infrastructure
{
    /// <summary>JWT client assertions for <c>private_key_jwt</c> and <c>client_secret_jwt</c> (RFC 7523 §2.2, §3).</summary>
    internal static class ClientAssertion
    {
        public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

        // Short-lived: the assertion is used once, right away.
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

        private static readonly JsonWebTokenHandler Handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };

        /// <summary>An assertion with iss = sub = the client id, aud = the endpoint, a unique jti, and an expiry a minute away.</summary>
        public static string Create(string clientId, Uri audience, SigningCredentials credentials, DateTimeOffset now)
        {
            var descriptor = new SecurityTokenDescriptor
            {
                Issuer = clientId,
                Audience = audience.AbsoluteUri,
                IssuedAt = now.UtcDateTime,
                NotBefore = now.UtcDateTime,
                Expires = (now + Lifetime).UtcDateTime,
                Claims = new Dictionary<string, object>
                {
                    [JwtRegisteredClaimNames.Sub] = clientId,
                    [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                },
                SigningCredentials = credentials,
            };
            return Handler.CreateToken(descriptor);
        }

        public static SigningCredentials ForPrivateKey(OAuthClientOptions options, string providerName)
        {
            var key = options.SigningKey ?? ReadPem(options.SigningKeyPem, providerName);
            if (options.SigningKeyId is { } keyId)
            {
                key.KeyId = keyId;
            }

            var algorithm = key switch
            {
                RsaSecurityKey or X509SecurityKey => SecurityAlgorithms.RsaSha256,
                ECDsaSecurityKey ec => ec.KeySize switch
                {
                    384 => SecurityAlgorithms.EcdsaSha384,
                    521 => SecurityAlgorithms.EcdsaSha512,
                    _ => SecurityAlgorithms.EcdsaSha256,
                },
                JsonWebKey { Kty: "EC" } => SecurityAlgorithms.EcdsaSha256,
                _ => SecurityAlgorithms.RsaSha256,
            };
            return new SigningCredentials(key, algorithm);
        }

        public static SigningCredentials ForSecret(string clientSecret) =>
            new SigningCredentials(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(clientSecret)), SecurityAlgorithms.HmacSha256);

        private static SecurityKey ReadPem(string? pem, string providerName)
        {
            if (string.IsNullOrWhiteSpace(pem))
            {
                throw new InvalidOperationException(
                    providerName + " authenticates with private_key_jwt: set OAuthClientOptions.SigningKeyPem or SigningKey to the client's private key.");
            }

#if NET
            var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(pem);
                return new RsaSecurityKey(rsa);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                rsa.Dispose();
            }

            var ec = ECDsa.Create();
            try
            {
                ec.ImportFromPem(pem);
                return new ECDsaSecurityKey(ec);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                ec.Dispose();
                throw new InvalidOperationException("OAuthClientOptions.SigningKeyPem of " + providerName + " holds no RSA or EC private key in PEM.");
            }
#else
            throw new PlatformNotSupportedException(
                "Reading SigningKeyPem needs .NET 8 or later; on this target set OAuthClientOptions.SigningKey to an RsaSecurityKey or ECDsaSecurityKey.");
#endif
        }
    }
}
