using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
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
using SeedProviders.Emulators;
using SeedProviders.Protocol;

namespace SeedProviders;

/// <summary>
/// Strict loopback emulators of the five seed token endpoints, one Kestrel app per provider on 127.0.0.1.
/// Every request is recorded, byte for byte, before it is validated.
/// </summary>
public sealed class SeedProviderServer : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly Dictionary<string, Uri> _baseAddresses = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _requestsLock = new();
    private int _disposed;

    private SeedProviderServer()
    {
    }

    public Uri AferoBaseAddress => _baseAddresses[AferoEmulator.ProviderName];

    public Uri ConfigApiBaseAddress => _baseAddresses[ConfigApiEmulator.ProviderName];

    public Uri BarApiBaseAddress => _baseAddresses[BarApiEmulator.ProviderName];

    public Uri ConnectedHomeBaseAddress => _baseAddresses[ConnectedHomeEmulator.ProviderName];

    public Uri PoderoBaseAddress => _baseAddresses[PoderoEmulator.ProviderName];

    /// <summary>A snapshot of every request received by any emulator, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsLock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<SeedProviderServer> StartAsync(SeedCredentials? credentials = null, CancellationToken ct = default)
    {
        credentials ??= new SeedCredentials();
        var server = new SeedProviderServer();
        try
        {
            IProviderEmulator[] emulators =
            [
                new AferoEmulator(credentials),
                new ConfigApiEmulator(credentials),
                new BarApiEmulator(credentials),
                new ConnectedHomeEmulator(credentials),
                new PoderoEmulator(credentials),
            ];
            foreach (var emulator in emulators)
            {
                await server.StartEmulatorAsync(emulator, ct).ConfigureAwait(false);
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The most recent request received by <paramref name="provider"/> (afero, configapi, barapi, connectedhome, podero).</summary>
    public RecordedRequest LastRequest(string provider)
    {
        if (!_baseAddresses.ContainsKey(provider))
        {
            throw new ArgumentException($"Unknown provider '{provider}'; expected one of: {string.Join(", ", _baseAddresses.Keys)}.", nameof(provider));
        }

        lock (_requestsLock)
        {
            return _requests.LastOrDefault(r => r.Provider == provider)
                ?? throw new InvalidOperationException($"The {provider} emulator has not received a request.");
        }
    }

    public void ClearRequests()
    {
        lock (_requestsLock)
        {
            _requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var app in _apps)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartEmulatorAsync(IProviderEmulator emulator, CancellationToken ct)
    {
        // The empty builder reads no configuration files (no file watchers) and registers no log providers.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        _apps.Add(app);
        app.Run(context => HandleAsync(context, emulator));
        await app.StartAsync(ct).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _baseAddresses.Add(emulator.Name, new Uri(address + "/"));
    }

    private async Task HandleAsync(HttpContext context, IProviderEmulator emulator)
    {
        var request = await CaptureAsync(context, emulator.Name).ConfigureAwait(false);
        lock (_requestsLock)
        {
            _requests.Add(request);
        }

        Reply reply;
        try
        {
            reply = emulator.Handle(request);
        }
        catch (RequestRejectedException rejection)
        {
            reply = rejection.Reply;
        }

        await WriteAsync(context.Response, reply, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<RecordedRequest> CaptureAsync(HttpContext context, string provider)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);

        // RawTarget is the request target as sent: no percent-decoding, no path normalization.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var headers = context.Request.Headers.ToDictionary(
            header => header.Key,
            header => string.Join(", ", header.Value.ToArray()),
            StringComparer.OrdinalIgnoreCase);

        return new RecordedRequest(
            provider,
            context.Request.Method,
            queryStart < 0 ? target : target[..queryStart],
            queryStart < 0 ? "" : target[queryStart..],
            headers.AsReadOnly(),
            body.ToArray(),
            context.Request.ContentType);
    }

    private static async Task WriteAsync(HttpResponse response, Reply reply, CancellationToken ct)
    {
        response.StatusCode = reply.StatusCode;
        // RFC 6749 §5.1: token responses must not be cached.
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        if (reply.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            response.ContentType = "application/json";
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
        }
    }
}
