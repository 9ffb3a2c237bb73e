using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>
    /// A server that sends 256 MiB: refused at the 1 MiB limit, without reading the rest from the network (counted at
    /// the client's socket) or buffering it (measured as the bytes the whole process allocates during the call, so these
    /// tests run alone).
    /// </summary>
    [Collection(nameof(MeasuredCollection))]
    public class ResponseSizeTests(HostileServerFixture fixture, ITestOutputHelper output) : IClassFixture<HostileServerFixture>
    {
        private const long Offered = 256L * 1024 * 1024;
        private const long AllocationLimit = 16L * 1024 * 1024;

        // The 1 MiB limit, what SocketsHttpHandler may drain to reuse the connection (MaxResponseDrainSize, 1 MiB), and slack.
        private const long ReadLimit = 4L * 1024 * 1024;

        [Theory]
        [InlineData("huge", Auth.Basic, Grant.ClientCredentials)]
        [InlineData("huge", Auth.Post, Grant.AuthorizationCode)]
        [InlineData("huge-length", Auth.Basic, Grant.Password)]
        [InlineData("huge-length", Auth.Post, Grant.RefreshToken)]
        public async Task A_body_far_over_the_limit_is_refused_at_the_limit_in_bounded_memory(string scenario, Auth auth, Grant grant)
        {
            var server = fixture.Server;
            server.Reset();
            var received = new Counter();
            using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = (context, cancellationToken) => ConnectCountingAsync(context, received, cancellationToken) });
            // Warm up the client and server paths, so the measurement is of the refusal alone.
            await HostileCalls.CallAsync(auth, grant, http, HostileCredentials.Options(server.Endpoint("ok")));
            var warm = received.Bytes;

            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var error = await Assert.ThrowsAsync<OAuthException>(() => HostileCalls.CallAsync(auth, grant, http, HostileCredentials.Options(server.Endpoint(scenario))));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var read = received.Bytes - warm;

            output.WriteLine($"{scenario}: the server offered {Offered / 1024 / 1024} MiB; the client read {read / 1024.0 / 1024.0:F2} MiB from its socket " +
                $"and the process allocated {allocated / 1024.0 / 1024.0:F2} MiB during the call (the server handed Kestrel {server.HugeBytesWritten / 1024.0 / 1024.0:F1} MiB " +
                "before it saw the client hang up)");
            Assert.Contains("larger than 1048576 bytes (OAuthClientOptions.MaxResponseBytes)", error.Message);
            Assert.InRange(read, 0, ReadLimit);
            Assert.InRange(allocated, 0, AllocationLimit);
            Assert.True(await HostileServerFixture.EventuallyAsync(() => server.PendingHandlers == 0, TimeSpan.FromSeconds(10)), "the server is still writing");
        }

        private static async ValueTask<Stream> ConnectCountingAsync(SocketsHttpConnectionContext context, Counter counter, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new CountingStream(new NetworkStream(socket, ownsSocket: true), counter);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        private sealed class Counter
        {
            private long _bytes;

            public long Bytes => Interlocked.Read(ref _bytes);

            public void Add(int count) => Interlocked.Add(ref _bytes, count);
        }

        /// <summary>Counts the bytes the client reads from its socket.</summary>
        private sealed class CountingStream(Stream inner, Counter counter) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var read = inner.Read(buffer, offset, count);
                counter.Add(read);
                return read;
            }

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                var read = await inner.ReadAsync(buffer, cancellationToken);
                counter.Add(read);
                return read;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

            public override void Flush() => inner.Flush();

            public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }

    /// <summary>Tests that measure the whole process run alone.</summary>
    [CollectionDefinition(nameof(MeasuredCollection), DisableParallelization = true)]
    public sealed class MeasuredCollection
    {
    }
}
