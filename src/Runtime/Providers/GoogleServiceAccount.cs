namespace OAuthGen.Providers
{
    /// <summary>
    /// Google service accounts: OAuth 2.0 for server to server applications, with a signed JWT (<see href="https://developers.google.com/identity/protocols/oauth2/service-account#httprest"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grant and assertion as documented at <see href="https://developers.google.com/identity/protocols/oauth2/service-account#httprest"/>.</para>
    /// <list type="bullet">
    /// <item><description>The jwt-bearer grant (RFC 7523): grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer and assertion, nothing else; no client authentication.</description></item>
    /// <item><description>From the service account's JSON key: OAuthClientOptions.ClientId = client_email (the assertion's iss), SigningKeyPem = private_key, SigningKeyId = private_key_id (the kid of its RS256 header).</description></item>
    /// <item><description>The scope is a claim of the assertion, space-delimited, never a parameter (ScopeInAssertion); aud is the token endpoint; exp at most one hour after iat (OAuthGen signs for five minutes).</description></item>
    /// <item><description>Domain-wide delegation: the subject argument of RequestJwtBearerTokenAsync is the sub claim, the user to impersonate (<see href="https://developers.google.com/identity/protocols/oauth2/service-account#delegatingauthority"/>).</description></item>
    /// <item><description>A bad signature or claim is 400 invalid_grant ("Invalid JWT Signature.").</description></item>
    /// <item><description>Token managers and the bearer handler use it as they use client credentials. Users' consent flows are <see cref="Google"/>'s, at the same token endpoint.</description></item>
    /// </list>
    /// <para>Sources: provider docs; golang/oauth2 jwt.Config and google.JWTConfigFromJSON.</para>
    /// </remarks>
    [OAuthProvider("https://oauth2.googleapis.com/token",
        Grants = OAuthGrant.JwtBearer,
        ClientAuth = ClientAuthMethod.None,
        ScopeInAssertion = true)]
    public partial class GoogleServiceAccount
    {
    }
}
