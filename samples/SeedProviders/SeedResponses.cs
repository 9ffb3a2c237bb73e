using System;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SeedProviders;

/// <summary>The exact success bodies the emulators send, copied from the seed documents.</summary>
public static class SeedResponses
{
    /// <summary>Doc 000, "Example Response".</summary>
    public const string Afero = """
        {
          "access_token": "12345678-90AB-CDEF-0123-FED789CBA432",
          "token_type": "bearer",
          "expires_in": 16086,
          "scope": "partner account"
        }
        """;

    /// <summary>Doc 001, "Example Response". Not valid JSON (trailing comma, string expires_in) — on purpose.</summary>
    public const string ConfigApi = """
        {
        "access_token":"eyJhbGciOiJSUzI1NiI5q9Jgt...6HznsvPWy7UP3MINA",
        "token_type":"Bearer",
        "expires_in":"3599",
        }
        """;

    /// <summary>Doc 002, "Response", with the highlight block's 4-space indent removed.</summary>
    public const string BarApi = """
        {
            "token_type": "Bearer",
            "expires_in": 31622400,
            "access_token": "fea6fd89safdsjalfdsa.fds659424jlkr679fdsjkl32y7fdskls.fjge9wghslrjeklfsd",
            "refresh_token": "fdsa695432h89dsaf.354u89gy7a532.f8e392q563fkdlsa.532ryu8ew9fy32l45j3"
        }
        """;

    /// <summary>Doc 003, client-credentials result, verbatim (including the empty "" member).</summary>
    public const string ConnectedHome = """{ "refresh_token_expires_in": "0", "api_product_list": "[Basic Plan]", "organization_name": "connectedhome", "": "", "token_type": "BearerToken", "issued_at": "1487281223451", "client_id": "123abc", "access_token": "456def", "application_name": "b1bd4907-924a-4470-a641-0effeb279834", "scope": "user", "expires_in": "3599", "refresh_count": "0", "status": "approved" }""";

    /// <summary>Doc 004, "Response".</summary>
    public const string Podero = """
        {
          "access_token": "PaZDOD5UwzbGOFsQr34LQ7JUYOj3yK",
          "expires_in": 36000,
          "token_type": "Bearer",
          "scope": "read write"
        }
        """;

    private const string ConnectedHomeAccessToken = "\"access_token\": \"456def\", ";

    /// <summary>
    /// The connectedhome answer to the authorization_code and refresh_token grants: <see cref="ConnectedHome"/>
    /// with a "refresh_token" member right after "access_token". Doc 003 shows no example for these grants.
    /// </summary>
    public static string ConnectedHomeWithRefreshToken(string refreshToken) =>
        ConnectedHome.Replace(
            ConnectedHomeAccessToken,
            $"{ConnectedHomeAccessToken}\"refresh_token\": \"{JsonEncodedText.Encode(refreshToken, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\", ",
            StringComparison.Ordinal);
}
