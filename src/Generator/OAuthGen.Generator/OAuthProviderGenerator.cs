using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using OAuthGen.Generator.Declarations;

namespace OAuthGen.Generator
{
    /// <summary>
    /// Turns each <c>[OAuthProvider]</c> partial class into a typed token client. It reports nothing: what it cannot
    /// generate it skips, and the OAuthGen analyzers say why.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class OAuthProviderGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var providers = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownNames.ProviderAttribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (attributeContext, cancellationToken) => Parser.Parse(attributeContext, cancellationToken))
                .WithTrackingName(TrackingNames.ProviderSpecs)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.GeneratableProviders);

            context.RegisterSourceOutput(providers, static (output, spec) =>
                output.AddSource(spec.HintName, Emitter.Emit(spec)));
        }
    }
}
