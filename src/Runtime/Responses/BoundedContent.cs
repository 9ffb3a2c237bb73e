using System;
using System.Buffers;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>Reads a response body into a pooled buffer, refusing one larger than a limit without reading past it.</summary>
    internal static class BoundedContent
    {
        /// <summary>The body in a buffer from <see cref="ArrayPool{T}.Shared"/> (the caller gives it back with <see cref="Return"/>) and its length.</summary>
        public static async Task<(byte[] Bytes, int Length)> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
        {
            if (content.Headers.ContentLength > limit)
            {
                throw TooLarge(limit);
            }

#if NET
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            var length = 0;
            try
            {
                while (true)
                {
                    if (length > limit)
                    {
                        throw TooLarge(limit);
                    }

                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        Return(buffer, length);
                        buffer = larger;
                    }

                    // Never ask for more than one byte past the limit: a huge body is refused, not buffered.
                    var wanted = Math.Min(buffer.Length - length, limit + 1 - length);
                    var read = await stream.ReadAsync(buffer, length, wanted, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (buffer, length);
                    }

                    length += read;
                }
            }
            catch
            {
                // A read that failed may have written bytes it never counted: the whole buffer, on this rare path.
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                throw;
            }
        }

        /// <summary>
        /// Clears the <paramref name="length"/> bytes the answer was read into (it may hold tokens) and returns the buffer
        /// to the pool. Only those bytes: a read that succeeded wrote nothing past them, and clearing the whole rented
        /// buffer (4 KB at least) was 14–17% of the read of a small answer (docs/benchmarks.md, "Runtime engine").
        /// </summary>
        public static void Return(byte[] bytes, int length)
        {
            Array.Clear(bytes, 0, length);
            ArrayPool<byte>.Shared.Return(bytes);
        }

        private static OAuthException TooLarge(int limit) =>
            new OAuthException("The response is larger than " + limit + " bytes (OAuthClientOptions.MaxResponseBytes).");
    }
}
