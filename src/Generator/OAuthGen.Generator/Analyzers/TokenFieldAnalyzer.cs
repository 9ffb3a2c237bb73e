using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Diagnostics;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>
    /// Checks the <c>[OAuthField]</c> properties of custom token types: each must be fillable (OAUTH019), read its own
    /// response field (OAUTH020), and not a field the runtime reads itself (OAUTH021). One symbol action per named type.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TokenFieldAnalyzer : DiagnosticAnalyzer
    {
        // The fields TokenResponseReader classifies (case-insensitively) as standard: they never reach AdditionalFields.
        private static readonly Dictionary<string, string> StandardFields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["access_token"] = "OAuthToken.AccessToken",
            ["token_type"] = "OAuthToken.TokenType",
            ["expires_in"] = "OAuthToken.ExpiresIn",
            ["refresh_token"] = "OAuthToken.RefreshToken",
            ["scope"] = "OAuthToken.Scope",
            ["id_token"] = "OAuthToken.IdToken",
            ["error"] = "OAuthException.Error",
            ["error_description"] = "OAuthException.ErrorDescription",
            ["error_uri"] = "OAuthException.ErrorUri",
        };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.UnsupportedField,
            DiagnosticDescriptors.DuplicateField,
            DiagnosticDescriptors.StandardFieldShadowed);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (OAuthSymbols.Create(start.Compilation) is { FieldAttribute: not null } symbols)
                {
                    start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType);
                }
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, OAuthSymbols symbols)
        {
            if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type)
            {
                return;
            }

            var own = new List<(IPropertySymbol Property, AttributeData Attribute)>();
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol property && RuntimeSymbols.FieldAttribute(property) is { } attribute)
                {
                    own.Add((property, attribute));
                }
            }

            if (own.Count == 0)
            {
                return;
            }

            var isTokenType = symbols.OAuthToken is null || RuntimeSymbols.DerivesFromOAuthToken(type);
            var seen = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
            CollectInherited(type, symbols, seen);
            foreach (var (property, attribute) in own)
            {
                var arguments = new AttributeArguments(attribute, context.CancellationToken);
                var jsonName = arguments.ConstructorString(0);
                var nameLocation = arguments.LocationOf(arguments.ConstructorExpression(0, KnownNames.JsonNameParameter));
                if (!isTokenType)
                {
                    var location = property.Locations.Length > 0 ? property.Locations[0] : nameLocation;
                    Report(context, DiagnosticDescriptors.UnsupportedField, location, property.Name, "is declared in '" + type.Name + "', which does not derive from OAuthToken");
                    continue;
                }

                if (FieldRules.Problem(property, context.CancellationToken, out var problemLocation) is { } problem)
                {
                    Report(context, DiagnosticDescriptors.UnsupportedField, problemLocation ?? nameLocation, property.Name, problem);
                }

                if (jsonName is null)
                {
                    continue;
                }

                if (StandardFields.TryGetValue(jsonName, out var standard))
                {
                    Report(context, DiagnosticDescriptors.StandardFieldShadowed, nameLocation, jsonName, property.Name, standard);
                }
                else if (seen.TryGetValue(jsonName, out var first))
                {
                    Report(context, DiagnosticDescriptors.DuplicateField, nameLocation, property.Name, jsonName, first.Name);
                }
                else
                {
                    seen.Add(jsonName, property);
                }
            }
        }

        // The fields the base types (up to OAuthToken) map already, skipping properties this type overrides or hides.
        private static void CollectInherited(INamedTypeSymbol type, OAuthSymbols symbols, Dictionary<string, IPropertySymbol> seen)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                names.Add(member.Name);
            }

            var chain = new List<INamedTypeSymbol>();
            for (var current = type.BaseType; current is not null && !RuntimeSymbols.IsOAuthToken(current); current = current.BaseType)
            {
                chain.Add(current);
            }

            foreach (var baseType in chain)
            {
                foreach (var member in baseType.GetMembers())
                {
                    if (member is IPropertySymbol property
                        && names.Add(property.Name)
                        && RuntimeSymbols.FieldAttribute(property) is { } attribute
                        && RuntimeSymbols.FieldJsonName(attribute) is { } jsonName
                        && !StandardFields.ContainsKey(jsonName)
                        && !seen.ContainsKey(jsonName))
                    {
                        seen.Add(jsonName, property);
                    }
                }
            }
        }

        private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
    }
}
