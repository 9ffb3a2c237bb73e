namespace OAuthGen.Providers
{
    /// <summary>
    /// Sign in with Apple (<see href="https://developer.apple.com/documentation/sign_in_with_apple/generate_and_validate_tokens"/>).
    /// </summary>
    /// <remarks>
    /// <para>Token endpoint, grants and client authentication as documented at <see href="https://developer.apple.com/documentation/sign_in_with_apple/generate_and_validate_tokens"/>.</para>
    /// <list type="bullet">
    /// <item><description>The client secret is an ES256 JWT you sign (at most 6 months): set OAuthClientOptions.ClientSecret to it.</description></item>
    /// <item><description>id_token in the answer.</description></item>
    /// </list>
    /// <para>Sources: provider docs; OpenIddict; aspnet-contrib Apple.</para>
    /// </remarks>
    [OAuthProvider("https://appleid.apple.com/auth/token",
        Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        ClientAuth = ClientAuthMethod.ClientSecretPost,
        AuthorizationEndpoint = "https://appleid.apple.com/auth/authorize",
        RevocationEndpoint = "https://appleid.apple.com/auth/revoke")]
    public partial class Apple
    {
    }
}
