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
            HeaderAttribute = TypeLookup.Find(compilation, KnownNames.HeaderAttribute);
            ParameterAttribute = TypeLookup.Find(compilation, KnownNames.ParameterAttribute);
            ParameterNameAttribute = TypeLookup.Find(compilation, KnownNames.ParameterNameAttribute);
            FieldAttribute = TypeLookup.Find(compilation, KnownNames.FieldAttribute);
            OAuthToken = TypeLookup.Find(compilation, KnownNames.OAuthToken);
            ClientOptions = TypeLookup.Find(compilation, KnownNames.ClientOptions);
            ClientCredentialsTokenClient = TypeLookup.Find(compilation, KnownNames.ClientCredentialsTokenClient);
        }

        public INamedTypeSymbol ProviderAttribute { get; }

        public INamedTypeSymbol? HeaderAttribute { get; }

        public INamedTypeSymbol? ParameterAttribute { get; }

        public INamedTypeSymbol? ParameterNameAttribute { get; }

        public INamedTypeSymbol? FieldAttribute { get; }

        public INamedTypeSymbol? OAuthToken { get; }

        public INamedTypeSymbol? ClientOptions { get; }

        public INamedTypeSymbol? ClientCredentialsTokenClient { get; }

        public static OAuthSymbols? Create(Compilation compilation) =>
            TypeLookup.Find(compilation, KnownNames.ProviderAttribute) is { } providerAttribute
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
    }
}
