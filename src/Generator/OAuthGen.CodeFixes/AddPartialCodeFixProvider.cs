using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using OAuthGen.Generator.Diagnostics;

namespace OAuthGen.CodeFixes
{
    /// <summary>OAUTH003: add <c>partial</c> to the provider class, or to the type that contains it.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider)), Shared]
    public sealed class AddPartialCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ProviderNotPartial);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                // The diagnostic is on the identifier of the declaration that lacks 'partial'.
                var token = root?.FindToken(diagnostic.Location.SourceSpan.Start);
                if (root is null || token?.Parent is not TypeDeclarationSyntax declaration || declaration.Identifier != token.Value
                    || declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Make '" + declaration.Identifier.ValueText + "' partial",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, AddPartial(declaration)))),
                        equivalenceKey: DiagnosticIds.ProviderNotPartial + ".AddPartial"),
                    diagnostic);
            }
        }

        // 'partial' goes last among the modifiers, right before the keyword (CS0267).
        private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
        {
            var space = SyntaxFactory.TriviaList(SyntaxFactory.Space);
            if (declaration.Modifiers.Count > 0)
            {
                return declaration.WithModifiers(declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.PartialKeyword, space)));
            }

            // No modifier: the keyword carries the line's indentation, which moves to 'partial'.
            var keyword = declaration.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, space);
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia(SyntaxTriviaList.Empty))
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }
    }
}
