using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// Which <c>[OAuthField]</c> properties a generated token factory can fill, and how it reads each: the declaration
    /// reader keeps the fields these rules accept, and TokenFieldAnalyzer reports the reasons for the others (OAUTH019).
    /// </summary>
    internal static class FieldRules
    {
        public const string NoSetter = "has no setter";

        public const string SupportedTypes = "string, bool, int, long, double, TimeSpan, DateTimeOffset or string[], or their nullable forms";

        /// <summary>
        /// Why no generated factory can set the property, whoever declares the provider (a phrase that completes
        /// "because it ..."), with the token to point at; null when one can.
        /// </summary>
        public static string? Problem(IPropertySymbol property, CancellationToken cancellationToken, out Location? location)
        {
            var declaration = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as BasePropertyDeclarationSyntax;
            location = declaration is PropertyDeclarationSyntax named ? named.Identifier.GetLocation() : declaration?.GetLocation();
            if (property.IsIndexer)
            {
                return "is an indexer";
            }

            if (property.IsStatic)
            {
                foreach (var modifier in declaration?.Modifiers ?? default)
                {
                    if (modifier.IsKind(SyntaxKind.StaticKeyword))
                    {
                        location = modifier.GetLocation();
                    }
                }

                return "is static";
            }

            if (property.SetMethod is null)
            {
                return NoSetter;
            }

            if (property.SetMethod.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                var accessor = declaration?.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.IsKind(SyntaxKind.SetKeyword) || a.Keyword.IsKind(SyntaxKind.InitKeyword));
                if (accessor is not null)
                {
                    location = accessor.GetLocation();
                }

                return "has a setter the generated client cannot call (make it public or internal)";
            }

            // An unbound type is the compiler's to report.
            if (property.Type.TypeKind != TypeKind.Error && KindOf(property.Type, out _) is null)
            {
                if (declaration is not null)
                {
                    location = declaration.Type.GetLocation();
                }

                return "has the type '" + property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "', which OAuthGen cannot read (use " + SupportedTypes + ")";
            }

            return null;
        }

        /// <summary>How the runtime reads a value of <paramref name="type"/>, or null when it cannot; whether it is a <c>Nullable&lt;T&gt;</c>.</summary>
        public static TokenFieldKind? KindOf(ITypeSymbol type, out bool isNullableValue)
        {
            isNullableValue = false;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
                isNullableValue = true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String: return TokenFieldKind.String;
                case SpecialType.System_Boolean: return TokenFieldKind.Boolean;
                case SpecialType.System_Int32: return TokenFieldKind.Int32;
                case SpecialType.System_Int64: return TokenFieldKind.Int64;
                case SpecialType.System_Double: return TokenFieldKind.Double;
            }

            if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String })
            {
                return TokenFieldKind.StringArray;
            }

            if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && type.ContainingType is null)
            {
                if (string.Equals(type.MetadataName, "TimeSpan", StringComparison.Ordinal))
                {
                    return TokenFieldKind.TimeSpan;
                }

                if (string.Equals(type.MetadataName, "DateTimeOffset", StringComparison.Ordinal))
                {
                    return TokenFieldKind.DateTimeOffset;
                }
            }

            return null;
        }
    }
}
