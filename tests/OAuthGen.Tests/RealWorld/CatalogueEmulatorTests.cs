using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>
    /// Every class of <c>OAuthGen.Providers</c> against an emulator of its documented behaviour: one data file per
    /// provider (RealWorld/Catalogue/&lt;Provider&gt;.json) says the request the provider expects on the wire (method,
    /// host, path, client authentication, body, headers, and for jwt-bearer the signed assertion), its documented
    /// success answer (with its content type, when it is not JSON) and the token read from it, and its documented error
    /// answer. A provider whose refresh differs on the wire from its first request (Trovo's own refresh endpoint) has a
    /// <c>refresh</c> section of the same shape, run as the refresh token grant. Times in the data (<c>{now}</c>, <c>{now+21600}</c>: epoch seconds) are relative to the test's clock.
    /// </summary>
    public sealed class CatalogueEmulatorTests : IDisposable
    {
        private const string ClientId = "catalogue-client";
        private const string ClientSecret = "catalogue-secret";
        private const string Code = "catalogue-code";
        private const string RefreshToken = "catalogue-refresh-token";
        private const string CodeVerifier = "catalogue-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
        private const string SigningKeyId = "catalogue-key-id";
        private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
        private static readonly Uri RedirectUri = new("https://app.example/callback");

        // The jwt-bearer grant's signing key (as a service account's JSON key holds one).
        private readonly RSA _signingKey = RSA.Create(2048);

        public void Dispose() => _signingKey.Dispose();

        public static IEnumerable<object[]> Providers => CatalogueTypes.Providers.Select(type => new object[] { type.Name });

        /// <summary>The providers whose data has a refresh section.</summary>
        public static IEnumerable<object[]> RefreshingProviders => CatalogueTypes.Providers
            .Where(type => CatalogueData.LoadRefresh(type.Name) is not null)
            .Select(type => new object[] { type.Name });

        [Theory]
        [MemberData(nameof(Providers))]
        public Task The_provider_is_asked_as_it_documents_and_its_token_is_read(string provider) =>
            AskedAsDocumentedAsync(CatalogueData.Load(provider));

        [Theory]
        [MemberData(nameof(RefreshingProviders))]
        public Task A_refresh_is_asked_as_the_provider_documents_and_its_token_is_read(string provider) =>
            AskedAsDocumentedAsync(CatalogueData.LoadRefresh(provider)!);

        [Theory]
        [MemberData(nameof(Providers))]
        public Task The_documented_error_answer_is_an_OAuthException_that_names_the_error_and_hides_the_secret(string provider) =>
            DocumentedErrorAsync(CatalogueData.Load(provider));

        [Theory]
        [MemberData(nameof(RefreshingProviders))]
        public Task The_documented_error_answer_to_a_refresh_is_an_OAuthException_that_hides_the_refresh_token(string provider) =>
            DocumentedErrorAsync(CatalogueData.LoadRefresh(provider)!);

        private async Task AskedAsDocumentedAsync(CatalogueData data)
        {
            var provider = data.Provider;
            await using var emulator = await ProviderEmulator.StartAsync(_ => new EmulatedAnswer(data.SuccessStatus, data.SuccessContentType, data.SuccessBody));
            using var http = emulator.Http();

            var token = await RequestAsync(data, http);

            var request = Assert.Single(emulator.Requests);
            Assert.Equal(data.Method, request.Method);
            Assert.Equal(data.Host, request.Host);
            Assert.Equal(data.Path, request.Path);
            Assert.Equal(data.Query, request.Query);
            Assert.StartsWith(data.ContentType, request.ContentType, StringComparison.Ordinal);
            Assert.Equal(data.Body, data.Assertion is null ? request.Body : WithAssertionVerified(data, request.Body));
            Assert.Equal("application/json", request.Headers["Accept"]);
            foreach (var header in data.Headers)
            {
                Assert.True(request.Headers.TryGetValue(header.Key, out var value), provider + " is sent no " + header.Key + " header");
                Assert.Equal(header.Value, value);
            }

            if (data.Authorization is null)
            {
                Assert.False(request.Headers.ContainsKey("Authorization"), provider + " reads the client secret from the body only");
            }
            else
            {
                Assert.Equal(data.Authorization, request.Headers["Authorization"]);
                Assert.DoesNotContain(ClientSecret, request.Body, StringComparison.Ordinal);
            }

            Assert.Equal(data.AccessToken, token.AccessToken);
            Assert.Equal(data.RefreshToken, token.RefreshToken);
            Assert.Equal(data.ExpiresInSeconds, token.ExpiresIn?.TotalSeconds);
            if (data.ExpiresInSeconds is null or 0)
            {
                // No lifetime, or expires_in: 0 (Mailchimp): no expiry, never "already expired".
                Assert.Null(token.ExpiresAt);
            }

            if (data.ExpiresAt is { } expiresAt)
            {
                Assert.Equal(expiresAt, token.ExpiresAt);
            }

            if (data.Scope is { } scope)
            {
                Assert.Equal(scope, token.Scope);
            }

            foreach (var field in data.Fields)
            {
                // "Team.Id": a member of an object the typed token reads from the answer.
                object? value = token;
                foreach (var name in field.Key.Split('.'))
                {
                    value = value?.GetType().GetProperty(name)!.GetValue(value);
                }

                Assert.True(Same(field.Value, value), provider + "Token." + field.Key + " is " + (value ?? "null") + ", expected " + field.Value);
            }
        }

        private async Task DocumentedErrorAsync(CatalogueData data)
        {
            await using var emulator = await ProviderEmulator.StartAsync(_ => new EmulatedAnswer(data.ErrorStatus, data.ErrorContentType, data.ErrorBody));
            using var http = emulator.Http();

            var error = await Assert.ThrowsAsync<OAuthException>(() => RequestAsync(data, http));

            Assert.Equal(data.Error, error.Error);
            Assert.DoesNotContain(ClientSecret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Code, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(RefreshToken, error.ToString(), StringComparison.Ordinal);
            var request = Assert.Single(emulator.Requests);
            if (data.Assertion is not null)
            {
                Assert.DoesNotContain(Form(request.Body)["assertion"].Split('.')[2], error.ToString(), StringComparison.Ordinal);
            }
        }

        private async Task<OAuthToken> RequestAsync(CatalogueData data, HttpClient http)
        {
            var type = CatalogueTypes.Providers.Single(t => t.Name == data.Provider);
            var options = new OAuthClientOptions { ClientId = ClientId, ClientSecret = ClientSecret };
            foreach (var parameter in data.EndpointParameters)
            {
                options.EndpointParameters[parameter.Key] = parameter.Value;
            }

            if (data.Grant == JwtBearer)
            {
                options.SigningKeyPem = _signingKey.ExportPkcs8PrivateKeyPem();
                options.SigningKeyId = SigningKeyId;
            }

            var client = Activator.CreateInstance(type, http, options, new FakeTimeProvider(CatalogueData.Now))!;
            var (name, arguments) = data.Grant switch
            {
                "client_credentials" => ("RequestClientCredentialsTokenAsync", new object?[] { null, CancellationToken.None }),
                "authorization_code" => ("ExchangeAuthorizationCodeAsync", new object?[] { Code, RedirectUri, data.Body.Contains("code_verifier", StringComparison.Ordinal) ? CodeVerifier : null, CancellationToken.None }),
                "refresh_token" => ("RefreshTokenAsync", new object?[] { RefreshToken, null, CancellationToken.None }),
                JwtBearer => ("RequestJwtBearerTokenAsync", new object?[] { data.Assertion!.Scope, null, CancellationToken.None }),
                _ => throw new InvalidOperationException("Unknown grant " + data.Grant + " in " + data.Provider + ".json"),
            };
            // The signature without per-call parameters (each request method also has one with them, before the token).
            var method = type.GetMethods().Single(candidate => candidate.Name == name && candidate.GetParameters().Length == arguments.Length);
            var task = (Task)method.Invoke(client, arguments)!;
            await task;
            return (OAuthToken)task.GetType().GetProperty("Result")!.GetValue(task)!;
        }

        // The body with the assertion it carries put back as {assertion}, once the assertion is checked as the data says:
        // a JWS signed with the signing key, its header and claims, iat and exp as the provider requires them.
        private string WithAssertionVerified(CatalogueData data, string body)
        {
            var expected = data.Assertion!;
            var assertion = Form(body).GetValueOrDefault("assertion");
            Assert.False(string.IsNullOrEmpty(assertion), data.Provider + " sends no assertion");
            var parts = assertion!.Split('.');
            Assert.Equal(3, parts.Length);
            Assert.True(
                _signingKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                data.Provider + "'s assertion is not signed with the signing key");
            using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0]));
            using var claims = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1]));
            foreach (var (part, document, members) in new[] { ("header", header, expected.Header), ("claim", claims, expected.Claims) })
            {
                foreach (var member in members)
                {
                    Assert.True(document.RootElement.TryGetProperty(member.Key, out var value), data.Provider + "'s assertion has no " + part + " " + member.Key);
                    var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                    Assert.True(CatalogueData.Relative(member.Value) == text, data.Provider + "'s assertion " + part + " " + member.Key + " is " + text + ", expected " + member.Value);
                }
            }

            var lifetime = claims.RootElement.GetProperty("exp").GetInt64() - claims.RootElement.GetProperty("iat").GetInt64();
            Assert.InRange(lifetime, 1, expected.MaxLifetimeSeconds);
            return body.Replace(WebUtility.UrlEncode(assertion), "{assertion}", StringComparison.Ordinal);
        }

        private static Dictionary<string, string> Form(string body) => body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => WebUtility.UrlDecode(pair.Length > 1 ? pair[1] : string.Empty));

        private static bool Same(JsonElement expected, object? actual) => actual switch
        {
            null => expected.ValueKind == JsonValueKind.Null,
            string text => expected.ValueKind == JsonValueKind.String && expected.GetString() == text,
            bool flag => expected.ValueKind == (flag ? JsonValueKind.True : JsonValueKind.False),
            int number => expected.ValueKind == JsonValueKind.Number && expected.GetInt64() == number,
            long number => expected.ValueKind == JsonValueKind.Number && expected.GetInt64() == number,
            TimeSpan span => expected.ValueKind == JsonValueKind.Number && expected.GetDouble() == span.TotalSeconds,
            DateTimeOffset instant => expected.ValueKind == JsonValueKind.String && DateTimeOffset.Parse(expected.GetString()!, CultureInfo.InvariantCulture) == instant,
            _ => false,
        };
    }

    /// <summary>The classes of the catalogue: the public, non-token types of namespace OAuthGen.Providers.</summary>
    internal static class CatalogueTypes
    {
        public static IReadOnlyList<Type> Providers { get; } = typeof(OAuthToken).Assembly.GetExportedTypes()
            .Where(type => type.Namespace == "OAuthGen.Providers" && type.GetCustomAttribute<OAuthProviderAttribute>() is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>One provider's data file.</summary>
    internal sealed class CatalogueData
    {
        /// <summary>The test's clock: the emulated answers' relative times (<c>{now+N}</c>) and the clients' TimeProvider.</summary>
        public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        private static readonly Regex RelativeTime = new(@"\{now(?<offset>[+-][0-9]+)?\}", RegexOptions.CultureInvariant);

        // exchange: the root, or its refresh section (request, success, token, error), run as the refresh token grant.
        private CatalogueData(JsonElement root, JsonElement exchange, string grant)
        {
            var request = exchange.GetProperty("request");
            var success = exchange.GetProperty("success");
            var token = exchange.GetProperty("token");
            var error = exchange.GetProperty("error");
            Provider = root.GetProperty("provider").GetString()!;
            Grant = grant;
            EndpointParameters = root.GetProperty("endpointParameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Method = request.GetProperty("method").GetString()!;
            Host = request.GetProperty("host").GetString()!;
            Path = request.GetProperty("path").GetString()!;
            Query = request.GetProperty("query").GetString()!;
            Authorization = request.GetProperty("authorization").GetString();
            Headers = request.TryGetProperty("headers", out var headers)
                ? headers.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
                : new Dictionary<string, string>();
            ContentType = request.GetProperty("contentType").GetString()!;
            Body = request.GetProperty("body").GetString()!;
            Assertion = exchange.TryGetProperty("assertion", out var assertion) ? new AssertionData(assertion) : null;
            SuccessStatus = success.GetProperty("status").GetInt32();
            SuccessContentType = ContentTypeOf(success);
            SuccessBody = Relative(success.GetProperty("body").GetString()!);
            AccessToken = token.GetProperty("accessToken").GetString()!;
            RefreshToken = token.GetProperty("refreshToken").GetString();
            ExpiresInSeconds = token.GetProperty("expiresInSeconds") is { ValueKind: JsonValueKind.Number } seconds ? seconds.GetDouble() : null;
            ExpiresAt = token.TryGetProperty("expiresAt", out var expiresAt) ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(Relative(expiresAt.GetString()!), CultureInfo.InvariantCulture)) : null;
            Scope = token.TryGetProperty("scope", out var scope) ? scope.GetString() : null;
            Fields = token.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            ErrorStatus = error.GetProperty("status").GetInt32();
            ErrorContentType = ContentTypeOf(error);
            ErrorBody = Relative(error.GetProperty("body").GetString()!);
            Error = error.GetProperty("error").GetString();
        }

        public string Provider { get; }

        public string Grant { get; }

        public IReadOnlyDictionary<string, string> EndpointParameters { get; }

        public string Method { get; }

        public string Host { get; }

        public string Path { get; }

        public string Query { get; }

        public string? Authorization { get; }

        public string ContentType { get; }

        /// <summary>Headers the request must carry besides Accept and Authorization, with their values.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public string Body { get; }

        /// <summary>For the jwt-bearer grant: the scope asked for and what the signed assertion must say.</summary>
        public AssertionData? Assertion { get; }

        public int SuccessStatus { get; }

        /// <summary>The answer's content type: application/json unless the data says otherwise (Deezer's form answer is text/html).</summary>
        public string SuccessContentType { get; }

        public string SuccessBody { get; }

        public string AccessToken { get; }

        public string? RefreshToken { get; }

        public double? ExpiresInSeconds { get; }

        /// <summary>The expected ExpiresAt, when the data gives one (<c>"{now+21600}"</c>).</summary>
        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>The expected Scope, when the data gives one.</summary>
        public string? Scope { get; }

        public IReadOnlyDictionary<string, JsonElement> Fields { get; }

        public int ErrorStatus { get; }

        public string ErrorContentType { get; }

        public string ErrorBody { get; }

        public string? Error { get; }

        public static string PathOf(string provider) => Repository.PathOf("tests", "OAuthGen.Tests", "RealWorld", "Catalogue", provider + ".json");

        public static CatalogueData Load(string provider)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(PathOf(provider), Encoding.UTF8));
            return new CatalogueData(document.RootElement, document.RootElement, document.RootElement.GetProperty("grant").GetString()!);
        }

        /// <summary>The data of the provider's refresh, when its file has a refresh section; null otherwise.</summary>
        public static CatalogueData? LoadRefresh(string provider)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(PathOf(provider), Encoding.UTF8));
            return document.RootElement.TryGetProperty("refresh", out var refresh) ? new CatalogueData(document.RootElement, refresh, "refresh_token") : null;
        }

        /// <summary><paramref name="text"/> with each <c>{now}</c>, <c>{now+N}</c>, <c>{now-N}</c> replaced by the epoch seconds of <see cref="Now"/> plus N.</summary>
        public static string Relative(string text) => RelativeTime.Replace(text, match =>
            (Now.ToUnixTimeSeconds() + (match.Groups["offset"].Success ? long.Parse(match.Groups["offset"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0))
            .ToString(CultureInfo.InvariantCulture));

        private static string ContentTypeOf(JsonElement answer) =>
            answer.TryGetProperty("contentType", out var contentType) ? contentType.GetString()! : "application/json";
    }

    /// <summary>What a jwt-bearer provider's data says of the assertion (RFC 7523 §3).</summary>
    internal sealed class AssertionData
    {
        public AssertionData(JsonElement assertion)
        {
            Scope = assertion.GetProperty("scope").GetString();
            Header = assertion.GetProperty("header").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Claims = assertion.GetProperty("claims").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            MaxLifetimeSeconds = assertion.GetProperty("maxLifetimeSeconds").GetInt64();
        }

        /// <summary>The scope the test asks for.</summary>
        public string? Scope { get; }

        /// <summary>Members the JWS header must have, with their values.</summary>
        public IReadOnlyDictionary<string, string> Header { get; }

        /// <summary>Claims the assertion must have, with their values (times relative to the test's clock).</summary>
        public IReadOnlyDictionary<string, string> Claims { get; }

        /// <summary>The longest exp - iat the provider accepts.</summary>
        public long MaxLifetimeSeconds { get; }
    }
}
