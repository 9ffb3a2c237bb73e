using System;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace OAuthGen.StackExchangeRedis
{
    /// <summary>
    /// The connection that <c>AddOAuthRedisTokenRequestLock(configuration)</c> opens: one per service provider, opened on
    /// first use (again after a failed attempt), and closed when the service provider is disposed.
    /// </summary>
    internal sealed class OwnedRedisConnection : IDisposable
    {
        private readonly string _configuration;
        private readonly object _gate = new object();
        private Task<IConnectionMultiplexer>? _connection;
        private bool _disposed;

        public OwnedRedisConnection(string configuration)
        {
            _configuration = configuration;
        }

        public Task<IConnectionMultiplexer> GetAsync()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException(nameof(OwnedRedisConnection));
                }

                // Under the lock, so that callers racing on first use share one connection rather than leak the others.
                if (_connection is null || _connection.IsFaulted || _connection.IsCanceled)
                {
                    _connection = ConnectAsync();
                }

                return _connection;
            }
        }

        public void Dispose()
        {
            Task<IConnectionMultiplexer>? connection;
            lock (_gate)
            {
                _disposed = true;
                connection = _connection;
                _connection = null;
            }

            // A connection still being opened is closed as soon as it is open.
            connection?.ContinueWith(
                opened => opened.Result.Dispose(),
                default,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        private async Task<IConnectionMultiplexer> ConnectAsync() =>
            await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
    }
}
