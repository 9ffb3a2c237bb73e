using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using OAuthGen.Generator.Diagnostics;

namespace OAuthGen.CodeFixes
{
    /// <summary>
    /// OAUTH001 (a second client credential), OAUTH016 (a header the client controls), OAUTH017 (a parameter the client
    /// sends): remove the <c>[OAuthHeader]</c> or <c>[OAuthParameter]</c> at fault.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveAttributeCodeFixProvider)), Shared]
    public sealed class RemoveAttributeCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.SecretSentTwice, DiagnosticIds.ReservedHeader, DiagnosticIds.ReservedParameter);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var attribute = node?.FirstAncestorOrSelf<AttributeSyntax>();
                if (root is null || attribute is null)
                {
                    continue;
                }

                var title = "Remove [" + attribute.Name + "(" + (attribute.ArgumentList?.Arguments.Count > 0 ? attribute.ArgumentList.Arguments[0].ToString() : string.Empty) + ")]";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(AttributeRemoval.Remove(root, attribute))),
                        equivalenceKey: diagnostic.Id + ".RemoveAttribute"),
                    diagnostic);
            }
        }
    }
}
