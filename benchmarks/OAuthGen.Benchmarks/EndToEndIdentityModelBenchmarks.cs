using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Duende.IdentityModel.Client;
using QuickStart;
using SeedProviders;

namespace OAuthGen.Benchmarks;

/// <summary>
/// Client-credentials token requests against the seed 003 emulator (Kestrel on loopback, in this process; HTTP
/// Basic, a form body, an answer with ten members besides the standard ones, two of them typed fields of
/// <see cref="ConnectedHomeToken"/>), next to Duende.IdentityModel's <c>RequestClientCredentialsTokenAsync</c>. Seed
/// 001's answer is not valid JSON (a trailing comma), which IdentityModel cannot read, hence seed 003 for this
/// comparison. 1,000 requests per operation, spread over 1 or 100 concurrent callers.
/// </summary>
[MemoryDiagnoser]
public class EndToEndIdentityModelBenchmarks
{
    public const int Requests = 1000;
    private const string Path = "oauth/token";

    private SeedProviderServer _server = null!;
    private SeedCredentials _credentials = null!;
    private HttpClient _generatedHttp = null!;
    private HttpClient _handWrittenHttp = null!;
    private HttpClient _identityModelHttp = null!;
    private HttpClient _floorHttp = null!;
    private ConnectedHomeAuth _generated = null!;
    private Uri _address = null!;
    private AuthenticationHeaderValue _basic = null!;
    private byte[] _floorBody = [];
    private ConcurrentCallers _callers = null!;

    [Params(1, 100)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = SeedProviderServer.StartAsync().GetAwaiter().GetResult();
        _credentials = new SeedCredentials();

        // One HttpClient (one connection pool) per contender, as each would have in an app.
        _generatedHttp = new HttpClient { BaseAddress = _server.ConnectedHomeBaseAddress };
        _handWrittenHttp = new HttpClient { BaseAddress = _server.ConnectedHomeBaseAddress };
        _identityModelHttp = new HttpClient();
        _floorHttp = new HttpClient { BaseAddress = _server.ConnectedHomeBaseAddress };
        _address = new Uri(_server.ConnectedHomeBaseAddress, Path);
        _generated = new ConnectedHomeAuth(_generatedHttp, new OAuthClientOptions { ClientId = _credentials.ClientId, ClientSecret = _credentials.ClientSecret, TokenEndpoint = _address });
        _basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_credentials.ClientId + ":" + _credentials.ClientSecret)));
        _floorBody = Encoding.ASCII.GetBytes("grant_type=client_credentials");
        _callers = new ConcurrentCallers(Callers);

        Check.That(GeneratedOnceAsync().GetAwaiter().GetResult() == "456def", "the generated client gets the token");
        Check.That(HandWrittenOnceAsync().GetAwaiter().GetResult() == "456def", "the hand-written client gets the token");
        Check.That(IdentityModelOnceAsync().GetAwaiter().GetResult() == "456def", "IdentityModel gets the token");
        Check.That(FloorOnceAsync().GetAwaiter().GetResult() > 0, "the floor request gets an answer");
        _server.ClearRequests();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generatedHttp.Dispose();
        _handWrittenHttp.Dispose();
        _identityModelHttp.Dispose();
        _floorHttp.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>HttpClient + FormUrlEncodedContent + a Basic header + JsonSerializer (source-generated), the typed fields read from its extension data.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task HandWritten() => RunAsync(HandWrittenOnceAsync);

    /// <summary>Duende.IdentityModel 8.1.0: <c>HttpClient.RequestClientCredentialsTokenAsync</c>, Basic header (RFC 2617 style, as the seed's Plain encoding).</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    [Reference]
    public Task IdentityModel() => RunAsync(IdentityModelOnceAsync);

    /// <summary>The generated ConnectedHomeAuth client, typed fields included.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task GeneratedClient() => RunAsync(GeneratedOnceAsync);

    /// <summary>The floor: a pre-encoded body and header POSTed with HttpClient and the answer read as bytes, not parsed.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task HttpClientFloor() => RunAsync(async Task<string?> () => (await FloorOnceAsync().ConfigureAwait(false)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<string?> GeneratedOnceAsync()
    {
        var token = await _generated.RequestClientCredentialsTokenAsync().ConfigureAwait(false);
        return token.OrganizationName is null ? null : token.AccessToken;
    }

    private async Task<string?> HandWrittenOnceAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_credentials.ClientId + ":" + _credentials.ClientSecret)));
        using var response = await _handWrittenHttp.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var token = await JsonSerializer.DeserializeAsync(stream, TokenJsonContext.Default.TokenDto).ConfigureAwait(false);
        return token?.AdditionalFields?.TryGetValue("organization_name", out var organization) == true && organization.GetString() is not null
            ? token.AccessToken
            : null;
    }

    private async Task<string?> IdentityModelOnceAsync()
    {
        var response = await _identityModelHttp.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = _address.AbsoluteUri,
            ClientId = _credentials.ClientId,
            ClientSecret = _credentials.ClientSecret,
            ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader,
            AuthorizationHeaderStyle = BasicAuthenticationHeaderStyle.Rfc2617,
        }).ConfigureAwait(false);
        return response.IsError || response.TryGet("organization_name") is null ? null : response.AccessToken;
    }

    private async Task<int> FloorOnceAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(_floorBody) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Headers.Authorization = _basic;
        using var response = await _floorHttp.SendAsync(request).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode ? bytes.Length : -1;
    }

    private async Task RunAsync(Func<Task<string?>> once)
    {
        await _callers.RunAsync(Requests, once).ConfigureAwait(false);
        _server.ClearRequests();
    }
}
