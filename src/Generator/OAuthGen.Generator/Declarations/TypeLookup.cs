using Microsoft.CodeAnalysis;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// Finds a type by metadata name as the compilation's own code would bind it. <c>Compilation.GetTypeByMetadataName</c>
    /// (banned in this project) returns null as soon as two assemblies declare the name, even when only one of them is
    /// visible; this prefers the compilation's own type, then the one visible referenced type (as dotnet/runtime's
    /// generators do with GetBestTypeByMetadataName).
    /// </summary>
    internal static class TypeLookup
    {
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            INamedTypeSymbol? found = null;
            foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
                {
                    return candidate;
                }

                if (!compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly))
                {
                    continue;
                }

                if (found is not null)
                {
                    // Two visible types of the same name: the user's code cannot bind it either.
                    return null;
                }

                found = candidate;
            }

            return found;
        }

        public static bool Has(Compilation compilation, string metadataName) => Find(compilation, metadataName) is not null;
    }
}
