using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OAuthGen.Tests.RealWorld
{
    /// <summary>One request as the emulator received it.</summary>
    internal sealed record EmulatedRequest(string Host, string Method, string Path, string Query, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers);

    /// <summary>What the emulator answers.</summary>
    internal sealed record EmulatedAnswer(int Status, string ContentType, string Body)
    {
        public static EmulatedAnswer Json(string body, int status = 200) => new(status, "application/json", body);

        public static EmulatedAnswer Form(string body, int status = 200) => new(status, "text/plain; charset=utf-8", body);
    }

    /// <summary>
    /// A provider as its documentation says it answers, on a loopback Kestrel server with TLS. The client keeps the
    /// provider's real https address (so the endpoint the declaration makes is what is tested, host included);
    /// <see cref="Handler"/> only connects the socket to loopback.
    /// </summary>
    internal sealed class ProviderEmulator : IAsyncDisposable
    {
        private readonly ConcurrentQueue<EmulatedRequest> _requests = new();
        private readonly Func<EmulatedRequest, EmulatedAnswer> _answer;
        private readonly X509Certificate2 _certificate = SelfSigned();
        private WebApplication? _app;

        private ProviderEmulator(Func<EmulatedRequest, EmulatedAnswer> answer)
        {
            _answer = answer;
        }

        public Uri Address { get; private set; } = null!;

        public IReadOnlyList<EmulatedRequest> Requests => _requests.ToArray();

        public EmulatedRequest Last => _requests.Last();

        public static async Task<ProviderEmulator> StartAsync(Func<EmulatedRequest, EmulatedAnswer> answer)
        {
            var emulator = new ProviderEmulator(answer);
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(emulator._certificate)));
            var app = builder.Build();
            app.Run(emulator.HandleAsync);
            await app.StartAsync();
            emulator._app = app;
            emulator.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
            return emulator;
        }

        /// <summary>An HttpClient whose every request, to whatever host, reaches this emulator.</summary>
        public HttpClient Http() => new(Handler());

        /// <summary>
        /// A handler that connects every request, to whatever host, to this emulator over TLS with its own certificate
        /// (pinned): the request URI, and so the Host header, stay the provider's (for IHttpClientFactory).
        /// </summary>
        public HttpMessageHandler Handler() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, Address.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString() },
        };

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }

            _certificate.Dispose();
        }

        private async Task HandleAsync(HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = new EmulatedRequest(
                context.Request.Scheme + "://" + context.Request.Host.Value,
                context.Request.Method,
                RawPath(context),
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.ContentType ?? string.Empty,
                body,
                headers);
            _requests.Enqueue(request);
            var answer = _answer(request);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body);
        }

        // As it came on the wire, not decoded: what the client escaped is what is asserted.
        private static string RawPath(HttpContext context)
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
            var query = target.IndexOf('?');
            return query < 0 ? target : target.Substring(0, query);
        }

        private static X509Certificate2 SelfSigned()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=provider-emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            // Exported and re-imported so that Kestrel can use the private key on every platform.
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }
}
