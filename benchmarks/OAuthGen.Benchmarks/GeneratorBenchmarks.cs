using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;

namespace OAuthGen.Benchmarks;

/// <summary>
/// The generator and the analyzers on a synthetic project of 1, 100 or 1,000 providers (see <see cref="SyntheticProject"/>),
/// against compiling that project. Every measured compilation is a fresh one (<c>Clone</c> or <c>ReplaceSyntaxTree</c>),
/// so nothing is bound before the measurement starts, as in a real build or after a real keystroke.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(1)]
[IterationCount(5)]
public class GeneratorBenchmarks
{
    private SyntheticProject _project = null!;
    private CSharpCompilation _generated = null!;
    private GeneratorDriver _warm = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [Params(1, 100, 1000)]
    public int Providers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticProject.Create(Providers);
        _analyzers = SyntheticProject.Analyzers.Value;
        _warm = SyntheticProject.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(_project.Compilation, out var output, out _);
        _generated = (CSharpCompilation)output;
        Check.That(_warm.GetRunResult().GeneratedTrees.Length == Providers, "one generated file per provider");
        Check.That(!_generated.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error), "the synthetic project compiles");
        Check.That(_analyzers.Length > 0, "the generator assembly has analyzers");
    }

    /// <summary>Compiling the project (with the generated sources already in it) to an assembly: no generator, no analyzer.</summary>
    [Benchmark(Baseline = true)]
    public EmitResult Compile()
    {
        using var assembly = new MemoryStream();
        return _generated.Clone().Emit(assembly);
    }

    /// <summary>What a build does: run the generator, run the analyzers, compile.</summary>
    [Benchmark]
    public EmitResult BuildWithGeneratorAndAnalyzers()
    {
        SyntheticProject.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(_project.Compilation.Clone(), out var output, out _);
        _ = output.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        using var assembly = new MemoryStream();
        return output.Emit(assembly);
    }

    /// <summary>The generator alone, from nothing (a build, or opening the solution).</summary>
    [Benchmark]
    [Reference]
    public GeneratorDriver FullGeneration() =>
        SyntheticProject.CreateDriver(trackSteps: false).RunGenerators(_project.Compilation.Clone());

    /// <summary>The OAuthGen analyzers alone, on the generated project; this includes binding what they look at.</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> Analyzers() =>
        _generated.Clone().WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}

/// <summary>
/// A keystroke with the generator's driver warm (as in the IDE), against the floor: a generator keyed on the same
/// attribute with <c>ForAttributeWithMetadataName</c> whose transform only reads the class's name. Roslyn re-runs
/// such a transform for every attributed class on every edit (the compilation changed), so the floor grows with the
/// providers too; the difference is what OAuthGen's own transform costs.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(8)]
public class GeneratorKeystrokeBenchmarks
{
    private SyntheticProject _project = null!;
    private GeneratorDriver _oauthGen = null!;
    private GeneratorDriver _floor = null!;

    [Params(1, 100, 1000)]
    public int Providers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticProject.Create(Providers);
        _oauthGen = SyntheticProject.CreateDriver(trackSteps: false).RunGenerators(_project.Compilation);
        _floor = CSharpGeneratorDriver.Create(new FloorGenerator()).RunGenerators(_project.Compilation);
        Check.That(_floor.GetRunResult().GeneratedTrees.Length == 1, "the floor generator sees the providers");
    }

    /// <summary>One digit changed in a method body of a file without providers: the floor generator.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver FloorUnrelatedFile() => _floor.RunGenerators(UnrelatedEdit());

    /// <summary>The same keystroke: OAuthGen's generator.</summary>
    [Benchmark]
    public GeneratorDriver OAuthGenUnrelatedFile() => _oauthGen.RunGenerators(UnrelatedEdit());

    /// <summary>One character typed in the first provider's scope: the floor generator.</summary>
    [Benchmark]
    [Reference]
    public GeneratorDriver FloorProviderEdit() => _floor.RunGenerators(ProviderEdit());

    /// <summary>The same keystroke: OAuthGen's generator writes that provider's client again.</summary>
    [Benchmark]
    public GeneratorDriver OAuthGenProviderEdit() => _oauthGen.RunGenerators(ProviderEdit());

    private Compilation UnrelatedEdit() => _project.Compilation.ReplaceSyntaxTree(_project.UnrelatedTree, _project.UnrelatedEdited);

    private Compilation ProviderEdit() => _project.Compilation.ReplaceSyntaxTree(_project.ProviderTree, _project.ProviderEdited);
}

/// <summary>The least a generator keyed on [OAuthProvider] can do: find the classes, read their names, write one file.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "OAuthGen.OAuthProviderAttribute",
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (attributeContext, _) => attributeContext.TargetSymbol.Name);
        context.RegisterSourceOutput(names.Collect(), static (output, all) =>
            output.AddSource("Floor.g.cs", "// " + all.Length + " providers"));
    }
}
