using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OAuthGen.Generator;

namespace OAuthGen.Benchmarks;

/// <summary>
/// A consumer project with N <c>[OAuthProvider]</c> classes, ten to a file, each file also holding code that uses
/// its clients; every fourth provider has a token type with three <c>[OAuthField]</c>s. Beside them, N/10 + 10 files
/// of ordinary code that never mention OAuth. Two keystrokes: one digit in a method body of an unrelated file, and
/// one character in the scope of the first provider.
/// </summary>
internal sealed class SyntheticProject
{
    public const int ProvidersPerFile = 10;
    private const string UnrelatedMarker = "return total * 2;";
    private const string ProviderMarker = "Scope = \"api.read\"";

    private SyntheticProject(int providers, ImmutableArray<(string Path, string Text)> files)
    {
        Providers = providers;
        Files = files;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        Trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, path: file.Path, encoding: Encoding.UTF8)).ToImmutableArray();
        Compilation = CSharpCompilation.Create(
            "Synthetic",
            Trees,
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // As the .NET SDK does by default: the runtime targets net8.0 and the references here are newer.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

        UnrelatedTree = Trees.First(tree => tree.FilePath.StartsWith("Domain/", StringComparison.Ordinal));
        UnrelatedEdited = Keystroke(UnrelatedTree, UnrelatedMarker, UnrelatedMarker.Length - 2, 1, "3");
        ProviderTree = Trees.First(tree => tree.FilePath.StartsWith("Providers/", StringComparison.Ordinal));
        ProviderEdited = Keystroke(ProviderTree, ProviderMarker, ProviderMarker.Length - 1, 0, "s");
    }

    public int Providers { get; }

    public ImmutableArray<(string Path, string Text)> Files { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The project's sources, before generation.</summary>
    public CSharpCompilation Compilation { get; }

    public SyntaxTree UnrelatedTree { get; }

    public SyntaxTree UnrelatedEdited { get; }

    public SyntaxTree ProviderTree { get; }

    public SyntaxTree ProviderEdited { get; }

    /// <summary>The framework's reference assemblies of this process and the OAuthGen runtime.</summary>
    public static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == runtimeDirectory);
        return framework
            .Append(typeof(OAuthToken).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    });

    /// <summary>Every DiagnosticAnalyzer in the OAuthGen.Generator assembly, whatever rules it has today.</summary>
    public static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Analyzers = new(() =>
        typeof(OAuthProviderGenerator).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0
                && type.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray());

    public static SyntheticProject Create(int providers)
    {
        var files = ImmutableArray.CreateBuilder<(string, string)>();
        for (var first = 0; first < providers; first += ProvidersPerFile)
        {
            var file = first / ProvidersPerFile;
            files.Add(($"Providers/Providers{file}.cs", ProviderFile(file, first, Math.Min(providers, first + ProvidersPerFile))));
        }

        var unrelated = (providers / 10) + 10;
        for (var i = 0; i < unrelated; i++)
        {
            files.Add(($"Domain/Domain{i}.cs", UnrelatedFile(i)));
        }

        return new SyntheticProject(providers, files.ToImmutable());
    }

    public static GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { new OAuthProviderGenerator().AsSourceGenerator() },
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    /// <summary>Writes the project to disk (sources and a csproj that uses the runtime and generator projects).</summary>
    public void WriteTo(string directory, string repositoryRoot)
    {
        Directory.CreateDirectory(directory);
        foreach (var (path, text) in Files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repositoryRoot}/src/Runtime/OAuthGen.csproj" />
                <ProjectReference Include="{repositoryRoot}/src/Generator/OAuthGen.Generator/OAuthGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
    }

    private static SyntaxTree Keystroke(SyntaxTree tree, string marker, int offsetInMarker, int replacedLength, string newCharacter)
    {
        var text = tree.GetText();
        var start = text.ToString().IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("No '" + marker + "' in " + tree.FilePath);
        }

        // As an editor does: a one-character change, parsed incrementally from the old tree.
        var change = new TextChange(new TextSpan(start + offsetInMarker, replacedLength), newCharacter);
        return tree.WithChangedText(text.WithChanges(change));
    }

    private static string ProviderFile(int file, int first, int end)
    {
        var text = new StringBuilder();
        text.AppendLine("using System;");
        text.AppendLine("using System.Net.Http;");
        text.AppendLine("using System.Threading;");
        text.AppendLine("using System.Threading.Tasks;");
        text.AppendLine("using OAuthGen;");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"namespace Synthetic.Providers{file}");
        text.AppendLine("{");
        for (var i = first; i < end; i++)
        {
            var typed = i % 4 == 3;
            var tokenType = typed ? $"Provider{i}Token" : "OAuthToken";
            switch (i % 3)
            {
                case 0:
                    text.AppendLine(CultureInfo.InvariantCulture, $"""
                            [OAuthProvider("https://auth{i}.example.com/oauth/token",
                                Grants = OAuthGrant.ClientCredentials | OAuthGrant.RefreshToken,
                                ClientAuth = ClientAuthMethod.ClientSecretPost,
                                Scope = "api.read"{(typed ? $", TokenType = typeof({tokenType})" : "")})]
                            [OAuthHeader("X-Tenant", "tenant-{i}")]
                        """);
                    break;
                case 1:
                    text.AppendLine(CultureInfo.InvariantCulture, $"""
                            [OAuthProvider("https://auth{i}.example.com/oauth2/token/", Body = BodyEncoding.Json{(typed ? $", TokenType = typeof({tokenType})" : "")})]
                            [OAuthHeader("Cache-Control", "no-cache")]
                            [OAuthParameter("audience", "https://api{i}.example.com")]
                        """);
                    break;
                default:
                    text.AppendLine(CultureInfo.InvariantCulture, $"""
                            [OAuthProvider("https://auth{i}.example.com/token",
                                Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
                                AuthorizationEndpoint = "https://auth{i}.example.com/authorize",
                                BasicEncoding = BasicAuthEncoding.Plain{(typed ? $", TokenType = typeof({tokenType})" : "")})]
                        """);
                    break;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $$"""
                    public partial class Provider{{i}} { }

                """);
            if (typed)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $$"""
                        public partial class {{tokenType}} : OAuthToken
                        {
                            [OAuthField("organization_name")] public string? OrganizationName { get; set; }
                            [OAuthField("issued_at")] public DateTimeOffset? IssuedAt { get; set; }
                            [OAuthField("refresh_count")] public int? RefreshCount { get; set; }
                        }

                    """);
            }

            text.AppendLine(CultureInfo.InvariantCulture, $$"""
                    public static class Provider{{i}}Usage
                    {
                        public static async Task<string> GetTokenAsync(HttpClient http, string clientSecret, CancellationToken cancellationToken)
                        {
                            var client = new Provider{{i}}(http, new OAuthClientOptions { ClientId = "client-{{i}}", ClientSecret = clientSecret });
                            {{tokenType}} token = await client.RequestClientCredentialsTokenAsync(cancellationToken: cancellationToken);
                            return token.IsBearer ? token.AccessToken : throw new InvalidOperationException("Not a bearer token: " + token.TokenType);
                        }
                    }

                """);
        }

        text.AppendLine("}");
        return text.ToString();
    }

    private static string UnrelatedFile(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;

        namespace Synthetic.Domain{{i}}
        {
            public sealed record Line{{i}}(string Sku, int Quantity, decimal Price);

            public sealed class Order{{i}}
            {
                private readonly List<Line{{i}}> _lines = new();

                public string Customer { get; set; } = "";

                public DateTimeOffset PlacedAt { get; set; }

                public IReadOnlyList<Line{{i}}> Lines => _lines;

                public void Add(string sku, int quantity, decimal price)
                {
                    if (quantity <= 0)
                    {
                        throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A line needs a positive quantity.");
                    }

                    _lines.Add(new Line{{i}}(sku, quantity, price));
                }

                public decimal Total()
                {
                    decimal total = 0;
                    foreach (var line in _lines)
                    {
                        total += line.Quantity * line.Price;
                    }

                    return total * 2;
                }

                public IEnumerable<string> TopSkus(int count) =>
                    _lines.GroupBy(line => line.Sku)
                        .Select(group => (Sku: group.Key, Quantity: group.Sum(line => line.Quantity)))
                        .OrderByDescending(pair => pair.Quantity)
                        .ThenBy(pair => pair.Sku, StringComparer.Ordinal)
                        .Take(count)
                        .Select(pair => pair.Sku);

                public string Describe()
                {
                    var text = new StringBuilder();
                    text.Append(Customer).Append(" ordered ").Append(_lines.Count).Append(" lines on ").Append(PlacedAt.ToString("O"));
                    for (var n = 0; n < _lines.Count; n++)
                    {
                        var line = _lines[n];
                        text.AppendLine().Append($"  {n + 1}. {line.Sku} x{line.Quantity} at {line.Price:F2}");
                    }

                    return text.ToString();
                }

                public static Order{{i}} Parse(string csv)
                {
                    var order = new Order{{i}}();
                    foreach (var row in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var cells = row.Split(',');
                        switch (cells.Length)
                        {
                            case 1:
                                order.Customer = cells[0].Trim();
                                break;
                            case 3:
                                order.Add(cells[0].Trim(), int.Parse(cells[1]), decimal.Parse(cells[2]));
                                break;
                            default:
                                throw new FormatException($"Row '{row}' has {cells.Length} cells.");
                        }
                    }

                    return order;
                }
            }
        }
        """;
}
