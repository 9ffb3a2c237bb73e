using Microsoft.CodeAnalysis;
using OAuthGen.Generator.Declarations;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>The runtime's types, resolved once per compilation. Null when the compilation does not reference OAuthGen.</summary>
    internal sealed class OAuthSymbols
    {
        private OAuthSymbols(Compilation compilation, INamedTypeSymbol providerAttribute)
        {
            ProviderAttribute = providerAttribute;
            HeaderAttribute = compilation.GetTypeByMetadataName(KnownNames.HeaderAttribute);
            ParameterAttribute = compilation.GetTypeByMetadataName(KnownNames.ParameterAttribute);
            FieldAttribute = compilation.GetTypeByMetadataName(KnownNames.FieldAttribute);
            OAuthToken = compilation.GetTypeByMetadataName(KnownNames.OAuthToken);
            ClientOptions = compilation.GetTypeByMetadataName(KnownNames.ClientOptions);
            ClientCredentialsTokenClient = compilation.GetTypeByMetadataName(KnownNames.ClientCredentialsTokenClient);
        }

        public INamedTypeSymbol ProviderAttribute { get; }

        public INamedTypeSymbol? HeaderAttribute { get; }

        public INamedTypeSymbol? ParameterAttribute { get; }

        public INamedTypeSymbol? FieldAttribute { get; }

        public INamedTypeSymbol? OAuthToken { get; }

        public INamedTypeSymbol? ClientOptions { get; }

        public INamedTypeSymbol? ClientCredentialsTokenClient { get; }

        public static OAuthSymbols? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName(KnownNames.ProviderAttribute) is { } providerAttribute
                ? new OAuthSymbols(compilation, providerAttribute)
                : null;

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

        public bool IsProvider(INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (Is(attribute.AttributeClass, ProviderAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        public bool DerivesFromOAuthToken(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, OAuthToken))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
