using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Generator.Declarations;

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
            var providers = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownNames.ProviderAttribute,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    static (attributeContext, cancellationToken) => DeclarationReader.ReadSpec(attributeContext, cancellationToken))
                .WithTrackingName(TrackingNames.ProviderSpecs)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.GeneratableProviders);

            context.RegisterSourceOutput(providers, static (output, spec) =>
                output.AddSource(spec.HintName, Emitter.Emit(spec)));
        }
    }
}
