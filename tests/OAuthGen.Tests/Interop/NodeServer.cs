using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Interop
{
    /// <summary>
    /// An authorization server written by others, run on Node.js from tests/servers on a loopback port chosen at run
    /// time; one per test class (an xunit class fixture). Start-up waits for the script's READY line and then for the
    /// server to answer over HTTP (30 s at most, three attempts on a taken port or a hang); dispose closes the server's
    /// stdin, on which it exits, and after two seconds kills the process tree by its id. Everything the server prints is
    /// kept, and <see cref="RunAsync"/> puts it into the message of a failing test.
    /// </summary>
    public abstract class NodeServer : IAsyncLifetime
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
        private const int StartAttempts = 3;

        private readonly string _script;
        private readonly List<string> _output = new();
        private Process? _process;
        private Uri? _origin;

        protected NodeServer(string script)
        {
            _script = script;
        }

        /// <summary>tests/servers, where the scripts and their node_modules are.</summary>
        public static string ServersDirectory { get; } = Path.Combine(DotnetCli.RepositoryRoot, "tests", "servers");

        /// <summary>The server's origin, <c>http://127.0.0.1:PORT</c> (oidc-provider's issuer), without a trailing slash.</summary>
        public string Origin => (_origin ?? throw new InvalidOperationException(_script + " is not running.")).GetLeftPart(UriPartial.Authority);

        /// <summary>The origin with a trailing slash: the <c>HttpClient.BaseAddress</c> for relative endpoints.</summary>
        public Uri BaseAddress => new(Origin + "/");

        /// <summary>The process id of the running server.</summary>
        public int ProcessId => _process?.Id ?? throw new InvalidOperationException(_script + " is not running.");

        /// <summary>How many lines the server has printed so far (stdout and stderr).</summary>
        public int OutputLineCount
        {
            get
            {
                lock (_output)
                {
                    return _output.Count;
                }
            }
        }

        /// <summary>Everything the server has printed so far, stderr lines marked <c>!</c>.</summary>
        public string Output => OutputSince(0);

        /// <summary>What the server printed from line <paramref name="line"/> on.</summary>
        public string OutputSince(int line)
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output.Skip(Math.Min(line, _output.Count)));
            }
        }

        /// <summary>
        /// Runs a test against the server; when it fails, the failure (an <see cref="InteropTestFailure"/> around the
        /// original exception) carries what the server printed while the test ran.
        /// </summary>
        public async Task RunAsync(Func<Task> test)
        {
            var first = OutputLineCount;
            try
            {
                await test().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The server logs a request when its answer is sent, so its last lines may still be on their way.
                await Task.Delay(250).ConfigureAwait(false);
                var server = _script + " (pid " + (_process?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-") + ", " + (_origin?.GetLeftPart(UriPartial.Authority) ?? "not started") + ")";
                throw new InteropTestFailure(server, e, OutputSince(first));
            }
        }

        /// <summary>
        /// An HttpClient for the server (its <c>BaseAddress</c> is <see cref="BaseAddress"/>), without a proxy, following
        /// no redirects unless asked, through <paramref name="handler"/> when given.
        /// </summary>
        public HttpClient CreateHttpClient(DelegatingHandler? handler = null, bool followRedirects = false, CookieContainer? cookies = null)
        {
            HttpMessageHandler transport = new SocketsHttpHandler
            {
                AllowAutoRedirect = followRedirects,
                UseProxy = false,
                UseCookies = cookies is not null,
                CookieContainer = cookies ?? new CookieContainer(),
                ConnectTimeout = TimeSpan.FromSeconds(5),
            };
            if (handler is not null)
            {
                handler.InnerHandler = transport;
                transport = handler;
            }

            return new HttpClient(transport)
            {
                BaseAddress = BaseAddress,
                Timeout = TimeSpan.FromSeconds(20),
            };
        }

        /// <summary>Answers whether the server is ready to serve the tests.</summary>
        protected abstract Task<bool> IsReadyAsync(HttpClient http, CancellationToken cancellationToken);

        public async Task InitializeAsync()
        {
            if (!File.Exists(Path.Combine(ServersDirectory, "node_modules", ".package-lock.json")))
            {
                throw new InvalidOperationException(
                    "The interop test servers are not installed: " + Path.Combine(ServersDirectory, "node_modules") + " is missing. " +
                    "Building tests/OAuthGen.Tests runs `npm ci` there (it needs Node.js and npm on PATH); or run `npm ci` in tests/servers yourself.");
            }

            for (var attempt = 1; ; attempt++)
            {
                var port = FreeLoopbackPort();
                try
                {
                    await StartAsync(port).ConfigureAwait(false);
                    return;
                }
                catch (RetryableStartFailure e) when (attempt < StartAttempts)
                {
                    // The port was taken between our probe and node's bind, or the server hung: another port, a new process.
                    Log("(attempt " + attempt + " on port " + port + ": " + e.Message + "; retrying)");
                    await StopAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    await StopAsync().ConfigureAwait(false);
                    throw new InvalidOperationException(
                        "node " + _script + ": " + e.Message + Environment.NewLine + "--- server output ---" + Environment.NewLine + Output, e);
                }
            }
        }

        public Task DisposeAsync() => StopAsync();

        private async Task StartAsync(int port)
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = ServersDirectory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(_script);
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.Environment["EXIT_ON_STDIN_CLOSE"] = "1"; // the server exits if this test host dies without disposing it
            start.Environment["NO_COLOR"] = "1";
            start.Environment.Remove("NODE_OPTIONS");

            var firstLine = OutputLineCount;
            var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                Log(e.Data);
                if (e.Data.StartsWith("READY ", StringComparison.Ordinal) && Uri.TryCreate(e.Data.Substring(6).Trim(), UriKind.Absolute, out var origin))
                {
                    ready.TrySetResult(origin);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Log("! " + e.Data);
                }
            };
            process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the process exited before it was ready"));

            Log("> node " + _script + " " + port + " (in " + ServersDirectory + ")");
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                process.Dispose();
                throw new InvalidOperationException("could not be started: the interop tests need Node.js 20.19 or later on PATH (" + e.Message + ")", e);
            }

            _process = process;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var clock = Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(StartTimeout);
            try
            {
                _origin = await ready.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
                Log("(READY after " + clock.ElapsedMilliseconds + " ms)");
                using var http = CreateHttpClient();
                http.Timeout = TimeSpan.FromSeconds(5);
                while (true)
                {
                    timeout.Token.ThrowIfCancellationRequested();
                    try
                    {
                        if (await IsReadyAsync(http, timeout.Token).ConfigureAwait(false))
                        {
                            Log("(answering at " + Origin + " after " + clock.ElapsedMilliseconds + " ms, pid " + process.Id + ")");
                            return;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !timeout.IsCancellationRequested)
                    {
                        Log("(probe failed after " + clock.ElapsedMilliseconds + " ms: " + e.GetType().Name + ": " + e.Message + ")");
                    }

                    if (process.HasExited)
                    {
                        throw new InvalidOperationException("exited with code " + process.ExitCode + ".");
                    }

                    await Task.Delay(100, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                // Wait for the last lines of a process that died, so the message says why.
                if (process.HasExited || process.WaitForExit(500))
                {
                    process.WaitForExit();
                }

                if (OutputSince(firstLine).Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    throw new RetryableStartFailure("the port was taken");
                }

                if (e is OperationCanceledException)
                {
                    throw new RetryableStartFailure("not ready within " + StartTimeout.TotalSeconds + " s (" + (_origin is null ? "no READY line" : "READY, but no answer") + ")");
                }

                throw new InvalidOperationException("failed to start: " + e.Message, e);
            }
        }

        private async Task StopAsync()
        {
            var process = _process;
            _process = null;
            if (process is null)
            {
                return;
            }

            try
            {
                if (!process.HasExited)
                {
                    // The gentle way first: the script exits when its stdin closes. Then by id, the whole tree.
                    try
                    {
                        process.StandardInput.Close();
                    }
                    catch (IOException)
                    {
                    }

                    using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    try
                    {
                        await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        process.Kill(entireProcessTree: true);
                        using var stop = new CancellationTokenSource(StopTimeout);
                        await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            finally
            {
                process.Dispose();
            }
        }

        private void Log(string line)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }

        private static int FreeLoopbackPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            finally
            {
                listener.Stop();
            }
        }

        private sealed class RetryableStartFailure : Exception
        {
            public RetryableStartFailure(string message)
                : base(message)
            {
            }
        }
    }

    /// <summary>oidc-provider (tests/servers/oidc.js): ready when its discovery document names it as the issuer.</summary>
    public sealed class OidcProviderServer : NodeServer
    {
        public OidcProviderServer()
            : base("oidc.js")
        {
        }

        public Uri TokenEndpoint => new(Origin + "/token");

        public Uri MetadataAddress => new(Origin + "/.well-known/openid-configuration");

        protected override async Task<bool> IsReadyAsync(HttpClient http, CancellationToken cancellationToken)
        {
            using var response = await http.GetAsync(".well-known/openid-configuration", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return document.RootElement.GetProperty("issuer").GetString() == Origin;
        }
    }

    /// <summary>@node-oauth/oauth2-server (tests/servers/password.js): ready when its token endpoint refuses an empty request.</summary>
    public sealed class PasswordServer : NodeServer
    {
        public PasswordServer()
            : base("password.js")
        {
        }

        public Uri TokenEndpoint => new(Origin + "/token");

        protected override async Task<bool> IsReadyAsync(HttpClient http, CancellationToken cancellationToken)
        {
            using var content = new FormUrlEncodedContent(Array.Empty<KeyValuePair<string, string>>());
            using var response = await http.PostAsync("token", content, cancellationToken).ConfigureAwait(false);
            return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized;
        }
    }

    /// <summary>A failed interop test, with what the server printed while it ran.</summary>
    public sealed class InteropTestFailure : Exception
    {
        public InteropTestFailure(string server, Exception failure, string serverOutput)
            : base(failure.Message + Environment.NewLine + "--- output of " + server + " during the test ---" + Environment.NewLine + serverOutput, failure)
        {
        }
    }
}
