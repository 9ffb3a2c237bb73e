using System;
using System.Net.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
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

            return services.AddOAuthClient(TClient.Create, TClient.Provider, FromSection(configurationSectionPath), configurationSectionPath);
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

        /// <summary>
        /// Registers <typeparamref name="TClient"/> once more under <paramref name="name"/> (a tenant or an account),
        /// with options from the configuration section at <paramref name="configurationSectionPath"/>. Each name is a
        /// keyed service (<c>[FromKeyedServices("name")] TClient client</c>) with its own options, HttpClient, token
        /// manager and cache entries; <c>AddClientCredentialsToken&lt;TClient&gt;("name")</c> authorizes an API client with it.
        /// </summary>
        public static IHttpClientBuilder AddOAuthClient<TClient>(this IServiceCollection services, string name, string configurationSectionPath)
            where TClient : class, IOAuthClient<TClient>
        {
            if (configurationSectionPath is null)
            {
                throw new ArgumentNullException(nameof(configurationSectionPath));
            }

            return services.AddOAuthClient(TClient.Create, TClient.Provider, FromSection(configurationSectionPath), configurationSectionPath, RequireName(name));
        }

        /// <summary>Registers <typeparamref name="TClient"/> under <paramref name="name"/>, with options set by <paramref name="configure"/>.</summary>
        public static IHttpClientBuilder AddOAuthClient<TClient>(this IServiceCollection services, string name, Action<OAuthClientOptions> configure)
            where TClient : class, IOAuthClient<TClient>
        {
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            return services.AddOAuthClient(TClient.Create, TClient.Provider, builder => builder.Configure(configure), "OAuthClientOptions", RequireName(name));
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
        /// Registers a client made by <paramref name="factory"/> under <paramref name="name"/>, as a keyed service with
        /// options of its own: for targets before .NET 7.
        /// </summary>
        public static IHttpClientBuilder AddOAuthClient<TClient>(
            this IServiceCollection services,
            string name,
            Func<HttpClient, OAuthClientOptions, TimeProvider?, TClient> factory,
            Action<OAuthClientOptions> configure)
            where TClient : class
        {
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            return services.AddOAuthClient(factory, provider: null, builder => builder.Configure(configure), "OAuthClientOptions", RequireName(name));
        }

        /// <summary>
        /// Shares client-credentials tokens between every instance of the app, one entry per client and scope, kept a
        /// little less than the token lives: through the registered <see cref="HybridCache"/> when there is one (see
        /// <see cref="AddOAuthHybridTokenCache"/>), otherwise through the registered <see cref="IDistributedCache"/>.
        /// Tokens are encrypted at rest when an <see cref="IOAuthTokenProtector"/> or ASP.NET Core Data Protection
        /// (<see cref="IDataProtectionProvider"/>) is registered.
        /// </summary>
        public static IServiceCollection AddOAuthDistributedTokenCache(this IServiceCollection services)
        {
            services.Replace(ServiceDescriptor.Singleton<IOAuthTokenCache>(sp =>
                sp.GetService<HybridCache>() is { } hybrid
                    ? new HybridOAuthTokenCache(hybrid, sp.GetService<TimeProvider>(), Protector(sp))
                    : new DistributedOAuthTokenCache(
                        sp.GetService<IDistributedCache>() ?? throw new InvalidOperationException(
                            "AddOAuthDistributedTokenCache needs a distributed cache: register one first (AddStackExchangeRedisCache, AddDistributedMemoryCache, ...) or HybridCache (AddHybridCache)."),
                        sp.GetService<TimeProvider>(),
                        Protector(sp))));
            return services;
        }

        /// <summary>
        /// Shares client-credentials tokens through the registered <see cref="HybridCache"/> (<c>AddHybridCache()</c>):
        /// a copy in each process's memory and the distributed cache behind it, encrypted at rest as
        /// <see cref="AddOAuthDistributedTokenCache"/> describes.
        /// </summary>
        public static IServiceCollection AddOAuthHybridTokenCache(this IServiceCollection services)
        {
            services.Replace(ServiceDescriptor.Singleton<IOAuthTokenCache>(sp => new HybridOAuthTokenCache(
                sp.GetService<HybridCache>() ?? throw new InvalidOperationException("AddOAuthHybridTokenCache needs HybridCache: call services.AddHybridCache() first."),
                sp.GetService<TimeProvider>(),
                Protector(sp))));
            return services;
        }

        private static IOAuthTokenProtector? Protector(IServiceProvider sp) =>
            sp.GetService<IOAuthTokenProtector>()
            ?? (sp.GetService<IDataProtectionProvider>() is { } dataProtection ? new DataProtectionTokenProtector(dataProtection) : null);

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
            string source,
            string? registrationName = null)
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

            var name = OAuthClientNames.For<TClient>(registrationName);
            var options = services.AddOptions<OAuthClientOptions>(name);
            configureOptions(options);
            services.AddSingleton<IValidateOptions<OAuthClientOptions>>(new OAuthClientOptionsValidator(name, provider, source));
            options.ValidateOnStart();

            if (registrationName is null)
            {
                return services.AddHttpClient(name).AddTypedClient((httpClient, sp) =>
                    factory(httpClient, sp.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(name), sp.GetService<TimeProvider>()));
            }

            // A typed client is one per type; a named registration is a keyed service on an HttpClient of its own.
            services.AddKeyedTransient<TClient>(registrationName, (sp, _) => factory(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(name),
                sp.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>().Get(name),
                sp.GetService<TimeProvider>()));
            return services.AddHttpClient(name);
        }

#if NET7_0_OR_GREATER
        private static Action<OptionsBuilder<OAuthClientOptions>> FromSection(string configurationSectionPath) =>
            builder => builder.Configure<IConfiguration>((options, configuration) =>
                OAuthClientOptionsBinder.Bind(configuration.GetSection(configurationSectionPath), options));
#endif

        private static string RequireName(string name) =>
            string.IsNullOrWhiteSpace(name)
                ? throw new ArgumentException("A registration name is needed (a tenant or an account, say); without one, use the overload without a name.", nameof(name))
                : name;
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
        public static IHttpClientBuilder AddClientCredentialsToken<TClient>(this IHttpClientBuilder builder)
            where TClient : class, IClientCredentialsTokenClient =>
            builder.AddClientCredentialsToken<TClient>(name: null);

        /// <summary>
        /// Sends <c>Authorization: Bearer ...</c> with a client-credentials token from the <typeparamref name="TClient"/>
        /// registered as <paramref name="name"/> (<c>AddOAuthClient&lt;TClient&gt;(name, ...)</c>; the unnamed
        /// registration when null), for <paramref name="scope"/>.
        /// </summary>
        /// <param name="builder">The client to authorize.</param>
        /// <param name="name">The registration name (a tenant, an account); null for the unnamed registration.</param>
        /// <param name="scope">The scope to request; the client's default when null.</param>
        public static IHttpClientBuilder AddClientCredentialsToken<TClient>(this IHttpClientBuilder builder, string? name, string? scope = null)
            where TClient : class, IClientCredentialsTokenClient
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (name is null)
            {
                builder.Services.TryAddSingleton(sp => CreateManager<TClient>(sp, registrationName: null));
                return builder.AddHttpMessageHandler(sp => new ClientCredentialsTokenHandler<TClient>(
                    sp.GetRequiredService<ClientCredentialsTokenManager<TClient>>(),
                    scope,
                    sp.GetService<ILogger<ClientCredentialsTokenHandler<TClient>>>()));
            }

            builder.Services.TryAddKeyedSingleton(name, (sp, _) => CreateManager<TClient>(sp, name));
            return builder.AddHttpMessageHandler(sp => new ClientCredentialsTokenHandler<TClient>(
                sp.GetRequiredKeyedService<ClientCredentialsTokenManager<TClient>>(name),
                scope,
                sp.GetService<ILogger<ClientCredentialsTokenHandler<TClient>>>()));
        }

        private static ClientCredentialsTokenManager<TClient> CreateManager<TClient>(IServiceProvider sp, string? registrationName)
            where TClient : class, IClientCredentialsTokenClient =>
            new ClientCredentialsTokenManager<TClient>(
                registrationName,
                sp,
                sp.GetRequiredService<IOptionsMonitor<OAuthClientOptions>>(),
                sp.GetService<IOptions<TokenManagementOptions>>(),
                sp.GetService<IOAuthTokenCache>(),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILogger<ClientCredentialsTokenManager<TClient>>>(),
                sp.GetService<IOAuthTokenRequestLock>());
    }
}
