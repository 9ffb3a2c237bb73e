using System;
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
    /// <summary>OAUTH006: turn the <c>http://</c> of an endpoint literal into <c>https://</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseHttpsCodeFixProvider)), Shared]
    public sealed class UseHttpsCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InsecureEndpoint);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                // Only a plain string literal is rewritten; a constant built elsewhere is left to the user.
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                    || WithHttps(literal.Token) is not { } https)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use https",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(literal.Token, https))),
                        equivalenceKey: DiagnosticIds.InsecureEndpoint + ".UseHttps"),
                    diagnostic);
            }
        }

        // "http://host/x" -> "https://host/x", @"http://..." -> @"https://...": only the scheme changes in the text.
        private static SyntaxToken? WithHttps(SyntaxToken token)
        {
            var text = token.Text;
            var start = text.StartsWith("@\"", StringComparison.Ordinal) ? 2 : text.StartsWith("\"", StringComparison.Ordinal) ? 1 : -1;
            if (start < 0 || string.Compare(text, start, "http:", 0, 5, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return null;
            }

            var newText = text.Substring(0, start) + "https" + text.Substring(start + 4);
            var newValue = "https" + token.ValueText.Substring(4);
            return SyntaxFactory.Literal(token.LeadingTrivia, newText, newValue, token.TrailingTrivia);
        }
    }
}
