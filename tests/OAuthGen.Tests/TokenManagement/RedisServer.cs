using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using StackExchange.Redis;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>
    /// A real redis-server (Debian's) on a free loopback port, with no persistence, started for the tests of a class and
    /// stopped by its process id. `.ci/run` installs redis-server where it is missing.
    /// </summary>
    public sealed class RedisServer : IAsyncLifetime
    {
        private Process? _process;

        public int Port { get; private set; }

        public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000,connectRetry=0";

        public async Task InitializeAsync()
        {
            var executable = FindRedisServer()
                ?? throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server (bash .ci/run does this).");
            Port = FreeLoopbackPort();
            var start = new ProcessStartInfo(executable)
            {
                // No RDB snapshots, no append-only file, no working files left behind: a cache that dies with the process.
                ArgumentList = { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", Path.GetTempPath(), "--daemonize", "no", "--protected-mode", "yes" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            for (var attempt = 0; attempt < 100; attempt++)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} on port {Port}.");
                }

                try
                {
                    await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=500");
                    await connection.GetDatabase().PingAsync();
                    return;
                }
                catch (RedisConnectionException)
                {
                    await Task.Delay(50);
                }
            }

            throw new TimeoutException($"redis-server did not answer on port {Port}.");
        }

        /// <summary>Kills the server, as a crash would.</summary>
        public void Kill()
        {
            if (_process is { HasExited: false })
            {
                Process.GetProcessById(_process.Id).Kill();
                _process.WaitForExit();
            }
        }

        public Task DisposeAsync()
        {
            Kill();
            _process?.Dispose();
            return Task.CompletedTask;
        }

        private static string? FindRedisServer()
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(directory, "redis-server");
                if (directory.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null;
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
