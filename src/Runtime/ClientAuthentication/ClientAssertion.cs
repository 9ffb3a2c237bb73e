using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// The one place OAuthGen makes and signs JWTs: client assertions for <c>private_key_jwt</c> and
    /// <c>client_secret_jwt</c> (RFC 7523 §2.2, §3; draft-ietf-oauth-rfc7523bis), and the authorization grant of
    /// <see cref="OAuthGrant.JwtBearer"/> (RFC 7523 §2.1).
    /// </summary>
    internal static class ClientAssertion
    {
        public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

        /// <summary>The <c>typ</c> header draft-ietf-oauth-rfc7523bis §4 requires of a client assertion.</summary>
        public const string Rfc7523bisType = "client-authentication+jwt";

        // Short-lived: the assertion is used once, right away.
        private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

        // Google refuses a grant assertion that lives longer than an hour; one that is used at once needs no more than a few minutes.
        private static readonly TimeSpan GrantLifetime = TimeSpan.FromMinutes(5);

        private static readonly JsonWebTokenHandler Handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };

        /// <summary>
        /// A client assertion with iss = sub = the client id, a unique jti, and an expiry a minute away: aud = the issuer and
        /// typ = <see cref="Rfc7523bisType"/> when <paramref name="issuer"/> is known (rfc7523bis), else aud = the endpoint.
        /// </summary>
        public static string Create(string clientId, Uri audience, SigningCredentials credentials, DateTimeOffset now, string? issuer = null) =>
            Sign(clientId, clientId, issuer ?? audience.AbsoluteUri, null, credentials, now, Lifetime, issuer is null ? null : Rfc7523bisType);

        /// <summary>The jwt-bearer grant's assertion (RFC 7523 §3): iss, sub, aud, iat, exp five minutes away, jti, and the scope claim when given.</summary>
        public static string CreateGrant(string issuer, string subject, string audience, string? scope, SigningCredentials credentials, DateTimeOffset now) =>
            Sign(issuer, subject, audience, scope, credentials, now, GrantLifetime, null);

        private static string Sign(string issuer, string subject, string audience, string? scope, SigningCredentials credentials, DateTimeOffset now, TimeSpan lifetime, string? type)
        {
            var claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            };
            if (scope is not null)
            {
                claims["scope"] = scope;
            }

            var descriptor = new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                IssuedAt = now.UtcDateTime,
                NotBefore = now.UtcDateTime,
                Expires = (now + lifetime).UtcDateTime,
                Claims = claims,
                SigningCredentials = credentials,
            };
            if (type is not null)
            {
                descriptor.TokenType = type;
            }

            return Handler.CreateToken(descriptor);
        }

        /// <summary>The options' private key; <paramref name="usedFor"/> ("authenticates with private_key_jwt") names what needs it when it is missing.</summary>
        public static SigningCredentials ForPrivateKey(OAuthClientOptions options, string providerName, string usedFor = "authenticates with private_key_jwt")
        {
            var key = options.SigningKey ?? ReadPem(options.SigningKeyPem, providerName, usedFor);
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

        private static SecurityKey ReadPem(string? pem, string providerName, string usedFor)
        {
            if (string.IsNullOrWhiteSpace(pem))
            {
                throw new InvalidOperationException(
                    providerName + " " + usedFor + ": set OAuthClientOptions.SigningKeyPem or SigningKey to the client's private key.");
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
