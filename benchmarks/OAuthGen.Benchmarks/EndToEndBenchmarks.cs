using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using QuickStart;
using SeedProviders;

namespace OAuthGen.Benchmarks;

/// <summary>
/// Client-credentials token requests against the seed 001 emulator (Kestrel on loopback, in this process; it checks
/// every request against its document): the generated client against the code the seed documents show users
/// writing, same server, same run. 1,000 requests per operation, spread over 1, 100 or 1,000 concurrent callers.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    public const int Requests = 1000;
    private const string Path = "configapi/v2/oauth/token";
    private const string Scope = "example.com";

    private SeedProviderServer _server = null!;
    private SeedCredentials _credentials = null!;
    private HttpClient _generatedHttp = null!;
    private HttpClient _handWrittenHttp = null!;
    private HttpClient _floorHttp = null!;
    private ConfigApiAuth _generated = null!;
    private byte[] _floorBody = [];
    private ConcurrentCallers _callers = null!;

    [Params(1, 100, 1000)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = SeedProviderServer.StartAsync().GetAwaiter().GetResult();
        _credentials = new SeedCredentials();

        // One HttpClient (one connection pool) per contender, as each would have in an app.
        _generatedHttp = new HttpClient { BaseAddress = _server.ConfigApiBaseAddress };
        _handWrittenHttp = new HttpClient { BaseAddress = _server.ConfigApiBaseAddress };
        _floorHttp = new HttpClient { BaseAddress = _server.ConfigApiBaseAddress };
        _generated = new ConfigApiAuth(_generatedHttp, new OAuthClientOptions { ClientId = _credentials.ClientId, ClientSecret = _credentials.ClientSecret });
        _floorBody = Encoding.ASCII.GetBytes($"grant_type=client_credentials&client_id={_credentials.ClientId}&client_secret={_credentials.ClientSecret}&scope={Scope}");
        _callers = new ConcurrentCallers(Callers);

        Check.That(GeneratedOnceAsync().GetAwaiter().GetResult() == "eyJhbGciOiJSUzI1NiI5q9Jgt...6HznsvPWy7UP3MINA", "the generated client gets the token");
        Check.That(HandWrittenReflectionOnceAsync().GetAwaiter().GetResult() == "eyJhbGciOiJSUzI1NiI5q9Jgt...6HznsvPWy7UP3MINA", "the hand-written client gets the token");
        Check.That(HandWrittenSourceGeneratedOnceAsync().GetAwaiter().GetResult() == "eyJhbGciOiJSUzI1NiI5q9Jgt...6HznsvPWy7UP3MINA", "the hand-written client gets the token");
        Check.That(FloorOnceAsync().GetAwaiter().GetResult() > 0, "the floor request gets an answer");
        _server.ClearRequests();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generatedHttp.Dispose();
        _handWrittenHttp.Dispose();
        _floorHttp.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>HttpClient + FormUrlEncodedContent + JsonSerializer (reflection): what the seed documents lead users to write.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task HandWrittenReflection() => RunAsync(HandWrittenReflectionOnceAsync);

    /// <summary>The same hand-written code with a source-generated JsonSerializerContext.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    [Reference]
    public Task HandWrittenSourceGenerated() => RunAsync(HandWrittenSourceGeneratedOnceAsync);

    /// <summary>The generated ConfigApiAuth client.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task GeneratedClient() => RunAsync(GeneratedOnceAsync);

    /// <summary>The floor: a pre-encoded body POSTed with HttpClient and the answer read as bytes, not parsed.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task HttpClientFloor() => RunAsync(async Task<string?> () => (await FloorOnceAsync().ConfigureAwait(false)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<string?> GeneratedOnceAsync()
    {
        var token = await _generated.RequestClientCredentialsTokenAsync(Scope).ConfigureAwait(false);
        return token.AccessToken;
    }

    private async Task<string?> HandWrittenReflectionOnceAsync()
    {
        using var content = HandWrittenForm(_credentials, Scope);
        using var response = await _handWrittenHttp.PostAsync(Path, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var token = await JsonSerializer.DeserializeAsync<TokenDto>(stream, TokenJsonContext.ReflectionOptions).ConfigureAwait(false);
        return token?.AccessToken;
    }

    private async Task<string?> HandWrittenSourceGeneratedOnceAsync()
    {
        using var content = HandWrittenForm(_credentials, Scope);
        using var response = await _handWrittenHttp.PostAsync(Path, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var token = await JsonSerializer.DeserializeAsync(stream, TokenJsonContext.Default.TokenDto).ConfigureAwait(false);
        return token?.AccessToken;
    }

    private async Task<int> FloorOnceAsync()
    {
        using var content = new ByteArrayContent(_floorBody);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        using var response = await _floorHttp.PostAsync(Path, content).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode ? bytes.Length : -1;
    }

    /// <summary>The request body as the seed 001 document leads users to write it.</summary>
    internal static FormUrlEncodedContent HandWrittenForm(SeedCredentials credentials, string scope) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = credentials.ClientId,
        ["client_secret"] = credentials.ClientSecret,
        ["scope"] = scope,
    });

    // Callers take requests from a shared count until 1,000 have been sent; the emulator's log is emptied after each
    // operation so that it does not grow through the run.
    private async Task RunAsync(Func<Task<string?>> once)
    {
        await _callers.RunAsync(Requests, once).ConfigureAwait(false);
        _server.ClearRequests();
    }
}
