using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>A token server on 127.0.0.1 (Kestrel) that takes <see cref="Latency"/> to answer each request with a numbered token, and counts the requests.</summary>
    internal sealed class CountingTokenServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private CountingTokenServer(TimeSpan latency)
        {
            Latency = latency;
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IHostLifetime, SeedProviders.EmbeddedHostLifetime>();
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.Run(AnswerAsync);
        }

        public TimeSpan Latency { get; }

        public int Requests => Volatile.Read(ref _requests);

        public Uri TokenEndpoint { get; private set; } = null!;

        public static async Task<CountingTokenServer> StartAsync(TimeSpan latency)
        {
            var server = new CountingTokenServer(latency);
            await server._app.StartAsync();
            var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            server.TokenEndpoint = new Uri(address + "/oauth2/token");
            return server;
        }

        private async Task AnswerAsync(HttpContext context)
        {
            var number = Interlocked.Increment(ref _requests);
            await Task.Delay(Latency, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"{{\"access_token\":\"provider-token-{number}\",\"token_type\":\"Bearer\",\"expires_in\":3600}}", context.RequestAborted);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
