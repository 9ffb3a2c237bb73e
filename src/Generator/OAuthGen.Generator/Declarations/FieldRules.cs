using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Generator.Analyzers;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>Which <c>[OAuthField]</c> properties the generated token factory can fill: the generator's rules, explained.</summary>
    internal static class FieldRules
    {
        public const string SupportedTypes = "string, bool, int, long, double, TimeSpan, DateTimeOffset or string[], or their nullable forms";

        /// <summary>The [OAuthField] attribute of the property, or null.</summary>
        public static AttributeData? FieldAttribute(IPropertySymbol property, OAuthSymbols symbols)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (OAuthSymbols.Is(attribute.AttributeClass, symbols.FieldAttribute))
                {
                    return attribute;
                }
            }

            return null;
        }

        /// <summary>
        /// Why the generated factory cannot set the property (a phrase that completes "because it ..."), with the token to
        /// point at; null when it can.
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
                return "has no setter";
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

            if (property.Type.TypeKind != TypeKind.Error && !IsSupported(property.Type))
            {
                if (declaration is not null)
                {
                    location = declaration.Type.GetLocation();
                }

                return "has the type '" + property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "', which OAuthGen cannot read (use " + SupportedTypes + ")";
            }

            return null;
        }

        public static bool IsSupported(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Boolean:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Double:
                    return true;
            }

            if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String })
            {
                return true;
            }

            return type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
                && type.ContainingType is null
                && (string.Equals(type.MetadataName, "TimeSpan", StringComparison.Ordinal) || string.Equals(type.MetadataName, "DateTimeOffset", StringComparison.Ordinal));
        }
    }
}
