using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OAuthGen.Tests.Fuzzing
{
    /// <summary>
    /// Deterministic mutations of the seed declarations, token by token, as a user mid-edit or a bad merge would leave
    /// them: deleted, duplicated and swapped tokens, literals of the wrong type, unclosed strings, stray punctuation,
    /// odd attribute arguments.
    /// </summary>
    internal sealed class DeclarationMutator
    {
        private static readonly string[] WrongValues =
        {
            "42", "-1", "0", "true", "null", "\"\"", "\"   \"", "\"x\"", "'c'", "1.5", "typeof(int)", "typeof(string)", "typeof(OAuthToken)",
            "typeof(void)", "typeof(Missing)", "OAuthGrant.Password", "(OAuthGrant)(-1)", "(OAuthGrant)4096", "(ClientAuthMethod)99",
            "(BodyEncoding)(-3)", "(BasicAuthEncoding)7", "ClientAuthMethod.PrivateKeyJwt", "BodyEncoding.Json", "default", "new object()",
            "nameof(OAuthToken)", "\"http://example.com/token\"", "\"ftp://x\"", "\"\\u0000\"", "\"https://a/token?x=1#y\"", "\"::::\"",
            "\"relative/token\"", "@\"verbatim\"", "$\"{1}\"", "\"\"\"raw\"\"\"", "int.MaxValue", "System.Environment.NewLine", "(string)null",
        };

        private static readonly string[] Insertions =
        {
            "(", ")", "[", "]", "{", "}", ",", ";", "=", "\"", "@", "$", "#", ":", "?", ".", "partial", "static", "class", "public",
            "[OAuthProvider]", "[OAuthProvider(\"https://x/token\")]", "[OAuthHeader(\"Authorization\", \"x\")]", "[OAuthParameter(\"grant_type\", \"x\")]",
            "[OAuthField(\"access_token\")]", "[OAuthField(null)]", "Grants = OAuthGrant.DeviceCode | OAuthGrant.TokenExchange,",
            "MetadataAddress = \"https://issuer/.well-known/openid-configuration\",", "ClientAuth = ClientAuthMethod.None,", "UsePkce = false,",
            "TokenType = typeof(OAuthToken),", "Scope = \"a,b\",", "ScopeRequired = true,", "#nullable disable", "#if X", "/*", "//", "\"unclosed",
            "<T>", "(int X)", "record", "struct", "file", "where T : class", "=> null;", "{ get; set; }", "abstract",
        };

        private readonly Random _random;
        private readonly List<SyntaxToken> _tokens;

        public DeclarationMutator(string source, int seed)
        {
            _random = new Random(seed);
            _tokens = SyntaxFactory.ParseTokens(source).Where(token => !token.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        }

        /// <summary>The source with one to three mutations, and what they were.</summary>
        public (string Source, string Mutations) Next()
        {
            var pieces = _tokens.Select(token => token.ToFullString()).ToList();
            var kinds = _tokens.Select(token => token.Kind()).ToList();
            var applied = new List<string>();
            for (var count = 1 + _random.Next(3); count > 0; count--)
            {
                var at = _random.Next(pieces.Count);
                switch (_random.Next(8))
                {
                    case 0:
                        applied.Add($"delete {Show(pieces[at])}");
                        pieces.RemoveAt(at);
                        kinds.RemoveAt(at);
                        break;
                    case 1:
                        applied.Add($"duplicate {Show(pieces[at])}");
                        pieces.Insert(at, pieces[at]);
                        kinds.Insert(at, kinds[at]);
                        break;
                    case 2:
                        var other = Math.Min(pieces.Count - 1, at + 1 + _random.Next(3));
                        applied.Add($"swap {Show(pieces[at])} {Show(pieces[other])}");
                        (pieces[at], pieces[other]) = (pieces[other], pieces[at]);
                        (kinds[at], kinds[other]) = (kinds[other], kinds[at]);
                        break;
                    case 3:
                        // A literal or a member access of the wrong type where a literal was.
                        var literal = IndexOf(kinds, kind => kind is SyntaxKind.StringLiteralToken or SyntaxKind.NumericLiteralToken or SyntaxKind.TrueKeyword or SyntaxKind.FalseKeyword or SyntaxKind.TypeOfKeyword);
                        if (literal >= 0)
                        {
                            var value = WrongValues[_random.Next(WrongValues.Length)];
                            applied.Add($"retype {Show(pieces[literal])} as {value}");
                            pieces[literal] = " " + value + " ";
                            kinds[literal] = SyntaxKind.None;
                        }

                        break;
                    case 4:
                        // An unclosed string: the closing quote goes.
                        var text = IndexOf(kinds, kind => kind == SyntaxKind.StringLiteralToken);
                        if (text >= 0)
                        {
                            var piece = pieces[text];
                            var quote = piece.LastIndexOf('"');
                            applied.Add($"unclose {Show(piece)}");
                            pieces[text] = quote > 0 ? piece.Remove(quote, 1) : piece;
                        }

                        break;
                    case 5:
                        var insertion = Insertions[_random.Next(Insertions.Length)];
                        applied.Add($"insert {insertion}");
                        pieces.Insert(at, " " + insertion + " ");
                        kinds.Insert(at, SyntaxKind.None);
                        break;
                    case 6:
                        // A string's content replaced: endpoints, scopes, field names.
                        var content = IndexOf(kinds, kind => kind == SyntaxKind.StringLiteralToken);
                        if (content >= 0)
                        {
                            var replacement = WrongValues[_random.Next(WrongValues.Length)];
                            replacement = replacement.StartsWith("\"", StringComparison.Ordinal) ? replacement : "\"" + replacement.Replace("\"", "\\\"") + "\"";
                            applied.Add($"rewrite {Show(pieces[content])} as {replacement}");
                            pieces[content] = replacement;
                        }

                        break;
                    default:
                        // A token moved far away.
                        var to = _random.Next(pieces.Count);
                        applied.Add($"move {Show(pieces[at])}");
                        var moved = pieces[at];
                        var movedKind = kinds[at];
                        pieces.RemoveAt(at);
                        kinds.RemoveAt(at);
                        pieces.Insert(Math.Min(to, pieces.Count), moved);
                        kinds.Insert(Math.Min(to, kinds.Count), movedKind);
                        break;
                }

                if (pieces.Count == 0)
                {
                    break;
                }
            }

            var source = new StringBuilder();
            foreach (var piece in pieces)
            {
                source.Append(piece);
            }

            return (source.ToString(), string.Join("; ", applied));
        }

        private int IndexOf(List<SyntaxKind> kinds, Func<SyntaxKind, bool> match)
        {
            var candidates = Enumerable.Range(0, kinds.Count).Where(i => match(kinds[i])).ToList();
            return candidates.Count == 0 ? -1 : candidates[_random.Next(candidates.Count)];
        }

        private static string Show(string piece)
        {
            var trimmed = piece.Trim();
            return "'" + (trimmed.Length > 40 ? trimmed.Substring(0, 40) + "…" : trimmed) + "'";
        }
    }
}
