using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using OAuthGen.Generator.Diagnostics;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>RFC 6749 §3.3: <c>scope = scope-token *( SP scope-token )</c>, <c>scope-token = 1*( %x21 / %x23-5B / %x5D-7E )</c>.</summary>
    internal static class ScopeRules
    {
        private static readonly char[] Separators = { ',', ' ' };

        /// <summary>A phrase that completes "The scope ... ", or null when the scope is valid. An empty scope is valid (seed 002 sends one).</summary>
        public static string? Problem(string scope)
        {
            foreach (var c in scope)
            {
                if (c == ' ' || (c > ' ' && c < '\u007F' && c != '"' && c != '\\'))
                {
                    continue;
                }

                return "contains " + Describe(c);
            }

            if (scope.Length > 0 && (scope[0] == ' ' || scope[scope.Length - 1] == ' ' || scope.IndexOf("  ", StringComparison.Ordinal) >= 0))
            {
                return "has an extra space";
            }

            return null;
        }

        /// <summary>Reports OAUTH014 and OAUTH015 (unless <paramref name="commasSeparate"/>: ScopeSeparator = ",") for a constant scope at <paramref name="location"/>.</summary>
        public static void Report(Action<Diagnostic> report, string scope, Location location, bool commasSeparate = false)
        {
            if (Problem(scope) is { } problem)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.InvalidScope, location, scope, problem));
            }

            if (!commasSeparate && IsCommaSeparated(scope))
            {
                report(Diagnostic.Create(DiagnosticDescriptors.CommaSeparatedScope, location, scope, SpaceSeparated(scope)));
            }
        }

        public static bool IsCommaSeparated(string scope) => scope.IndexOf(',') >= 0;

        /// <summary>The scope with commas (and the spaces around them) turned into single spaces.</summary>
        public static string SpaceSeparated(string scope) => string.Join(" ", scope.Split(Separators, StringSplitOptions.RemoveEmptyEntries));

        private static string Describe(char c)
        {
            switch (c)
            {
                case '\t': return "a tab";
                case '\r':
                case '\n': return "a line break";
                case '"': return "'\"'";
                case '\\': return "'\\'";
            }

            var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return char.IsControl(c) ? "the control character " + code : "'" + c + "' (" + code + "), which is not ASCII";
        }
    }
}
