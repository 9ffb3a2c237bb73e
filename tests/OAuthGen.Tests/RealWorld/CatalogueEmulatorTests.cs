using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>
    /// Every class of <c>OAuthGen.Providers</c> against an emulator of its documented behaviour: one data file per
    /// provider (RealWorld/Catalogue/&lt;Provider&gt;.json) says the request the provider expects on the wire (method,
    /// host, path, client authentication, body, headers), its documented success answer and the token read from it,
    /// and its documented error answer.
    /// </summary>
    public sealed class CatalogueEmulatorTests
    {
        private const string ClientId = "catalogue-client";
        private const string ClientSecret = "catalogue-secret";
        private const string Code = "catalogue-code";
        private const string CodeVerifier = "catalogue-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
        private static readonly Uri RedirectUri = new("https://app.example/callback");

        public static IEnumerable<object[]> Providers => CatalogueTypes.Providers.Select(type => new object[] { type.Name });

        [Theory]
        [MemberData(nameof(Providers))]
        public async Task The_provider_is_asked_as_it_documents_and_its_token_is_read(string provider)
        {
            var data = CatalogueData.Load(provider);
            await using var emulator = await ProviderEmulator.StartAsync(_ => new EmulatedAnswer(200, "application/json", data.SuccessBody));
            using var http = emulator.Http();

            var token = await RequestAsync(data, http);

            var request = Assert.Single(emulator.Requests);
            Assert.Equal(data.Method, request.Method);
            Assert.Equal(data.Host, request.Host);
            Assert.Equal(data.Path, request.Path);
            Assert.Equal(data.Query, request.Query);
            Assert.StartsWith(data.ContentType, request.ContentType, StringComparison.Ordinal);
            Assert.Equal(data.Body, request.Body);
            Assert.Equal("application/json", request.Headers["Accept"]);
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
            foreach (var field in data.Fields)
            {
                var value = token.GetType().GetProperty(field.Key)!.GetValue(token);
                Assert.True(Same(field.Value, value), provider + "Token." + field.Key + " is " + (value ?? "null") + ", expected " + field.Value);
            }
        }

        [Theory]
        [MemberData(nameof(Providers))]
        public async Task The_documented_error_answer_is_an_OAuthException_that_names_the_error_and_hides_the_secret(string provider)
        {
            var data = CatalogueData.Load(provider);
            await using var emulator = await ProviderEmulator.StartAsync(_ => new EmulatedAnswer(data.ErrorStatus, "application/json", data.ErrorBody));
            using var http = emulator.Http();

            var error = await Assert.ThrowsAsync<OAuthException>(() => RequestAsync(data, http));

            Assert.Equal(data.Error, error.Error);
            Assert.DoesNotContain(ClientSecret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Code, error.ToString(), StringComparison.Ordinal);
            Assert.Single(emulator.Requests);
        }

        private static async Task<OAuthToken> RequestAsync(CatalogueData data, HttpClient http)
        {
            var type = CatalogueTypes.Providers.Single(t => t.Name == data.Provider);
            var options = new OAuthClientOptions { ClientId = ClientId, ClientSecret = ClientSecret };
            foreach (var parameter in data.EndpointParameters)
            {
                options.EndpointParameters[parameter.Key] = parameter.Value;
            }

            var client = Activator.CreateInstance(type, http, options)!;
            var (name, arguments) = data.Grant switch
            {
                "client_credentials" => ("RequestClientCredentialsTokenAsync", new object?[] { null, CancellationToken.None }),
                "authorization_code" => ("ExchangeAuthorizationCodeAsync", new object?[] { Code, RedirectUri, data.Body.Contains("code_verifier", StringComparison.Ordinal) ? CodeVerifier : null, CancellationToken.None }),
                _ => throw new InvalidOperationException("Unknown grant " + data.Grant + " in " + data.Provider + ".json"),
            };
            // The signature without per-call parameters (each request method also has one with them, before the token).
            var method = type.GetMethods().Single(candidate => candidate.Name == name && candidate.GetParameters().Length == arguments.Length);
            var task = (Task)method.Invoke(client, arguments)!;
            await task;
            return (OAuthToken)task.GetType().GetProperty("Result")!.GetValue(task)!;
        }

        private static bool Same(JsonElement expected, object? actual) => actual switch
        {
            null => expected.ValueKind == JsonValueKind.Null,
            string text => expected.ValueKind == JsonValueKind.String && expected.GetString() == text,
            bool flag => expected.ValueKind == (flag ? JsonValueKind.True : JsonValueKind.False),
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
        private CatalogueData(JsonElement root)
        {
            var request = root.GetProperty("request");
            var token = root.GetProperty("token");
            var error = root.GetProperty("error");
            Provider = root.GetProperty("provider").GetString()!;
            Grant = root.GetProperty("grant").GetString()!;
            EndpointParameters = root.GetProperty("endpointParameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Method = request.GetProperty("method").GetString()!;
            Host = request.GetProperty("host").GetString()!;
            Path = request.GetProperty("path").GetString()!;
            Query = request.GetProperty("query").GetString()!;
            Authorization = request.GetProperty("authorization").GetString();
            ContentType = request.GetProperty("contentType").GetString()!;
            Body = request.GetProperty("body").GetString()!;
            SuccessBody = root.GetProperty("success").GetProperty("body").GetString()!;
            AccessToken = token.GetProperty("accessToken").GetString()!;
            RefreshToken = token.GetProperty("refreshToken").GetString();
            ExpiresInSeconds = token.GetProperty("expiresInSeconds") is { ValueKind: JsonValueKind.Number } seconds ? seconds.GetDouble() : null;
            Fields = token.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
            ErrorStatus = error.GetProperty("status").GetInt32();
            ErrorBody = error.GetProperty("body").GetString()!;
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

        public string Body { get; }

        public string SuccessBody { get; }

        public string AccessToken { get; }

        public string? RefreshToken { get; }

        public double? ExpiresInSeconds { get; }

        public IReadOnlyDictionary<string, JsonElement> Fields { get; }

        public int ErrorStatus { get; }

        public string ErrorBody { get; }

        public string? Error { get; }

        public static string PathOf(string provider) => Repository.PathOf("tests", "OAuthGen.Tests", "RealWorld", "Catalogue", provider + ".json");

        public static CatalogueData Load(string provider)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(PathOf(provider), Encoding.UTF8));
            return new CatalogueData(document.RootElement);
        }
    }
}
