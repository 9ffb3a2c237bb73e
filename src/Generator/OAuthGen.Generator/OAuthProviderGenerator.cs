using System.Linq;
using Microsoft.CodeAnalysis;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator
{
    /// <summary>
    /// Turns each <c>[OAuthProvider]</c> partial class into a typed token client. It reports nothing: it keeps the spec
    /// that <see cref="DeclarationReader"/> reads, and ProviderDeclarationAnalyzer reports the problems the same reader
    /// finds (so they stay live and suppressible in the IDE). It skips a class exactly when one of them is an Error.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class OAuthProviderGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Not ForAttributeWithMetadataName: it runs its transform again for every attributed class on every edit, the
            // bodies of methods included. A snapshot of the declarations changes only when something the reader can see
            // does (see DeclarationSnapshot), and then every provider is read again from that one compilation.
#pragma warning disable RS0030 // CompilationProvider is banned for its cost; here it is reduced at once to a snapshot compared at the top level.
            var declarations = context.CompilationProvider
#pragma warning restore RS0030
                .Select(static (compilation, _) => new DeclarationSnapshot(compilation))
                .WithComparer(DeclarationSnapshot.SameDeclarations)
                .WithTrackingName(TrackingNames.Declarations);

            // The metadata documents bound to provider classes (<AdditionalFiles Include="idp.json" OAuthGenProvider="MyIdp" />),
            // read once per file; an edit to any other additional file leaves the collected documents equal.
            var documents = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, cancellationToken) => MetadataDocuments.Read(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(TrackingNames.MetadataDocuments)
                .Where(static document => document is not null)
                .Collect()
                .Select(static (all, _) => new EquatableArray<MetadataDocument>(all.Select(document => document!).ToArray()));

            var providers = declarations
                .Combine(documents)
                .SelectMany(static (input, cancellationToken) => ProviderDiscovery.ReadAll(input.Left, input.Right, cancellationToken))
                .WithTrackingName(TrackingNames.ProviderSpecs);

            context.RegisterSourceOutput(providers, static (output, spec) =>
                output.AddSource(spec.HintName, Emitter.Emit(spec)));
        }
    }
}
