using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OAuthGen.StackExchangeRedis;
using OAuthGen.Tokens;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers the Redis request lock of OAuthGen's shared token cache.</summary>
    public static class OAuthGenRedisServiceCollectionExtensions
    {
        /// <summary>
        /// Of N instances asking at once for a token that the shared cache lacks, one asks the provider and the others
        /// read its answer: a short Redis lock (<c>SET NX PX</c>) on the connection <paramref name="connection"/> gives.
        /// Use it with <c>AddOAuthDistributedTokenCache()</c> or <c>AddOAuthHybridTokenCache()</c> on the same Redis.
        /// </summary>
        public static IServiceCollection AddOAuthRedisTokenRequestLock(this IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connection)
        {
            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            services.Replace(ServiceDescriptor.Singleton<IOAuthTokenRequestLock>(sp => new RedisTokenRequestLock(connection(sp))));
            return services;
        }

        /// <summary>The Redis request lock on a connection of its own to <paramref name="configuration"/> (<c>"localhost:6379"</c>, say), opened on first use and closed with the service provider.</summary>
        public static IServiceCollection AddOAuthRedisTokenRequestLock(this IServiceCollection services, string configuration)
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            // The container owns the connection: it is closed when the service provider is disposed.
            services.Replace(ServiceDescriptor.Singleton(_ => new OwnedRedisConnection(configuration)));
            services.Replace(ServiceDescriptor.Singleton<IOAuthTokenRequestLock>(sp => new RedisTokenRequestLock(sp.GetRequiredService<OwnedRedisConnection>().GetAsync)));
            return services;
        }
    }
}
