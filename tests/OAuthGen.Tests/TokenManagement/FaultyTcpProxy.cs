using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>What <see cref="FaultyTcpProxy"/> does to the traffic between a client and its server.</summary>
    internal enum NetworkFault
    {
        /// <summary>Bytes pass both ways.</summary>
        None,

        /// <summary>Open connections are reset and new ones are closed at once: a server that is down.</summary>
        Refuse,

        /// <summary>
        /// Connections open, but nothing passes either way while it lasts: a partitioned network. What was sent meanwhile
        /// is held and passes once the fault ends, as TCP's retransmissions would deliver it.
        /// </summary>
        Partition,

        /// <summary>Every chunk the client sends waits <see cref="FaultyTcpProxy.Delay"/> before it is passed on.</summary>
        Slow,
    }

    /// <summary>
    /// A TCP proxy on a free loopback port in front of <c>127.0.0.1:upstreamPort</c>, whose <see cref="Fault"/> can be
    /// changed at any moment. Disposing it closes its listener and every connection it holds.
    /// </summary>
    internal sealed class FaultyTcpProxy : IAsyncDisposable
    {
        private readonly int _upstreamPort;
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stopping = new();
        private readonly ConcurrentDictionary<Socket, byte> _sockets = new();
        private readonly ConcurrentDictionary<Task, byte> _connections = new();
        private readonly Task _accepting;
        private volatile NetworkFault _fault;

        public FaultyTcpProxy(int upstreamPort)
        {
            _upstreamPort = upstreamPort;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _accepting = AcceptAsync();
        }

        public int Port { get; }

        /// <summary>How long each chunk waits under <see cref="NetworkFault.Slow"/>.</summary>
        public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

        public NetworkFault Fault
        {
            get => _fault;
            set
            {
                _fault = value;
                if (value == NetworkFault.Refuse)
                {
                    foreach (var socket in _sockets.Keys)
                    {
                        Reset(socket);
                    }
                }
            }
        }

        /// <summary>Switches between <see cref="NetworkFault.None"/> and the faults given, every <paramref name="period"/>, until <paramref name="stop"/>.</summary>
        public async Task FlapAsync(TimeSpan period, CancellationToken stop, params NetworkFault[] faults)
        {
            try
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    Fault = i % 2 == 0 ? faults[i / 2 % faults.Length] : NetworkFault.None;
                    await Task.Delay(period, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        private async Task AcceptAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptSocketAsync(_stopping.Token);
                }
                catch (Exception) when (_stopping.IsCancellationRequested)
                {
                    return;
                }

                if (_fault == NetworkFault.Refuse)
                {
                    Reset(client);
                    continue;
                }

                var connection = RelayAsync(client);
                _connections.TryAdd(connection, 0);
                _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
            }
        }

        private async Task RelayAsync(Socket client)
        {
            using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _sockets.TryAdd(client, 0);
            _sockets.TryAdd(server, 0);
            try
            {
                await server.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _upstreamPort), _stopping.Token);
                using var oneSideClosed = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                var upstream = PumpAsync(client, server, delayed: true, oneSideClosed);
                var downstream = PumpAsync(server, client, delayed: false, oneSideClosed);
                await Task.WhenAll(upstream, downstream);
            }
            catch (Exception)
            {
                // A reset, a refused upstream or the proxy stopping: the connection is over either way.
            }
            finally
            {
                _sockets.TryRemove(client, out _);
                _sockets.TryRemove(server, out _);
                client.Dispose();
            }
        }

        private async Task PumpAsync(Socket from, Socket to, bool delayed, CancellationTokenSource oneSideClosed)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var read = await from.ReceiveAsync(buffer, SocketFlags.None, oneSideClosed.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    while (_fault == NetworkFault.Partition)
                    {
                        await Task.Delay(10, oneSideClosed.Token);
                    }

                    var fault = _fault;
                    if (fault == NetworkFault.Refuse)
                    {
                        return;
                    }

                    if (fault == NetworkFault.Slow && delayed)
                    {
                        await Task.Delay(Delay, oneSideClosed.Token);
                    }

                    for (var sent = 0; sent < read;)
                    {
                        sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, oneSideClosed.Token);
                    }
                }
            }
            catch (Exception)
            {
                // The other side went away or the proxy is stopping.
            }
            finally
            {
                oneSideClosed.Cancel();
                Reset(from);
                Reset(to);
            }
        }

        private static void Reset(Socket socket)
        {
            try
            {
                // A linger of zero closes with RST, as a crashed server's kernel would.
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stopping.Cancel();
            _listener.Stop();
            await _accepting;
            foreach (var socket in _sockets.Keys)
            {
                Reset(socket);
            }

            await Task.WhenAll(_connections.Keys);
            _stopping.Dispose();
        }
    }
}
