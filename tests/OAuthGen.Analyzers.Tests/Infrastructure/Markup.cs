using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace OAuthGen.Analyzers.Tests.Infrastructure
{
    /// <summary>A diagnostic the test expects: its ID and the exact span it must cover.</summary>
    internal readonly record struct ExpectedDiagnostic(string Id, TextSpan Span);

    /// <summary>
    /// Test sources mark expected diagnostics inline: <c>{|OAUTH001:"client_secret"|}</c> expects OAUTH001 exactly on
    /// <c>"client_secret"</c>. Marks may nest.
    /// </summary>
    internal static class Markup
    {
        public static (string Source, IReadOnlyList<ExpectedDiagnostic> Expected) Parse(string markup)
        {
            var text = new StringBuilder(markup.Length);
            var expected = new List<ExpectedDiagnostic>();
            var open = new Stack<(string Id, int Start)>();
            for (var i = 0; i < markup.Length; i++)
            {
                if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
                {
                    var colon = markup.IndexOf(':', i + 2);
                    if (colon < 0)
                    {
                        throw new FormatException("A '{|' mark without ':' at " + i);
                    }

                    open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                    i = colon;
                }
                else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
                {
                    if (open.Count == 0)
                    {
                        throw new FormatException("A '|}' mark without '{|' at " + i);
                    }

                    var (id, start) = open.Pop();
                    expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, text.Length)));
                    i++;
                }
                else
                {
                    text.Append(markup[i]);
                }
            }

            if (open.Count > 0)
            {
                throw new FormatException("An unclosed '{|" + open.Peek().Id + ":' mark");
            }

            return (text.ToString(), expected);
        }
    }
}
