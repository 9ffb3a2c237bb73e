using System;
using Microsoft.CodeAnalysis;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// Recognizes the runtime's types by name, without looking them up in the compilation: the generator's transform
    /// and the analyzers' symbol actions can both ask, per symbol, at no per-compilation cost.
    /// </summary>
    internal static class RuntimeSymbols
    {
        public static bool IsAttribute(AttributeData attribute, string metadataName) =>
            attribute.AttributeClass is { } attributeClass && IsNamed(attributeClass, metadataName);

        public static bool IsOAuthToken(ITypeSymbol type) => type is INamedTypeSymbol named && IsNamed(named, KnownNames.OAuthToken);

        public static bool DerivesFromOAuthToken(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (IsOAuthToken(current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The property's own <c>[OAuthField]</c>, or null.</summary>
        public static AttributeData? FieldAttribute(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (IsAttribute(attribute, KnownNames.FieldAttribute))
                {
                    return attribute;
                }
            }

            return null;
        }

        /// <summary>The JSON name of the property's <c>[OAuthField]</c>, or null when it has none or it is not a string.</summary>
        public static string? FieldJsonName(AttributeData fieldAttribute) =>
            fieldAttribute.ConstructorArguments.Length == 1 && fieldAttribute.ConstructorArguments[0].Value is string jsonName ? jsonName : null;

        private static bool IsNamed(INamedTypeSymbol type, string metadataName) =>
            type.ContainingType is null
            && metadataName.Length == KnownNames.Namespace.Length + 1 + type.MetadataName.Length
            && metadataName.EndsWith(type.MetadataName, StringComparison.Ordinal)
            && type.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true };
    }
}
