using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OAuthGen.Tokens;
using QuickStart;

namespace OAuthGen.Benchmarks;

/// <summary>A token endpoint in memory: always the same valid token.</summary>
internal sealed class InMemoryTokenEndpoint : HttpMessageHandler
{
    public const string AccessToken = "PaZDOD5UwzbGOFsQr34LQ7JUYOj3yK";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"access_token\":\"" + AccessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":36000}", Encoding.UTF8, "application/json"),
        });
}

/// <summary>The API behind the bearer handler, in memory: one completed answer, allocated once.</summary>
internal sealed class InMemoryApi : HttpMessageHandler
{
    private readonly Task<HttpResponseMessage> _ok = Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => _ok;
}

/// <summary>What a user writes without OAuthGen when the token is at hand: a fixed bearer header, nothing else.</summary>
internal sealed class StaticBearerHandler(string accessToken) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Builds the bearer handler as the DI registration does, on the in-memory endpoint and API.</summary>
internal static class CachedTokenSetup
{
    public static (ServiceProvider Services, HttpMessageInvoker OAuthGen, HttpMessageInvoker Static) Create()
    {
        var services = new ServiceCollection();
        services.AddOAuthClient<PoderoAuth>(options =>
            {
                options.ClientId = "client-id";
                options.ClientSecret = new SeedProviders.SeedCredentials().ClientSecret;
                options.TokenEndpoint = new Uri("https://auth.test/oauth2/token/");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new InMemoryTokenEndpoint());
        services.AddHttpClient("api").AddClientCredentialsToken<PoderoAuth>();
        var provider = services.BuildServiceProvider();
        var manager = provider.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();
        var oauthGen = new HttpMessageInvoker(new ClientCredentialsTokenHandler<PoderoAuth>(manager) { InnerHandler = new InMemoryApi() });
        var fixedHeader = new HttpMessageInvoker(new StaticBearerHandler(InMemoryTokenEndpoint.AccessToken) { InnerHandler = new InMemoryApi() });
        return (provider, oauthGen, fixedHeader);
    }

    public static HttpRequestMessage NewRequest() => new(HttpMethod.Get, "https://api.test/data");
}

/// <summary>One request through the bearer handler while the cached token is valid.</summary>
[MemoryDiagnoser]
public class CachedTokenBenchmarks
{
    private ServiceProvider _services = null!;
    private HttpMessageInvoker _oauthGen = null!;
    private HttpMessageInvoker _static = null!;
    private HttpMessageInvoker _none = null!;
    private HttpRequestMessage _request = null!;
    private ClientCredentialsTokenManager<PoderoAuth> _manager = null!;
    private Microsoft.Extensions.Logging.ILogger _managerLogger = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_services, _oauthGen, _static) = CachedTokenSetup.Create();
        _none = new HttpMessageInvoker(new InMemoryApi());
        _manager = _services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();
        _managerLogger = _services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ClientCredentialsTokenManager<PoderoAuth>>>();
        _request = CachedTokenSetup.NewRequest();

        // The first request gets the token; every measured one finds it cached.
        _oauthGen.SendAsync(_request, CancellationToken.None).GetAwaiter().GetResult();
        Check.That(_request.Headers.Authorization?.Parameter == InMemoryTokenEndpoint.AccessToken, "the handler sets the bearer token");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>A DelegatingHandler that sets a fixed header: the header allocation and nothing else.</summary>
    [Benchmark(Baseline = true)]
    public Task<HttpResponseMessage> FixedBearerHeader() => _static.SendAsync(_request, CancellationToken.None);

    /// <summary>No handler at all: the cost of the invoker and the in-memory API.</summary>
    [Benchmark]
    public Task<HttpResponseMessage> NoHandler() => _none.SendAsync(_request, CancellationToken.None);

    [Benchmark]
    public Task<HttpResponseMessage> OAuthGenBearerHandler() => _oauthGen.SendAsync(_request, CancellationToken.None);

    // The parts of the handler's cached path, measured alone for the breakdown in docs/benchmarks.md.

    /// <summary>The token manager's cached lookup alone (slot, freshness, counter, log call).</summary>
    [Benchmark]
    public OAuthToken ManagerCachedLookup() => _manager.GetTokenAsync().Result;

    /// <summary>The freshness check's clock read.</summary>
    [Benchmark]
    public DateTimeOffset ClockRead() => TimeProvider.System.GetUtcNow();

    /// <summary>The cache-hit log call's level check through the DI logger.</summary>
    [Benchmark]
    public bool LoggerLevelCheck() => _managerLogger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug);
}

/// <summary>The cached path with 1, 100 or 1,000 concurrent callers, 10,000 requests in all per operation.</summary>
[MemoryDiagnoser]
public class CachedTokenConcurrencyBenchmarks
{
    public const int Requests = 10_000;

    private ServiceProvider _services = null!;
    private HttpMessageInvoker _oauthGen = null!;
    private HttpMessageInvoker _static = null!;
    private HttpRequestMessage[] _requests = [];
    private Task[] _callers = [];

    [Params(1, 100, 1000)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_services, _oauthGen, _static) = CachedTokenSetup.Create();
        _requests = new HttpRequestMessage[Callers];
        for (var i = 0; i < Callers; i++)
        {
            _requests[i] = CachedTokenSetup.NewRequest();
        }

        _callers = new Task[Callers];
        _oauthGen.SendAsync(_requests[0], CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task FixedBearerHeader() => RunAsync(_static);

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task OAuthGenBearerHandler() => RunAsync(_oauthGen);

    // Each caller has its own request message (headers are not thread-safe) and sends its share in a loop.
    private Task RunAsync(HttpMessageInvoker invoker)
    {
        var each = Requests / Callers;
        for (var i = 0; i < _callers.Length; i++)
        {
            var request = _requests[i];
            _callers[i] = Task.Run(async () =>
            {
                for (var n = 0; n < each; n++)
                {
                    await invoker.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
                }
            });
        }

        return Task.WhenAll(_callers);
    }
}
