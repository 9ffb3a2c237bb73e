using System;
using System.Net.Http;
using System.Threading.Tasks;
using SeedProviders;
using Xunit;

namespace OAuthGen.Tests.EndToEnd
{
    /// <summary>A strict emulator of the five documented providers on loopback, one per test class.</summary>
    public abstract class SeedServerTests : IAsyncLifetime
    {
        protected static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

        private readonly SeedCredentials _credentials;

        protected SeedServerTests(SeedCredentials? credentials = null)
        {
            _credentials = credentials ?? new SeedCredentials();
        }

        protected SeedProviderServer Server { get; private set; } = null!;

        protected SeedCredentials Credentials => _credentials;

        protected Infrastructure.SelfAdvancingTimeProvider Clock { get; } = new(Now);

        public async Task InitializeAsync() => Server = await SeedProviderServer.StartAsync(_credentials);

        public async Task DisposeAsync() => await Server.DisposeAsync();

        protected OAuthClientOptions Options(Uri? tokenEndpoint = null, string? clientId = null, string? clientSecret = null) => new()
        {
            ClientId = clientId ?? _credentials.ClientId,
            ClientSecret = clientSecret ?? _credentials.ClientSecret,
            TokenEndpoint = tokenEndpoint,
        };

        protected static HttpClient Http(Uri? baseAddress = null) => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };

        protected RecordedRequest Last(string provider) => Server.LastRequest(provider);
    }
}
