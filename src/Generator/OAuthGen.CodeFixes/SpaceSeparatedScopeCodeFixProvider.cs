using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using OAuthGen.Generator.Analyzers;
using OAuthGen.Generator.Diagnostics;

namespace OAuthGen.CodeFixes
{
    /// <summary>OAUTH015: "read,write" becomes "read write".</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SpaceSeparatedScopeCodeFixProvider)), Shared]
    public sealed class SpaceSeparatedScopeCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CommaSeparatedScope);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    continue;
                }

                var scope = ScopeRules.SpaceSeparated(literal.Token.ValueText);
                var replacement = SyntaxFactory.Literal(scope).WithTriviaFrom(literal.Token);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Separate the scopes with spaces: \"" + scope + "\"",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(literal.Token, replacement))),
                        equivalenceKey: DiagnosticIds.CommaSeparatedScope + ".Spaces"),
                    diagnostic);
            }
        }
    }
}
