using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Pipelines;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// A token server on 127.0.0.1 that misbehaves in one way per path (<c>/{scenario}/token</c>), and a second listener
    /// on another port, "the other origin", that answers anything with a tempting token and records every byte it
    /// receives. Both record raw bytes below HTTP, so a request cut off after its headers still shows.
    /// </summary>
    internal sealed class HostileTokenServer : IAsyncDisposable
    {
        public const string GoodAccessToken = "access-Sentinel-hostile-good";
        public const string StolenAccessToken = "stolen-Sentinel-other-origin";

        /// <summary>The credentials of the answers refused for another fault (a bad expires_in): they must not show either.</summary>
        public const string RefusedAccessToken = "refused-access-Sentinel";

        public const string RefusedRefreshToken = "refused-refresh-Sentinel";

        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
        private WebApplication? _main;
        private WebApplication? _other;
        private int _pendingHandlers;
        private long _hugeBytesWritten;

        private HostileTokenServer()
        {
        }

        /// <summary>http://127.0.0.1:port/ of the token server.</summary>
        public Uri BaseAddress { get; private set; } = null!;

        /// <summary>http://127.0.0.1:another-port/ of the other origin.</summary>
        public Uri OtherOrigin { get; private set; } = null!;

        public Transcript Main { get; } = new();

        public Transcript Other { get; } = new();

        /// <summary>Handlers of the token server still running: a request the client gave up on must not stay here.</summary>
        public int PendingHandlers => Volatile.Read(ref _pendingHandlers);

        /// <summary>Bytes the "huge" endpoint handed to Kestrel before it saw the client hang up (an upper bound of what was sent).</summary>
        public long HugeBytesWritten => Interlocked.Read(ref _hugeBytesWritten);

        /// <summary>Completes when a hanging handler sees its request aborted by the client.</summary>
        public TaskCompletionSource HangAborted { get; private set; } = NewSignal();

        public static async Task<HostileTokenServer> StartAsync()
        {
            var server = new HostileTokenServer();
            try
            {
                (server._other, server.OtherOrigin) = await StartAppAsync(server.Other, server.HandleOtherAsync);
                (server._main, server.BaseAddress) = await StartAppAsync(server.Main, server.HandleAsync);
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        /// <summary>The token endpoint that behaves as <paramref name="scenario"/> says.</summary>
        public Uri Endpoint(string scenario) => new(BaseAddress, scenario + "/token");

        /// <summary>How many requests reached <paramref name="scenario"/>.</summary>
        public int Count(string scenario) => _counts.TryGetValue(scenario, out var count) ? count : 0;

        /// <summary>Forgets counts, transcripts and signals: each test starts from a quiet server.</summary>
        public void Reset()
        {
            _counts.Clear();
            Main.Clear();
            Other.Clear();
            HangAborted = NewSignal();
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var app in new[] { _main, _other })
            {
                if (app is not null)
                {
                    await app.StopAsync();
                    await app.DisposeAsync();
                }
            }
        }

        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

        private static async Task<(WebApplication App, Uri Address)> StartAppAsync(Transcript transcript, RequestDelegate handler)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IHostLifetime, SeedProviders.EmbeddedHostLifetime>();
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                // Every byte the client sends, as it arrives, before Kestrel parses it.
                transcript.Connected();
                var transport = connection.Transport;
                connection.Transport = new DuplexPipe(PipeReader.Create(new TeeStream(transport.Input.AsStream(leaveOpen: true), transcript)), transport.Output);
                try
                {
                    await next(connection);
                }
                finally
                {
                    connection.Transport = transport;
                }
            })));
            var app = builder.Build();
            app.Run(handler);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return (app, new Uri(address + "/"));
        }

        private async Task HandleOtherAsync(HttpContext context)
        {
            await DrainAsync(context);
            await Json(context, 200, $"{{\"access_token\":\"{StolenAccessToken}\",\"token_type\":\"Bearer\",\"expires_in\":3600}}");
        }

        private async Task HandleAsync(HttpContext context)
        {
            Interlocked.Increment(ref _pendingHandlers);
            try
            {
                var path = context.Request.Path.Value ?? "/";
                var scenario = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                var count = _counts.AddOrUpdate(scenario, 1, (_, n) => n + 1);
                await RespondAsync(context, scenario, count);
            }
            finally
            {
                Interlocked.Decrement(ref _pendingHandlers);
            }
        }

        private async Task RespondAsync(HttpContext context, string scenario, int count)
        {
            var aborted = context.RequestAborted;
            switch (scenario)
            {
                case "ok":
                    await DrainAsync(context);
                    await Json(context, 200, GoodToken);
                    return;

                case "hang":
                    // Accepts the request and never answers.
                    try
                    {
                        await Task.Delay(Timeout.Infinite, aborted);
                    }
                    catch (OperationCanceledException)
                    {
                        HangAborted.TrySetResult();
                    }

                    return;

                case "stall-body":
                    // Headers and the start of a body, then nothing.
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"access_token\":\"abc\",", aborted);
                    await context.Response.Body.FlushAsync(aborted);
                    try
                    {
                        await Task.Delay(Timeout.Infinite, aborted);
                    }
                    catch (OperationCanceledException)
                    {
                        HangAborted.TrySetResult();
                    }

                    return;

                case "html500":
                    context.Response.StatusCode = 500;
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.WriteAsync("<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n<body><h1>Internal Server Error</h1><p>The server encountered an unexpected condition.</p></body></html>\n", aborted);
                    return;

                case "unavailable":
                    // Down for a while, and says so.
                    context.Response.Headers.RetryAfter = "120";
                    await Text(context, 503, "text/plain", "Service Unavailable: maintenance until 14:00 UTC");
                    return;

                case "flaky503":
                case "flaky503-retry-after-3":
                case "flaky502":
                case "flaky504":
                    // Fails the first request of each run, then answers.
                    await DrainAsync(context);
                    if (count % 2 == 1)
                    {
                        if (scenario.EndsWith("-retry-after-3", StringComparison.Ordinal))
                        {
                            context.Response.Headers.RetryAfter = "3";
                        }

                        var status = scenario.StartsWith("flaky502", StringComparison.Ordinal) ? 502 : scenario.StartsWith("flaky504", StringComparison.Ordinal) ? 504 : 503;
                        await Text(context, status, "text/plain", "temporarily unavailable");
                        return;
                    }

                    await Json(context, 200, GoodToken);
                    return;

                case "always503":
                    await DrainAsync(context);
                    await Text(context, 503, "text/plain", "temporarily unavailable, again");
                    return;

                case "flaky-reset":
                    // Drops the connection without an answer the first time.
                    await DrainAsync(context);
                    if (count % 2 == 1)
                    {
                        context.Abort();
                        return;
                    }

                    await Json(context, 200, GoodToken);
                    return;

                case "truncated-length":
                    // Promises 400 bytes, sends 40, hangs up.
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength = 400;
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"access_token\":\"abcdefghij\",\"expires_"), aborted);
                    await context.Response.Body.FlushAsync(aborted);
                    // Let the client take the headers and start on the body, then hang up on it. A flush only hands the bytes
                    // to the transport: an abort before they are on the wire drops them, so the wait leaves room for a busy machine.
                    await Task.Delay(1000, aborted);
                    context.Abort();
                    return;

                case "truncated-chunked":
                    // Chunked, hangs up inside the body.
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"access_token\":\"abcdefghij\",\"expires_"), aborted);
                    await context.Response.Body.FlushAsync(aborted);
                    // Let the client take the headers and start on the body, then hang up on it. A flush only hands the bytes
                    // to the transport: an abort before they are on the wire drops them, so the wait leaves room for a busy machine.
                    await Task.Delay(1000, aborted);
                    context.Abort();
                    return;

                case "truncated-json":
                    // A complete HTTP answer whose JSON stops halfway.
                    await Json(context, 200, "{\"access_token\":\"abcdefghij\",\"token_type\":\"Bear");
                    return;

                case "huge":
                case "huge-length":
                    await HugeAsync(context, scenario == "huge-length");
                    return;

                case "error401":
                    // RFC 6749 §5.2 in a 401, quoting back what the client sent (as careless servers do).
                    var echo = await EchoAsync(context);
                    context.Response.Headers.WWWAuthenticate = "Basic realm=\"token\"";
                    await Json(context, 401, JsonSerializer.Serialize(new { error = "invalid_client", error_description = "Client authentication failed for " + echo, error_uri = "https://errors.example/invalid_client" }));
                    return;

                case "error200":
                    // The same error in a 200, as some providers do.
                    var echoed = await EchoAsync(context);
                    await Json(context, 200, JsonSerializer.Serialize(new { error = "invalid_grant", error_description = "The grant is not valid: " + echoed }));
                    return;

                case "form":
                    await DrainAsync(context);
                    await Text(context, 200, "application/x-www-form-urlencoded", "access_token=" + GoodAccessToken + "&token_type=bearer&expires_in=3600&scope=read+write");
                    return;

                case "textplain":
                    await DrainAsync(context);
                    await Text(context, 200, "text/plain", GoodToken);
                    return;

                case "no-access-token":
                    await DrainAsync(context);
                    await Json(context, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600}");
                    return;

                case "negative-expiry":
                    await DrainAsync(context);
                    await Json(context, 200, "{\"access_token\":\"" + RefusedAccessToken + "\",\"expires_in\":-3600,\"refresh_token\":{\"value\":\"" + RefusedRefreshToken + "\"}}");
                    return;

                case "absurd-expiry":
                    await DrainAsync(context);
                    await Json(context, 200, "{\"access_token\":\"" + RefusedAccessToken + "\",\"expires_in\":1e300,\"refresh_token\":{\"value\":\"" + RefusedRefreshToken + "\"}}");
                    return;

                case "huge-expiry":
                    // Representable, but past DateTimeOffset.MaxValue from now.
                    await DrainAsync(context);
                    await Json(context, 200, "{\"access_token\":\"abc\",\"expires_in\":315537897599}");
                    return;

                case "word-expiry":
                    await DrainAsync(context);
                    await Json(context, 200, "{\"access_token\":\"" + RefusedAccessToken + "\",\"expires_in\":\"soon\",\"refresh_token\":{\"value\":\"" + RefusedRefreshToken + "\"}}");
                    return;

                case "empty":
                    await DrainAsync(context);
                    context.Response.StatusCode = 200;
                    context.Response.ContentLength = 0;
                    return;

                case "invalid-utf8":
                    await DrainAsync(context);
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/json";
                    await context.Response.Body.WriteAsync(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}' }, aborted);
                    return;

                case "discovery":
                    // RFC 8414 / OpenID Connect metadata whose issuer matches its address, pointing at the "ok" endpoint.
                    await DrainAsync(context);
                    var origin = BaseAddress.GetLeftPart(UriPartial.Authority);
                    await Json(context, 200, JsonSerializer.Serialize(new Dictionary<string, string>
                    {
                        ["issuer"] = origin + "/discovery",
                        ["token_endpoint"] = origin + "/ok/token",
                        ["authorization_endpoint"] = origin + "/ok/authorize",
                    }));
                    return;

                case "decode":
                    await DecodeAsync(context);
                    return;

                default:
                    if (scenario.StartsWith("redirect-", StringComparison.Ordinal))
                    {
                        await RedirectAsync(context, scenario);
                        return;
                    }

                    await Text(context, 404, "text/plain", "no such scenario: " + scenario);
                    return;
            }
        }

        private static string GoodToken =>
            $"{{\"access_token\":\"{GoodAccessToken}\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"refresh-Sentinel-hostile\",\"id_token\":\"id-Sentinel-hostile\"}}";

        // redirect-{status}-{where}: where is port (the other origin), host (localhost on this port), scheme (https on
        // this host and port) or same (this origin, the "ok" endpoint).
        private async Task RedirectAsync(HttpContext context, string scenario)
        {
            await DrainAsync(context);
            var parts = scenario.Split('-');
            var status = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            var location = parts[2] switch
            {
                "port" => new Uri(OtherOrigin, "steal/token?from=" + scenario),
                "host" => new UriBuilder(BaseAddress) { Host = "localhost", Path = "/steal/token" }.Uri,
                "scheme" => new UriBuilder(BaseAddress) { Scheme = "https", Path = "/steal/token" }.Uri,
                "same" => new Uri(BaseAddress, "ok/token"),
                _ => throw new InvalidOperationException(scenario),
            };
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location.AbsoluteUri;
        }

        private async Task HugeAsync(HttpContext context, bool announceLength)
        {
            const long total = 256L * 1024 * 1024;
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            if (announceLength)
            {
                context.Response.ContentLength = total;
            }

            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            chunk[0] = (byte)'{';
            Interlocked.Exchange(ref _hugeBytesWritten, 0);
            try
            {
                // Kestrel turns writes into no-ops once the connection is gone, so stop when told it is.
                for (long sent = 0; sent < total && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    Interlocked.Add(ref _hugeBytesWritten, chunk.Length);
                    chunk[0] = (byte)' ';
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException)
            {
                // The client hung up: what it should do.
            }
        }

        // Decodes the client's credentials as RFC 6749 §2.3.1 says a server must (or raw, for /decode/plain/...),
        // reads the form or JSON body, and answers with a token that carries what it found.
        private static async Task DecodeAsync(HttpContext context)
        {
            var plain = (context.Request.Path.Value ?? "").Contains("/plain/", StringComparison.Ordinal);
            string? basicId = null;
            string? basicSecret = null;
            var authorization = context.Request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Basic ", StringComparison.Ordinal))
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Substring(6)));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                basicId = pair.Substring(0, colon);
                basicSecret = pair.Substring(colon + 1);
                if (!plain)
                {
                    basicId = FormDecode(basicId);
                    basicSecret = FormDecode(basicSecret);
                }
            }

            var body = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);
            if (context.Request.HasFormContentType)
            {
                foreach (var field in await context.Request.ReadFormAsync(context.RequestAborted))
                {
                    body[field.Key] = field.Value.ToString();
                }
            }
            else
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    body[property.Name] = property.Value.GetString() ?? "";
                }
            }

            var answer = new System.Collections.Generic.Dictionary<string, string?>
            {
                ["access_token"] = "decoded",
                ["token_type"] = "Bearer",
                ["seen_basic_id"] = basicId,
                ["seen_basic_secret"] = basicSecret,
                ["seen_body_client_id"] = body.GetValueOrDefault("client_id"),
                ["seen_body_client_secret"] = body.GetValueOrDefault("client_secret"),
                ["seen_username"] = body.GetValueOrDefault("username"),
                ["seen_password"] = body.GetValueOrDefault("password"),
                ["seen_scope"] = body.GetValueOrDefault("scope"),
            };
            await Json(context, 200, JsonSerializer.Serialize(answer));
        }

        // RFC 6749 Appendix B: '+' is a space, %XX a UTF-8 byte.
        private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

        private static async Task<string> EchoAsync(HttpContext context)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            return "Authorization: " + context.Request.Headers.Authorization + ", body: " + Encoding.UTF8.GetString(body.ToArray());
        }

        private static async Task DrainAsync(HttpContext context)
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }

        private static Task Json(HttpContext context, int status, string json) => Text(context, status, "application/json", json);

        private static async Task Text(HttpContext context, int status, string contentType, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = bytes.Length;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }

        /// <summary>Everything clients sent to one listener, byte for byte, and how many connections they opened.</summary>
        internal sealed class Transcript
        {
            private readonly MemoryStream _bytes = new();
            private int _connections;

            public int Connections => Volatile.Read(ref _connections);

            /// <summary>The received bytes as Latin-1 text (one char per byte), for searching.</summary>
            public string Text
            {
                get
                {
                    lock (_bytes)
                    {
                        return Encoding.Latin1.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length);
                    }
                }
            }

            public long Length
            {
                get
                {
                    lock (_bytes)
                    {
                        return _bytes.Length;
                    }
                }
            }

            public void Clear()
            {
                lock (_bytes)
                {
                    _bytes.SetLength(0);
                }

                Interlocked.Exchange(ref _connections, 0);
            }

            public void Connected() => Interlocked.Increment(ref _connections);

            public void Append(ReadOnlySpan<byte> bytes)
            {
                lock (_bytes)
                {
                    // Enough to search, never unbounded (the huge endpoint does not send its bytes this way).
                    if (_bytes.Length < 4 * 1024 * 1024)
                    {
                        _bytes.Write(bytes);
                    }
                }
            }
        }

        private sealed class TeeStream(Stream inner, Transcript transcript) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var read = inner.Read(buffer, offset, count);
                transcript.Append(buffer.AsSpan(offset, read));
                return read;
            }

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                var read = await inner.ReadAsync(buffer, cancellationToken);
                transcript.Append(buffer.Span.Slice(0, read));
                return read;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
        {
            public PipeReader Input => input;

            public PipeWriter Output => output;
        }
    }
}
