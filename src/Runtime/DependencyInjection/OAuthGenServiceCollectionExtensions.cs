using System;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OAuthGen;
using OAuthGen.DependencyInjection;
using OAuthGen.Tokens;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers generated OAuth clients, token caches and user token management.</summary>
    public static class OAuthGenServiceCollectionExtensions
    {
#if NET7_0_OR_GREATER
        /// <summary>
        /// Registers the generated client <typeparamref name="TClient"/> as a typed <see cref="HttpClient"/>, with its
        /// <see cref="OAuthClientOptions"/> read from the configuration section at <paramref name="configurationSectionPath"/>
        /// (for example <c>"OAuth:Podero"</c>) and validated at start-up.
        /// </summary>
        public static IHttpClientBuilder AddOAuthClient<TClient>(this IServiceCollection services, string configurationSectionPath)
            where TClient : class, IOAuthClient<TClient>
        {
            if (configurationSectionPath is null)
            {
                throw new ArgumentNullException(nameof(configurationSectionPath));
            }

            return services.AddOAuthClient(
                TClient.Create,
                TClient.Provider,
                builder => builder.Configure<IConfiguration>((options, configuration) =>
                    OAuthClientOptionsBinder.Bind(configuration.GetSection(configurationSectionPath), options)),
                configurationSectionPath);
        }

        /// <summary>Registers the generated client <typeparamref name="TClient"/> with options read from <paramref name="configuration"/>.</summary>
        public static IHttpClientBuilder AddOAuthClient<TClient>(this IServiceCollection services, IConfiguration configuration)
            where TClient : class, IOAuthClient<TClient>
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            return services.AddOAuthClient(
                TClient.Create,
                TClient.Provider,
                builder => builder.Configure(options => OAuthClientOptionsBinder.Bind(configuration, options)),
                configuration is IConfigurationSection section ? section.Path : "configuration");
        }

        /// <summary>Registers the generated client <typeparamref name="TClient"/> with options set by <paramref name="configure"/>.</summary>
        public static IHttpClientBuilder AddOAuthClient<TClient>(this IServiceCollection services, Action<OAuthClientOptions> configure)
            where TClient : class, IOAuthClient<TClient>
        {
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            return services.AddOAuthClient(TClient.Create, TClient.Provider, builder => builder.Configure(configure), "OAuthClientOptions");
        }
#endif

        /// <summary>
        /// Registers a client made by <paramref name="factory"/> (for example <c>(http, options, time) => new MyAuth(http, options, time)</c>)
        /// as a typed <see cref="HttpClient"/>, with options set by <paramref name="configure"/>. For targets before .NET 7,
        /// where generated clients cannot describe their constructor statically.
        /// </summary>
        public static IHttpClientBuilder AddOAuthClient<TClient>(
            this IServiceCollection services,
            Func<HttpClient, OAuthClientOptions, TimeProvider?, TClient> factory,
            Action<OAuthClientOptions> configure)
            where TClient : class
        {
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            return services.AddOAuthClient(factory, provider: null, builder => builder.Configure(configure), "OAuthClientOptions");
        }

        /// <summary>
        /// Shares client-credentials tokens between every instance of the app through the registered
        /// <see cref="Caching.Distributed.IDistributedCache"/>, one entry per client and scope, kept until the token expires.
        /// </summary>
        public static IServiceCollection AddOAuthDistributedTokenCache(this IServiceCollection services)
        {
            services.Replace(ServiceDescriptor.Singleton<IOAuthTokenCache>(sp =>
                new DistributedOAuthTokenCache(sp.GetRequiredService<Caching.Distributed.IDistributedCache>(), sp.GetService<TimeProvider>())));
            return services;
        }

        /// <summary>
        /// Registers <see cref="UserTokenManager{TClient}"/> for refreshing users' tokens with <typeparamref name="TClient"/>,
        /// kept in memory unless an <see cref="IUserTokenStore"/> (such as <see cref="DistributedUserTokenStore"/>) is registered.
        /// </summary>
        public static IServiceCollection AddOAuthUserTokens<TClient>(this IServiceCollection services)
            where TClient : class, IRefreshTokenClient
        {
            services.TryAddSingleton<IUserTokenStore>(_ => new InMemoryUserTokenStore());
            services.TryAddSingleton(sp => new UserTokenManager<TClient>(
                sp,
                sp.GetRequiredService<IUserTokenStore>(),
                sp.GetService<IOptions<TokenManagementOptions>>(),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILogger<UserTokenManager<TClient>>>()));
            return services;
        }

        private static IHttpClientBuilder AddOAuthClient<TClient>(
            this IServiceCollection services,
            Func<HttpClient, OAuthClientOptions, TimeProvider?, TClient> factory,
            OAuthProviderInfo? provider,
            Action<OptionsBuilder<OAuthClientOptions>> configureOptions,
            string source)
            where TClient : class
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (factory is null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            var name = OAuthClientNames.For<TClient>();
            var options = services.AddOptions<OAuthClientOptions>(name);
            configureOptions(options);
            services.AddSingleton<IValidateOptions<OAuthClientOptions>>(new OAuthClientOptionsValidator(name, provider, source));
            options.ValidateOnStart();

            return services.AddHttpClient(name).AddTypedClient((httpClient, sp) =>
                factory(httpClient, sp.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(name), sp.GetService<TimeProvider>()));
        }
    }

    /// <summary>Attaches tokens to the requests of an <see cref="HttpClient"/>.</summary>
    public static class OAuthGenHttpClientBuilderExtensions
    {
        /// <summary>
        /// Sends <c>Authorization: Bearer ...</c> with a client-credentials token from <typeparamref name="TClient"/> (registered
        /// with <c>AddOAuthClient</c>) on every request of this client: cached, renewed ahead of expiry, one token request for
        /// any number of concurrent callers, and one retry with a new token after a 401.
        /// </summary>
        /// <param name="builder">The client to authorize.</param>
        /// <param name="scope">The scope to request; the client's default when null.</param>
        public static IHttpClientBuilder AddClientCredentialsToken<TClient>(this IHttpClientBuilder builder, string? scope = null)
            where TClient : class, IClientCredentialsTokenClient
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            builder.Services.TryAddSingleton(sp => new ClientCredentialsTokenManager<TClient>(
                sp,
                sp.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>(),
                sp.GetService<IOptions<TokenManagementOptions>>(),
                sp.GetService<IOAuthTokenCache>(),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILogger<ClientCredentialsTokenManager<TClient>>>()));
            return builder.AddHttpMessageHandler(sp => new ClientCredentialsTokenHandler<TClient>(
                sp.GetRequiredService<ClientCredentialsTokenManager<TClient>>(),
                scope,
                sp.GetService<ILogger<ClientCredentialsTokenHandler<TClient>>>()));
        }
    }
}
