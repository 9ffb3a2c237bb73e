using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OAuthGen.CodeFixes
{
    /// <summary>Removes one attribute, or its whole <c>[...]</c> line when it is alone there, keeping the comments around it.</summary>
    internal static class AttributeRemoval
    {
        public static SyntaxNode Remove(SyntaxNode root, AttributeSyntax attribute)
        {
            if (attribute.Parent is not AttributeListSyntax list)
            {
                return root;
            }

            if (list.Attributes.Count > 1)
            {
                return root.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
            }

            // The list's leading trivia holds the comments above it and the indentation of its line; the comments stay,
            // in front of the next token's own trivia (which already indents that token).
            var next = list.GetLastToken().GetNextToken();
            var kept = WithoutIndentation(list.GetLeadingTrivia());
            var tracked = root.TrackNodes(list);
            if (next.RawKind != 0 && kept.Count > 0)
            {
                var currentNext = tracked.FindToken(next.SpanStart);
                tracked = tracked.ReplaceToken(currentNext, currentNext.WithLeadingTrivia(kept.AddRange(currentNext.LeadingTrivia)));
            }

            var current = tracked.GetCurrentNode(list);
            return current is null ? root : tracked.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
        }

        // Drops the whitespace that indents the attribute's own line (after the last line break).
        private static SyntaxTriviaList WithoutIndentation(SyntaxTriviaList trivia)
        {
            var items = trivia.ToList();
            while (items.Count > 0 && items[items.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                items.RemoveAt(items.Count - 1);
            }

            return SyntaxFactory.TriviaList(items);
        }
    }
}
