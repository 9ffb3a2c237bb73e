using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OAuthGen.Infrastructure;
using SeedProviders;

namespace OAuthGen.Benchmarks;

/// <summary>Parsing each seed's documented token answer: OAuthGen's reader against System.Text.Json into a DTO.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _body = [];

    [ParamsSource(nameof(Seeds))]
    public string Seed { get; set; } = "";

    public static IEnumerable<string> Seeds => ["000 afero", "001 configapi", "002 barapi", "003 connectedhome", "004 podero"];

    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.UTF8.GetBytes(Seed switch
        {
            "000 afero" => SeedResponses.Afero,
            "001 configapi" => SeedResponses.ConfigApi,
            "002 barapi" => SeedResponses.BarApi,
            "003 connectedhome" => SeedResponses.ConnectedHome,
            _ => SeedResponses.Podero,
        });
        Check.That(TokenResponseReader.Read(_body, out _) is { AccessToken.Length: > 0, ExpiresIn: not null }, "the reader reads " + Seed);
        Check.That(JsonSerializerSourceGenerated() is { AccessToken.Length: > 0, ExpiresIn: not null }, "the source-generated serializer reads " + Seed);
        Check.That(JsonSerializerReflection() is { AccessToken.Length: > 0, ExpiresIn: not null }, "the reflection serializer reads " + Seed);
    }

    [Benchmark(Baseline = true)]
    public TokenDto? JsonSerializerSourceGenerated() => JsonSerializer.Deserialize(_body, TokenJsonContext.Default.TokenDto);

    [Benchmark]
    [Reference]
    public TokenDto? JsonSerializerReflection() => JsonSerializer.Deserialize<TokenDto>(_body, TokenJsonContext.ReflectionOptions);

    [Benchmark]
    public object? OAuthGenReader() => TokenResponseReader.Read(_body, out _);

    /// <summary>The reader with seed 003's two typed fields captured in its pass, and the typed token made from them (as the generated client does).</summary>
    [Benchmark]
    public object? OAuthGenReaderTypedFields()
    {
        var read = TokenResponseReader.Read(_body, out _, TypedFields.Set)!;
        return ((ITokenFieldSet<TypedFields>)TypedFields.Set).Create(read.ValuesOf(TypedFields.Set));
    }

    /// <summary>The source-generated serializer with the same two fields as typed properties.</summary>
    [Benchmark]
    public TypedTokenDto? JsonSerializerSourceGeneratedTypedFields() => JsonSerializer.Deserialize(_body, TokenJsonContext.Default.TypedTokenDto);
}

/// <summary>Seed 003's typed fields, as the generator declares them for ConnectedHomeToken.</summary>
public sealed class TypedFields : OAuthToken
{
    public static readonly TokenFieldSet<TypedFields> Set = new(
        ["organization_name", "issued_at"],
        fields => new TypedFields { OrganizationName = fields.GetString(0), IssuedAt = fields.GetDateTimeOffset(1) });

    public string? OrganizationName { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }
}

/// <summary>The same three readers on an answer with 1, 100 or 1,000 members beyond the standard ones.</summary>
[MemoryDiagnoser]
public class ReaderFieldScalingBenchmarks
{
    private byte[] _body = [];

    [Params(1, 100, 1000)]
    public int Fields { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder("{\"access_token\":\"eyJhbGciOiJSUzI1NiI5q9Jgt.6HznsvPWy7UP3MINA\",\"token_type\":\"Bearer\",\"expires_in\":3600");
        for (var i = 0; i < Fields; i++)
        {
            // Half strings, half numbers, as gateways send them.
            json.Append(",\"field_").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":");
            if (i % 2 == 0)
            {
                json.Append("\"value ").Append(i.ToString(CultureInfo.InvariantCulture)).Append('"');
            }
            else
            {
                json.Append(i.ToString(CultureInfo.InvariantCulture));
            }
        }

        _body = Encoding.UTF8.GetBytes(json.Append('}').ToString());
        Check.That(TokenResponseReader.Read(_body, out _)!.AdditionalFields.Count == Fields, "the reader keeps every field");
        Check.That(JsonSerializerSourceGenerated()!.AdditionalFields!.Count == Fields, "the serializer keeps every field");
    }

    [Benchmark(Baseline = true)]
    public TokenDto? JsonSerializerSourceGenerated() => JsonSerializer.Deserialize(_body, TokenJsonContext.Default.TokenDto);

    [Benchmark]
    [Reference]
    public TokenDto? JsonSerializerReflection() => JsonSerializer.Deserialize<TokenDto>(_body, TokenJsonContext.ReflectionOptions);

    [Benchmark]
    public object? OAuthGenReader() => TokenResponseReader.Read(_body, out _);
}
