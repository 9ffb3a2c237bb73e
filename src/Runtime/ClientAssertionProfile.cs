namespace OAuthGen
{
    /// <summary>The rules a JWT client assertion (<c>private_key_jwt</c>, <c>client_secret_jwt</c>) is made by.</summary>
    public enum ClientAssertionProfile
    {
        /// <summary>
        /// draft-ietf-oauth-rfc7523bis when the provider's issuer is known (<see cref="OAuthClientOptions"/>.<c>Issuer</c>, or
        /// the metadata's <c>issuer</c>): <c>typ: client-authentication+jwt</c> and <c>aud</c> = the issuer; RFC 7523 otherwise.
        /// </summary>
        Rfc7523bis = 0,
        /// <summary>RFC 7523 §3 as first published: <c>typ: JWT</c> and <c>aud</c> = the token endpoint, whatever the issuer.</summary>
        Rfc7523 = 1,
    }
}
