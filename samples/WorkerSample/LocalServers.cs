using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeedProviders;

namespace WorkerSample
{
    /// <summary>The Podero emulator and a protected API that accepts only the emulator's token, both on loopback.</summary>
    public sealed class LocalServers : IAsyncDisposable
    {
        private const string IssuedToken = "PaZDOD5UwzbGOFsQr34LQ7JUYOj3yK";

        private readonly WebApplication _api;

        private LocalServers(SeedProviderServer podero, WebApplication api, Uri apiBaseAddress)
        {
            Podero = podero;
            _api = api;
            ApiBaseAddress = apiBaseAddress;
        }

        public SeedProviderServer Podero { get; }

        public Uri ApiBaseAddress { get; }

        public static async Task<LocalServers> StartAsync()
        {
            var podero = await SeedProviderServer.StartAsync();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var api = builder.Build();
            api.MapGet("/api/partners/v2.0/users", (HttpContext context) =>
                context.Request.Headers.Authorization == "Bearer " + IssuedToken
                    ? Results.Text("[{\"id\":1,\"name\":\"Ada\"}]", "application/json")
                    : Results.Unauthorized());
            await api.StartAsync();
            var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new LocalServers(podero, api, new Uri(address + "/api/partners/v2.0/"));
        }

        public async ValueTask DisposeAsync()
        {
            await _api.DisposeAsync();
            await Podero.DisposeAsync();
        }
    }
}
