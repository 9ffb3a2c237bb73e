using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>
    /// PoderoAuth with its token requests going to a <see cref="ScriptedHandler"/> that issues "token-1", "token-2", ...,
    /// an "api" HttpClient behind <see cref="ClientCredentialsTokenHandler{TClient}"/>, a fake clock and every log event kept.
    /// </summary>
    internal sealed class TokenSetup : IDisposable
    {
        private int _issued;

        public TokenSetup(
            Action<IServiceCollection>? configure = null,
            Action<OAuthClientOptions>? options = null,
            TimeProvider? time = null,
            string? handlerScope = null,
            HttpMessageHandler? api = null)
        {
            Endpoint = new ScriptedHandler(_ => ScriptedHandler.Token("token-" + Interlocked.Increment(ref _issued)));
            var services = new ServiceCollection();
            services.AddSingleton(time ?? Time);
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
            services.AddOAuthClient<PoderoAuth>(o =>
                {
                    o.ClientId = "client-id";
                    o.ClientSecret = Secret;
                    o.TokenEndpoint = new Uri("https://auth.test/oauth2/token/");
                    o.RetryTransientFailures = false;
                    options?.Invoke(o);
                })
                .ConfigurePrimaryHttpMessageHandler(() => Endpoint);
            services.AddHttpClient("api", client => client.BaseAddress = new Uri("https://api.test/"))
                .AddClientCredentialsToken<PoderoAuth>(name: null, handlerScope)
                .ConfigurePrimaryHttpMessageHandler(() => api ?? new ProtectedApi());
            configure?.Invoke(services);
            Services = services.BuildServiceProvider(validateScopes: true);
        }

        public const string Secret = "client-secret-Sentinel-5d2e";

        public FakeTimeProvider Time { get; } = new(TokenManagementHarness.Start);

        public ScriptedHandler Endpoint { get; }

        public CollectingLoggerProvider Logs { get; } = new();

        public ServiceProvider Services { get; }

        public ClientCredentialsTokenManager<PoderoAuth> Tokens => Services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();

        public HttpClient Api => Services.Api();

        public void Dispose() => Services.Dispose();
    }
}
