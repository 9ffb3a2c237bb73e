using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OAuthGen.Infrastructure;
using SeedProviders;

namespace OAuthGen.Benchmarks;

/// <summary>
/// Where the reader's time goes on seed 000's answer (four standard members, nothing else), against the
/// source-generated serializer: the tokenizer alone, the tokenizer with the strings decoded (which is also where
/// invalid UTF-8 is caught), the UTF-8 check of the whole body, the name matching, and the objects each side makes.
/// The whole readers are <see cref="ReaderBenchmarks"/>' contenders (measured next to these parts by <c>--paired</c>).
/// </summary>
[MemoryDiagnoser]
public class ReaderBreakdownBenchmarks
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.UTF8.GetBytes(SeedResponses.Afero);
        Check.That(TokenizeAndDecodeStrings() == 4, "seed 000 has four members");
    }

    /// <summary>Utf8JsonReader over the answer with the reader's options, nothing decoded: the floor of any reader.</summary>
    [Benchmark(Baseline = true)]
    public int TokenizeOnly()
    {
        var reader = new Utf8JsonReader(_body, TokenResponseReader.ReaderOptions);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>The tokenizer plus every string value decoded (GetString validates UTF-8) and the number parsed.</summary>
    [Benchmark]
    public int TokenizeAndDecodeStrings()
    {
        var reader = new Utf8JsonReader(_body, TokenResponseReader.ReaderOptions);
        var members = 0;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                _ = reader.GetString();
            }
            else if (reader.TokenType == JsonTokenType.Number)
            {
                _ = reader.GetDouble();
            }

            members++;
        }

        return members;
    }

    /// <summary>A UTF-8 check of the whole body (what a separate validation pass would cost; the reader does none here).</summary>
    [Benchmark]
    public bool Utf8Validation() => System.Text.Unicode.Utf8.IsValid(_body);

    /// <summary>The four member names matched against the standard ones, from their bytes.</summary>
    [Benchmark]
    public int NameMatching() =>
        (TokenResponseReader.IsStandardName("access_token"u8) ? 1 : 0) + (TokenResponseReader.IsStandardName("token_type"u8) ? 1 : 0)
        + (TokenResponseReader.IsStandardName("expires_in"u8) ? 1 : 0) + (TokenResponseReader.IsStandardName("scope"u8) ? 1 : 0);

    /// <summary>What the typed path allocates besides the strings: the read answer and the typed token.</summary>
    [Benchmark]
    public object TwoObjects() => (new TokenResponse(), new TypedFields());

    /// <summary>What the serializer allocates besides the strings: one DTO.</summary>
    [Benchmark]
    public object OneDto() => new TypedTokenDto();
}
