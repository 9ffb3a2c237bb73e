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
    /// <summary>OAUTH011, OAUTH046: remove <c>UsePkce = false</c>; PKCE is on by default.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnablePkceCodeFixProvider)), Shared]
    public sealed class EnablePkceCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PkceDisabled, DiagnosticIds.PkceRequired);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (root is null || node?.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not { NameEquals: not null, Parent: AttributeArgumentListSyntax list } argument)
                {
                    continue;
                }

                // Remove takes the argument's comma with it: the one after it, or before it for the last argument.
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use PKCE (remove 'UsePkce = false')",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))))),
                        equivalenceKey: diagnostic.Id + ".UsePkce"),
                    diagnostic);
            }
        }
    }
}
