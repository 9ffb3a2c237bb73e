using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Tests.Hostile
{
    // Providers declared as a user would, for the hostile server: each test points OAuthClientOptions.TokenEndpoint at
    // the misbehaving endpoint it needs. Every grant that sends something secret is declared.
    [OAuthProvider("https://hostile.example/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.Password | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.JwtBearer,
        ClientAuth = ClientAuthMethod.ClientSecretBasic,
        AuthorizationEndpoint = "https://hostile.example/authorize")]
    public partial class HostileBasicAuth { }

    [OAuthProvider("https://hostile.example/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.Password | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.JwtBearer,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://hostile.example/authorize")]
    public partial class HostilePostAuth { }

    // The raw Basic style of seeds 000 and 003.
    [OAuthProvider("https://hostile.example/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.Password,
        BasicEncoding = BasicAuthEncoding.Plain)]
    public partial class HostilePlainBasicAuth { }

    // The secret in a JSON body, as seed 004's style.
#pragma warning disable OAUTH012 // JSON bodies: on purpose, to test their encoding.
    [OAuthProvider("https://hostile.example/token",
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.Password,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        Body = BodyEncoding.Json)]
    public partial class HostileJsonPostAuth { }
#pragma warning restore OAUTH012

    // Every endpoint from the provider's metadata (RFC 8414 / OpenID Connect discovery).
    [OAuthProvider(MetadataAddress = "https://hostile.example/.well-known/openid-configuration",
        Grants = OAuthGrant.ClientCredentials,
        ClientAuth = ClientAuthMethod.ClientSecretPost)]
    public partial class HostileDiscoveryAuth { }

    /// <summary>The secrets every hostile test sends; each carries "Sentinel", which the suite-wide watch looks for.</summary>
    internal static class HostileCredentials
    {
        public const string ClientId = "hostile-client";
        public const string ClientSecret = "client-secret-Sentinel-h0st1le";
        public const string Password = "password-Sentinel-h0st1le";
        public const string Code = "code-Sentinel-h0st1le";
        public const string CodeVerifier = "verifier-Sentinel-h0st1le-0123456789-abcdefghijklmnop";
        public const string RefreshToken = "refresh-Sentinel-h0st1le";
        public const string Assertion = "eyJhbGciOiJSUzI1NiJ9.assertion-Sentinel-h0st1le.c2lnbmF0dXJl";

        public static OAuthClientOptions Options(Uri tokenEndpoint, string clientSecret = ClientSecret, string clientId = ClientId) => new()
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            TokenEndpoint = tokenEndpoint,
        };

        /// <summary>What users have: a default SocketsHttpHandler, which follows redirects.</summary>
        public static HttpClient Http(TimeSpan? timeout = null) => new(new SocketsHttpHandler()) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };

        /// <summary>Every form in which a secret of these tests could leak: raw, form-encoded, and in each Basic header.</summary>
        public static string[] SecretForms(string clientSecret = ClientSecret, string clientId = ClientId)
        {
            static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
            return new[]
            {
                clientSecret,
                Uri.EscapeDataString(clientSecret),
                Base64(clientId + ":" + clientSecret),
                Base64(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret)),
                Password,
                Code,
                CodeVerifier,
                RefreshToken,
                Assertion,
            };
        }
    }

    public enum Grant
    {
        ClientCredentials,
        Password,
        AuthorizationCode,
        RefreshToken,
        JwtBearer,
    }

    public enum Auth
    {
        /// <summary>HostileBasicAuth: client_secret_basic, RFC 6749 encoding, form body.</summary>
        Basic,

        /// <summary>HostilePostAuth: client_secret_post, form body.</summary>
        Post,
    }

    /// <summary>Calls a grant of a generated hostile client, with the sentinel secrets.</summary>
    internal static class HostileCalls
    {
        public static readonly Uri RedirectUri = new("https://app.example/callback");

        public static Task<OAuthToken> CallAsync(Auth auth, Grant grant, HttpClient http, OAuthClientOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
        {
            if (auth == Auth.Basic)
            {
                var client = new HostileBasicAuth(http, options, time);
                return grant switch
                {
                    Grant.ClientCredentials => client.RequestClientCredentialsTokenAsync(cancellationToken: cancellationToken),
                    Grant.Password => client.RequestPasswordTokenAsync("user@example.com", HostileCredentials.Password, cancellationToken: cancellationToken),
                    Grant.AuthorizationCode => client.ExchangeAuthorizationCodeAsync(HostileCredentials.Code, RedirectUri, HostileCredentials.CodeVerifier, cancellationToken),
                    Grant.JwtBearer => client.RequestJwtBearerTokenWithAssertionAsync(HostileCredentials.Assertion, cancellationToken: cancellationToken),
                    _ => client.RefreshTokenAsync(HostileCredentials.RefreshToken, cancellationToken: cancellationToken),
                };
            }

            var post = new HostilePostAuth(http, options, time);
            return grant switch
            {
                Grant.ClientCredentials => post.RequestClientCredentialsTokenAsync(cancellationToken: cancellationToken),
                Grant.Password => post.RequestPasswordTokenAsync("user@example.com", HostileCredentials.Password, cancellationToken: cancellationToken),
                Grant.AuthorizationCode => post.ExchangeAuthorizationCodeAsync(HostileCredentials.Code, RedirectUri, HostileCredentials.CodeVerifier, cancellationToken),
                Grant.JwtBearer => post.RequestJwtBearerTokenWithAssertionAsync(HostileCredentials.Assertion, cancellationToken: cancellationToken),
                _ => post.RefreshTokenAsync(HostileCredentials.RefreshToken, cancellationToken: cancellationToken),
            };
        }
    }
}
