using System;

// Also compiled into the generator (OAuthGen.Generator.csproj links this file), so that it reads declarations with
// the runtime's own names, values and defaults; there it lives in another namespace, beside the runtime's in tests.
#if OAUTHGEN_GENERATOR
namespace OAuthGen.Generator.Linked
#else
namespace OAuthGen
#endif
{
    /// <summary>The grant types a provider supports (RFC 6749 §4 and extensions). Combine with <c>|</c>.</summary>
    [Flags]
    public enum OAuthGrant
    {
        /// <summary>No grant: a provider declared this way gets no token methods.</summary>
        None = 0,
        /// <summary><c>client_credentials</c> (RFC 6749 §4.4).</summary>
        ClientCredentials = 1,
        /// <summary><c>password</c>, the resource owner password credentials grant (RFC 6749 §4.3).</summary>
        Password = 2,
        /// <summary><c>authorization_code</c> (RFC 6749 §4.1), with PKCE (RFC 7636) by default.</summary>
        AuthorizationCode = 4,
        /// <summary><c>refresh_token</c> (RFC 6749 §6).</summary>
        RefreshToken = 8,
        /// <summary><c>urn:ietf:params:oauth:grant-type:device_code</c> (RFC 8628).</summary>
        DeviceCode = 16,
        /// <summary><c>urn:ietf:params:oauth:grant-type:token-exchange</c> (RFC 8693).</summary>
        TokenExchange = 32,
        /// <summary><c>urn:ietf:params:oauth:grant-type:jwt-bearer</c>, a JWT the client signs as its authorization grant (RFC 7523 §2.1), as Google service accounts use it.</summary>
        JwtBearer = 64,
    }

    /// <summary>How the client authenticates to the token endpoint: the registered <c>token_endpoint_auth_method</c> values.</summary>
    public enum ClientAuthMethod
    {
        /// <summary><c>client_secret_basic</c>: an <c>Authorization: Basic</c> header (RFC 6749 §2.3.1).</summary>
        ClientSecretBasic = 0,
        /// <summary><c>client_secret_post</c>: <c>client_id</c> and <c>client_secret</c> in the request body.</summary>
        ClientSecretPost = 1,
        /// <summary><c>none</c>: a public client that sends only its <c>client_id</c>.</summary>
        None = 2,
        /// <summary><c>private_key_jwt</c>: a JWT assertion signed with the client's private key (RFC 7523).</summary>
        PrivateKeyJwt = 3,
        /// <summary><c>client_secret_jwt</c>: a JWT assertion signed with the client secret (HS256, RFC 7523).</summary>
        ClientSecretJwt = 4,
    }

    /// <summary>The encoding of the token request body.</summary>
    public enum BodyEncoding
    {
        /// <summary><c>application/x-www-form-urlencoded</c>, as RFC 6749 specifies.</summary>
        Form = 0,
        /// <summary><c>application/json</c>: a flat object of string members, for providers that require it.</summary>
        Json = 1,
    }

    /// <summary>Where the parameters of a token request go.</summary>
    public enum ParameterLocation
    {
        /// <summary>In the request body, encoded as <see cref="BodyEncoding"/> says (RFC 6749).</summary>
        Body = 0,
        /// <summary>In the query string of the request URI, with an empty body (DigitalOcean, WeChat, Alipay, QQ, Zalo).</summary>
        Query = 1,
    }

    /// <summary>The HTTP method of a token request.</summary>
    public enum TokenRequestMethod
    {
        /// <summary><c>POST</c>, as RFC 6749 §3.2 requires.</summary>
        Post = 0,
        /// <summary><c>GET</c>, with the parameters in the query string (WeChat, Alipay, QQ, Zalo, old Deezer).</summary>
        Get = 1,
    }

    /// <summary>How the client id and secret are encoded into an <c>Authorization: Basic</c> header.</summary>
    public enum BasicAuthEncoding
    {
        /// <summary>RFC 6749 §2.3.1: form-urlencode the id and the secret, then base64 of <c>id:secret</c>.</summary>
        Rfc6749 = 0,
        /// <summary>Base64 of the raw UTF-8 <c>id:secret</c>, as many providers document it.</summary>
        Plain = 1,
    }

    /// <summary>
    /// The names of grants and client authentication methods on the wire (<c>grant_type</c>, and the values of RFC 8414
    /// <c>grant_types_supported</c> and <c>token_endpoint_auth_methods_supported</c>), for the runtime's requests and the
    /// analyzers' checks against a metadata document alike.
    /// </summary>
    internal static class WireNames
    {
        public const string ClientCredentials = "client_credentials";
        public const string Password = "password";
        public const string AuthorizationCode = "authorization_code";
        public const string RefreshToken = "refresh_token";
        public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";
        public const string TokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange";
        public const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";

        public const string ClientSecretBasic = "client_secret_basic";
        public const string ClientSecretPost = "client_secret_post";
        public const string NoClientAuthentication = "none";
        public const string PrivateKeyJwt = "private_key_jwt";
        public const string ClientSecretJwt = "client_secret_jwt";

        /// <summary>The <c>grant_type</c> of one grant; null for <see cref="OAuthGrant.None"/> or a combination.</summary>
        public static string? Of(OAuthGrant grant) => grant switch
        {
            OAuthGrant.ClientCredentials => ClientCredentials,
            OAuthGrant.Password => Password,
            OAuthGrant.AuthorizationCode => AuthorizationCode,
            OAuthGrant.RefreshToken => RefreshToken,
            OAuthGrant.DeviceCode => DeviceCode,
            OAuthGrant.TokenExchange => TokenExchange,
            OAuthGrant.JwtBearer => JwtBearer,
            _ => null,
        };

        /// <summary>The registered <c>token_endpoint_auth_method</c> of a method; null for a value outside the enum.</summary>
        public static string? Of(ClientAuthMethod method) => method switch
        {
            ClientAuthMethod.ClientSecretBasic => ClientSecretBasic,
            ClientAuthMethod.ClientSecretPost => ClientSecretPost,
            ClientAuthMethod.None => NoClientAuthentication,
            ClientAuthMethod.PrivateKeyJwt => PrivateKeyJwt,
            ClientAuthMethod.ClientSecretJwt => ClientSecretJwt,
            _ => null,
        };
    }
}
