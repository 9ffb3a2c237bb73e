namespace SeedProviders;

/// <summary>The client and resource-owner credentials every emulator accepts.</summary>
public sealed class SeedCredentials
{
    public string ClientId { get; init; } = "Mork";

    public string ClientSecret { get; init; } = "Mindy";

    public string Username { get; init; } = "username@example.io";

    public string Password { get; init; } = "user_password";

    public string RedirectUri { get; init; } = "https://client.example/callback";

    public string AuthorizationCode { get; init; } = "SplxlOBeZQQYbYS6WxSbIA";

    public string RefreshToken { get; init; } = "tGzv3JOkF0XG5Qx2TlKWIA";
}
