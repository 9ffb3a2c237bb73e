using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Analyzers.Tests.Rules
{
    /// <summary>OAUTH002: hand-written token requests with client_secret in the body and a Basic Authorization header.</summary>
    public class OAUTH002Tests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Net.Http.Json;
            using System.Text;
            using System.Text.Json;
            using System.Threading.Tasks;

            """;

        [Fact]
        public async Task Fires_on_a_dictionary_key_of_a_form_body_sent_with_a_Basic_header()
        {
            var diagnostics = await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenClient
                {
                    public static Task<HttpResponseMessage> GetTokenAsync(HttpClient http, string id, string secret)
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, "https://auth.example/token")
                        {
                            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                            {
                                ["grant_type"] = "client_credentials",
                                ["client_id"] = id,
                                [{|OAUTH002:"client_secret"|}] = secret,
                            }),
                        };
                        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));
                        return http.SendAsync(request);
                    }
                }
                """);

            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(
                "The request body carries 'client_secret' while this method also sets a Basic Authorization header; authenticate once, in the header or in the body (RFC 6749 §2.3.1: one authentication method per request)",
                diagnostic.GetMessage());
            var header = Assert.Single(diagnostic.AdditionalLocations);
            Assert.StartsWith("new AuthenticationHeaderValue(\"Basic\"", header.SourceTree!.ToString().Substring(header.SourceSpan.Start));
        }

        [Fact]
        public async Task Fires_on_key_value_pairs_sent_with_a_Basic_header_on_the_client()
        {
            await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenClient
                {
                    public static Task<HttpResponseMessage> GetTokenAsync(HttpClient http, string credentials, string secret)
                    {
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("basic", credentials);
                        var pairs = new List<KeyValuePair<string, string>>
                        {
                            new KeyValuePair<string, string>("grant_type", "client_credentials"),
                            new KeyValuePair<string, string>({|OAUTH002:"client_secret"|}, secret),
                            KeyValuePair.Create({|OAUTH002:"client_assertion"|}, secret),
                        };
                        return http.PostAsync("https://auth.example/token", new FormUrlEncodedContent(pairs));
                    }
                }
                """);
        }

        [Fact]
        public async Task Fires_on_a_collection_initializer_with_a_header_added_as_text()
        {
            await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenClient
                {
                    public static Task<HttpResponseMessage> GetTokenAsync(HttpClient http, string basic, string secret)
                    {
                        var body = new Dictionary<string, string> { { "grant_type", "client_credentials" }, { {|OAUTH002:"client_secret"|}, secret } };
                        var request = new HttpRequestMessage(HttpMethod.Post, "https://auth.example/token") { Content = new FormUrlEncodedContent(body) };
                        request.Headers.Add("Authorization", "Basic " + basic);
                        return http.SendAsync(request);
                    }
                }
                """);
        }

        [Fact]
        public async Task Fires_on_an_anonymous_object_serialized_to_JSON()
        {
            await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenClient
                {
                    public static Task<HttpResponseMessage> GetTokenAsync(HttpClient http, string basic, string secret)
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, "https://auth.example/token")
                        {
                            Content = JsonContent.Create(new { grant_type = "client_credentials", {|OAUTH002:client_secret = secret|} }),
                        };
                        request.Headers.TryAddWithoutValidation("Authorization", $"Basic {basic}");
                        return http.SendAsync(request);
                    }
                }
                """);
        }

        [Fact]
        public async Task Fires_on_a_query_string_and_inside_a_lambda()
        {
            await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenClient
                {
                    public static Task<HttpResponseMessage> GetTokenAsync(HttpClient http, string basic, string secret)
                    {
                        Func<string, string> query = s => $"{|OAUTH002:grant_type=client_credentials&client_secret=|}{Uri.EscapeDataString(s)}";
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
                        return http.PostAsync("https://auth.example/token?" + query(secret), null);
                    }
                }
                """);
        }

        [Fact]
        public async Task Is_silent_when_the_header_is_not_Basic()
        {
            await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenClient
                {
                    public static Task<HttpResponseMessage> GetTokenAsync(HttpClient http, string token, string secret)
                    {
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                        http.DefaultRequestHeaders.ProxyAuthorization = new AuthenticationHeaderValue("Basic", token);
                        return http.PostAsync("https://auth.example/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_secret"] = secret }));
                    }
                }
                """);
        }

        [Fact]
        public async Task Is_silent_on_a_Basic_header_with_client_id_in_the_body()
        {
            // RFC 6749 §2.3.1: client_id in the body beside a Basic header is allowed.
            await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenClient
                {
                    public static Task<HttpResponseMessage> GetTokenAsync(HttpClient http, string id, string basic)
                    {
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
                        var body = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = id };
                        return http.PostAsync("https://auth.example/token", new FormUrlEncodedContent(body));
                    }
                }
                """);
        }

        [Fact]
        public async Task Is_silent_on_code_that_reads_a_client_secret_rather_than_sending_it()
        {
            // A server-side check: it looks the secret up and builds a Basic header value to compare, it sends neither.
            await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenEndpoint
                {
                    public static bool IsValid(IReadOnlyDictionary<string, string> form, string id, string expected)
                    {
                        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + expected)));
                        return form.TryGetValue("client_secret", out var secret) && string.Equals("client_secret", secret) == false && basic.Parameter is not null;
                    }
                }
                """);
        }

        [Fact]
        public async Task Is_silent_when_body_and_header_are_in_different_methods()
        {
            await AnalyzerVerifier.VerifyAsync(Usings + """
                public static class TokenClient
                {
                    public static void UseBasic(HttpClient http, string basic) =>
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);

                    public static Task<HttpResponseMessage> PostSecretAsync(HttpClient other, string secret) =>
                        other.PostAsync("https://auth.example/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_secret"] = secret }));
                }
                """);
        }
    }
}
