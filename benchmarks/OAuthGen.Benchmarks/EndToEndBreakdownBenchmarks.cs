using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OAuthGen.Infrastructure;
using QuickStart;
using SeedProviders;

namespace OAuthGen.Benchmarks;

/// <summary>
/// Where the time of one seed-001 client-credentials request goes, client side only: the whole request through a
/// handler that answers from memory (no socket, no Kestrel), then each stage of it on its own, the generated client's
/// against the hand-written code's step that does the same job. The end-to-end benchmarks measure the same request
/// against the emulator; this one isolates the engine's own overhead from the server's and the socket's.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBreakdownBenchmarks
{
    private const string Scope = "example.com";
    private static readonly Uri BaseAddress = new("http://127.0.0.1:5001/");
    private static readonly Uri Endpoint = new(BaseAddress, "configapi/v2/oauth/token");

    private readonly SeedCredentials _credentials = new();
    private readonly RequestDeadlines _deadlines = new();
    private byte[] _answer = [];
    private byte[] _floorBody = [];
    private HttpClient _generatedHttp = null!;
    private HttpClient _handWrittenHttp = null!;
    private HttpClient _floorHttp = null!;
    private ConfigApiAuth _generated = null!;
    private TokenRequestPipeline _pipeline = null!;
    private OAuthClientOptions _options = null!;
    private HttpResponseMessage _response = null!;
    private TokenFactory<OAuthToken> _factory;
    private Answer _read;

    [GlobalSetup]
    public void Setup()
    {
        _answer = Encoding.UTF8.GetBytes(SeedResponses.ConfigApi);
        _floorBody = Encoding.ASCII.GetBytes($"grant_type=client_credentials&client_id={_credentials.ClientId}&client_secret={_credentials.ClientSecret}&scope={Scope}");
        _options = new OAuthClientOptions { ClientId = _credentials.ClientId, ClientSecret = _credentials.ClientSecret };
        _generatedHttp = new HttpClient(new MemoryTokenServer(_answer)) { BaseAddress = BaseAddress };
        _handWrittenHttp = new HttpClient(new MemoryTokenServer(_answer)) { BaseAddress = BaseAddress };
        _floorHttp = new HttpClient(new MemoryTokenServer(_answer)) { BaseAddress = BaseAddress };
        _generated = new ConfigApiAuth(_generatedHttp, _options);
        _pipeline = new TokenRequestPipeline(new HttpClient(new MemoryTokenServer(_answer)) { BaseAddress = BaseAddress }, _options, ConfigApiAuth.Provider, TimeProvider.System);
        _response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Post, Endpoint) };
        _factory = new TokenFactory<OAuthToken>(new TokenFieldSet<OAuthToken>([], _ => new OAuthToken()));
        _read = new Answer(HttpStatusCode.OK, true, _answer, _answer.Length, DateTimeOffset.UtcNow, [], null, []);

        const string token = "eyJhbGciOiJSUzI1NiI5q9Jgt...6HznsvPWy7UP3MINA";
        Check.That(GeneratedClient().GetAwaiter().GetResult() == token, "the generated client gets the token from memory");
        Check.That(HandWritten().GetAwaiter().GetResult() == token, "the hand-written client gets the token from memory");
        Check.That(Floor().GetAwaiter().GetResult() == _answer.Length, "the floor reads the answer from memory");
        Check.That(GeneratedReadAndMap().GetAwaiter().GetResult().AccessToken == token, "the generated read and mapping make the token");
        Check.That(HandWrittenReadAndParse().GetAwaiter().GetResult()?.AccessToken == token, "the hand-written read and parse make the token");
    }

    // The whole request, handler answering from memory: what the engine adds, without Kestrel or a socket.

    [Benchmark(Baseline = true)]
    public async Task<string?> HandWritten()
    {
        using var content = EndToEndBenchmarks.HandWrittenForm(_credentials, Scope);
        using var response = await _handWrittenHttp.PostAsync("configapi/v2/oauth/token", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var token = await JsonSerializer.DeserializeAsync(stream, TokenJsonContext.Default.TokenDto).ConfigureAwait(false);
        return token?.AccessToken;
    }

    [Benchmark]
    public async Task<string?> GeneratedClient() => (await _generated.RequestClientCredentialsTokenAsync(Scope).ConfigureAwait(false)).AccessToken;

    [Benchmark]
    public async Task<int> Floor()
    {
        using var content = new ByteArrayContent(_floorBody);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        using var response = await _floorHttp.PostAsync("configapi/v2/oauth/token", content).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode ? bytes.Length : -1;
    }

    // Stage 1-5: the request message, body bytes and headers, serialized as a handler would (to Stream.Null).

    [Benchmark]
    public long HandWrittenRequest()
    {
        using var content = EndToEndBenchmarks.HandWrittenForm(_credentials, Scope);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        content.CopyTo(Stream.Null, null, default);
        return content.Headers.ContentLength ?? 0;
    }

    [Benchmark]
    public long GeneratedRequest()
    {
        _pipeline.Authentication.RequireCredentials(_options, ConfigApiAuth.Provider);
        var body = new TokenRequestBody(GrantDescriptor.ClientCredentialsGrant);
        body.AddScope(Scope);
        var endpoint = _pipeline.Endpoints.ResolveAsync(body.Grant.Endpoint, default).Result;
        using var request = _pipeline.Prepare(body, endpoint).CreateMessage(out _);
        request.Content!.CopyTo(Stream.Null, null, default);
        return request.Content.Headers.ContentLength ?? 0;
    }

    // Per-request work of the transport stage that the hand-written code does not do (or HttpClient does for it).

    [Benchmark]
    public bool OriginCheck() => EndpointSecurity.SameOrigin(_response.RequestMessage!.RequestUri!, Endpoint);

    [Benchmark]
    public TimeSpan? RetryAfterHeader() => TokenRetry.RetryAfter(_response, default);

    [Benchmark]
    public DateTimeOffset ClockRead() => TimeProvider.System.GetUtcNow();

    [Benchmark]
    public bool Deadline()
    {
        using var deadline = _deadlines.Start(TimeSpan.FromSeconds(100), default);
        return deadline.Token.CanBeCanceled;
    }

    [Benchmark]
    public bool TelemetryOff() => TokenRequestTelemetry.StartIfObserved("ConfigApiAuth", "client_credentials", Endpoint) is null;

    // The answer: read into the pooled buffer, parsed, mapped; against the hand-written buffering and serializer.

    [Benchmark]
    public async Task<TokenDto?> HandWrittenReadAndParse()
    {
        using var content = MemoryTokenServer.Answer(_answer);
        await content.LoadIntoBufferAsync().ConfigureAwait(false);
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, TokenJsonContext.Default.TokenDto).ConfigureAwait(false);
    }

    [Benchmark]
    public async Task<OAuthToken> GeneratedReadAndMap()
    {
        using var content = MemoryTokenServer.Answer(_answer);
        var (bytes, length) = await BoundedContent.ReadAsync(content, _options.MaxResponseBytes, default).ConfigureAwait(false);
        try
        {
            return ResponseMapping.CreateToken(new Answer(HttpStatusCode.OK, true, bytes, length, TimeProvider.System.GetUtcNow(), [], null, []), _factory);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        }
    }

    /// <summary>The answer into the pooled buffer and back, the whole 4 KB buffer cleared (as before this change).</summary>
    [Benchmark]
    public async Task<int> BoundedReadClearBuffer()
    {
        using var content = MemoryTokenServer.Answer(_answer);
        var (bytes, length) = await BoundedContent.ReadAsync(content, _options.MaxResponseBytes, default).ConfigureAwait(false);
        ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        return length;
    }

    /// <summary>The same, only the bytes the answer was written to cleared.</summary>
    [Benchmark]
    public async Task<int> BoundedReadClearLength()
    {
        using var content = MemoryTokenServer.Answer(_answer);
        var (bytes, length) = await BoundedContent.ReadAsync(content, _options.MaxResponseBytes, default).ConfigureAwait(false);
        Array.Clear(bytes, 0, length);
        ArrayPool<byte>.Shared.Return(bytes);
        return length;
    }

    [Benchmark]
    public TokenDto? Serializer() => JsonSerializer.Deserialize(_answer, TokenJsonContext.Default.TokenDto);

    [Benchmark]
    public object? Reader() => TokenResponseReader.Read(_answer, out _);

    /// <summary>Reader plus mapping (the token, its expiry from the answer's receipt time).</summary>
    [Benchmark]
    public OAuthToken ReaderAndMapping() => ResponseMapping.CreateToken(_read, _factory);
}

/// <summary>A handler that answers every request with the same token answer from memory, after writing the request body out as a socket handler would.</summary>
internal sealed class MemoryTokenServer(byte[] answer) : HttpMessageHandler
{
    public static HttpContent Answer(byte[] answer)
    {
        // A stream, as the socket handler's content is: read from, not handed over as an array.
        var content = new StreamContent(new MemoryStream(answer, writable: false));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } body)
        {
            await body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = Answer(answer) };
    }
}
