using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Tests.Seeds;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>A token endpoint that counts requests, issues numbered tokens, and can be held or made to fail.</summary>
    internal sealed class CountingTokenEndpoint : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public int ExpiresIn { get; set; } = 3600;

        /// <summary>What the numbered tokens start with, so that tokens of two endpoints differ.</summary>
        public string TokenPrefix { get; set; } = "token";

        /// <summary>When set, requests wait for it before answering.</summary>
        public TaskCompletionSource? Gate { get; set; }

        /// <summary>When set, the answer to return instead of a token.</summary>
        public Func<HttpResponseMessage>? Failure { get; set; }

        public ConcurrentQueue<string> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _requests);
            Bodies.Enqueue(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            if (Failure is { } failure)
            {
                return failure();
            }

            var json = $"{{\"access_token\":\"{TokenPrefix}-{number}\",\"token_type\":\"Bearer\",\"expires_in\":{ExpiresIn}}}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }

    /// <summary>An API that accepts only the bearer tokens it is told to, and records what it saw.</summary>
    internal sealed class ProtectedApi : HttpMessageHandler
    {
        public Func<string?, bool> Accepts { get; set; } = _ => true;

        /// <summary>When set, decides instead of <see cref="Accepts"/>, from the request as well as its token.</summary>
        public Func<HttpRequestMessage, string?, bool>? AcceptsRequest { get; set; }

        public ConcurrentQueue<string?> SeenTokens { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = request.Headers.Authorization is { Scheme: "Bearer" } authorization ? authorization.Parameter : null;
            SeenTokens.Enqueue(token);
            var accepted = AcceptsRequest?.Invoke(request, token) ?? Accepts(token);
            return Task.FromResult(new HttpResponseMessage(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized));
        }
    }

    internal static class TokenManagementHarness
    {
        public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        /// <summary>PoderoAuth registered as a user would, its token requests going to <paramref name="endpoint"/>, and an "api" client that uses its tokens.</summary>
        public static ServiceProvider Build(
            CountingTokenEndpoint endpoint,
            ProtectedApi? api = null,
            FakeTimeProvider? time = null,
            Action<IServiceCollection>? configure = null,
            string clientId = "client-id",
            string? scope = null)
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(Start));
            services.AddOAuthClient<PoderoAuth>(options =>
                {
                    options.ClientId = clientId;
                    options.ClientSecret = "client-secret-Sentinel-8b1f";
                    options.TokenEndpoint = new Uri("https://auth.test/oauth2/token/");
                })
                .ConfigurePrimaryHttpMessageHandler(() => endpoint);
            services.AddHttpClient("api", client => client.BaseAddress = new Uri("https://api.test/"))
                .AddClientCredentialsToken<PoderoAuth>(name: null, scope)
                .ConfigurePrimaryHttpMessageHandler(() => api ?? new ProtectedApi());
            configure?.Invoke(services);
            return services.BuildServiceProvider(validateScopes: true);
        }

        public static HttpClient Api(this IServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient("api");
    }
}
