using System;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Tokens;
using StackExchange.Redis;

namespace OAuthGen.StackExchangeRedis
{
    /// <summary>
    /// An <see cref="IOAuthTokenRequestLock"/> in Redis: <c>SET key id NX PX ms</c> takes it, and a script that deletes
    /// the key only if it still holds this lease's id releases it, so that a lease that outlived its expiry never
    /// releases another instance's lock.
    /// </summary>
    public sealed class RedisTokenRequestLock : IOAuthTokenRequestLock
    {
        private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

        private readonly Func<Task<IConnectionMultiplexer>> _connect;
        private Task<IConnectionMultiplexer>? _connection;

        /// <summary>Creates a lock on an open connection.</summary>
        public RedisTokenRequestLock(IConnectionMultiplexer connection)
        {
            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            _connect = () => Task.FromResult(connection);
        }

        /// <summary>Creates a lock that connects on first use with <paramref name="connect"/>, again after a failed attempt.</summary>
        public RedisTokenRequestLock(Func<Task<IConnectionMultiplexer>> connect)
        {
            _connect = connect ?? throw new ArgumentNullException(nameof(connect));
        }

        /// <inheritdoc />
        public async Task<IOAuthTokenLease?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
        {
            var database = (await ConnectAsync().ConfigureAwait(false)).GetDatabase();
            var id = Guid.NewGuid().ToString("N");
            var taken = await database.StringSetAsync(key, id, duration, When.NotExists).ConfigureAwait(false);
            return taken ? new Lease(database, key, id) : null;
        }

        private Task<IConnectionMultiplexer> ConnectAsync()
        {
            var connection = Volatile.Read(ref _connection);
            if (connection is null || connection.IsFaulted || connection.IsCanceled)
            {
                connection = _connect();
                Volatile.Write(ref _connection, connection);
            }

            return connection;
        }

        private sealed class Lease : IOAuthTokenLease
        {
            private readonly IDatabase _database;
            private readonly RedisKey _key;
            private readonly RedisValue _id;

            public Lease(IDatabase database, RedisKey key, RedisValue id)
            {
                _database = database;
                _key = key;
                _id = id;
            }

            public Task ReleaseAsync() => _database.ScriptEvaluateAsync(ReleaseScript, new[] { _key }, new[] { _id });
        }
    }
}
