using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace OAuthGen.Tests.Interop
{
    /// <summary>The clients registered in tests/servers (see its README.md). Test-only credentials.</summary>
    internal static class InteropClients
    {
        public const string CcBasic = "cc-basic";
        public const string CcBasicSecret = "cc-basic-secret";
        public const string CcPost = "cc-post";
        public const string CcPostSecret = "cc-post-secret";
        public const string CcJwtRsa = "cc-jwt-rsa";
        public const string CcJwtRsaKeyId = "cc-jwt-rsa-1";
        public const string CcJwtEc = "cc-jwt-ec";
        public const string CcJwtEcKeyId = "cc-jwt-ec-1";
        public const string CcSecretJwt = "cc-secret-jwt";
        public const string CcSecretJwtSecret = "cc-secret-jwt-secret-0123456789abcdef";
        public const string Web = "web";
        public const string WebSecret = "web-secret";
        public const string Spa = "spa";
        public const string Device = "device";
        public const string Exchange = "exchange";
        public const string ExchangeSecret = "exchange-secret";
        public const string TestUser = "alice";

        public const string PasswordClient = "pw-client";
        public const string PasswordClientSecret = "pw-client-secret";
        public const string PasswordUser = "alice";
        public const string PasswordUserPassword = "wonderland";

        /// <summary>The redirect URI registered for "web" and "spa". Nothing listens there: the tests stop at the redirect.</summary>
        public static readonly Uri RedirectUri = new("http://127.0.0.1/callback");

        /// <summary>A committed test key of tests/servers/keys, as PEM.</summary>
        public static string TestKeyPem(string clientId) =>
            File.ReadAllText(Path.Combine(NodeServer.ServersDirectory, "keys", "test-only-" + clientId + ".pem"));
    }

    /// <summary>Raw HTTP around the generated clients: the browser's part of a flow, and the server's view of a token.</summary>
    internal static class InteropKit
    {
        /// <summary>
        /// Checks a lifetime the server computed as its expiry minus its clock when it answered: the configured
        /// number of seconds, or a second or few less when a second boundary passed in between.
        /// </summary>
        public static void AssertLifetime(int configuredSeconds, TimeSpan? actual)
        {
            Xunit.Assert.NotNull(actual);
            Xunit.Assert.InRange(actual!.Value, TimeSpan.FromSeconds(configuredSeconds - 5), TimeSpan.FromSeconds(configuredSeconds));
        }

        /// <summary>A bound for every wait of a test.</summary>
        public static CancellationToken Deadline(int seconds = 20) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

        /// <summary>
        /// Plays the browser: follows the redirects of an authorization request (the server answers its login and consent
        /// interactions itself, as the test user) until one goes to <paramref name="redirectUri"/>, and returns that URI.
        /// </summary>
        public static async Task<Uri> AuthorizeAsync(NodeServer server, Uri authorizationUrl, Uri redirectUri, CancellationToken cancellationToken)
        {
            using var http = server.CreateHttpClient(followRedirects: false, cookies: new CookieContainer());
            var next = authorizationUrl;
            var trail = new StringBuilder();
            for (var hop = 0; hop < 12; hop++)
            {
                using var response = await http.GetAsync(next, cancellationToken);
                trail.Append("GET ").Append(next.GetLeftPart(UriPartial.Path)).Append(" -> ").Append((int)response.StatusCode).AppendLine();
                if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    throw new InvalidOperationException(
                        "The authorization flow stopped without reaching the redirect URI:" + Environment.NewLine + trail +
                        body.Substring(0, Math.Min(body.Length, 2000)));
                }

                next = location.IsAbsoluteUri ? location : new Uri(next, location);
                if (string.Equals(next.GetLeftPart(UriPartial.Path), redirectUri.GetLeftPart(UriPartial.Path), StringComparison.Ordinal))
                {
                    return next;
                }
            }

            throw new InvalidOperationException("The authorization flow did not reach the redirect URI in 12 redirects:" + Environment.NewLine + trail);
        }

        /// <summary>The query parameters of a URI (one value each).</summary>
        public static IReadOnlyDictionary<string, string> Query(Uri uri)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in QueryHelpers.ParseQuery(uri.Query))
            {
                result[pair.Key] = pair.Value.ToString();
            }

            return result;
        }

        /// <summary>Asks oidc-provider's introspection endpoint about a token (RFC 7662), authenticating with a Basic header.</summary>
        public static async Task<JsonElement> IntrospectAsync(NodeServer server, string token, string clientId, string clientSecret, CancellationToken cancellationToken)
        {
            using var http = server.CreateHttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "token/introspection")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + clientSecret)));
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException("Introspection answered " + (int)response.StatusCode + ": " + text);
            }

            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }

        /// <summary>The test user decides a pending device authorization (oidc.js's test-only route), as if at the verification URI.</summary>
        public static async Task DecideDeviceCodeAsync(NodeServer server, string userCode, bool approve, CancellationToken cancellationToken)
        {
            using var http = server.CreateHttpClient();
            var form = new Dictionary<string, string> { ["user_code"] = userCode };
            if (!approve)
            {
                form["deny"] = "true";
            }

            using var response = await http.PostAsync("__test/device/decide", new FormUrlEncodedContent(form), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException("Deciding the user code answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync(cancellationToken));
            }
        }

        /// <summary>Calls password.js's protected resource with a bearer token; returns the status and the body.</summary>
        public static async Task<(HttpStatusCode Status, string Body)> GetProtectedAsync(NodeServer server, string accessToken, CancellationToken cancellationToken)
        {
            using var http = server.CreateHttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }
}
