using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator
{
    public sealed partial class OAuthProviderGenerator
    {
        /// <summary>Reads a declaration into a <see cref="ProviderSpec"/>, or null when no client can be generated for it.</summary>
        internal static class Parser
        {
            public static ProviderSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            {
                try
                {
                    return TryParse(context, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Half-written code can surprise any parser; a crash would fail the user's build (CS8785).
                    return null;
                }
            }

            private static ProviderSpec? TryParse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            {
                if (context.TargetSymbol is not INamedTypeSymbol type
                    || context.TargetNode is not ClassDeclarationSyntax declaration
                    || !CanDeclarePartsOf(type, declaration, cancellationToken))
                {
                    return null;
                }

                // Two [OAuthProvider] on one class is a compile error already; generate nothing for it.
                var providerAttributes = type.GetAttributes().Where(a => IsAttribute(a, KnownNames.ProviderAttribute)).ToArray();
                if (providerAttributes.Length != 1 || context.Attributes.Length != 1)
                {
                    return null;
                }

                var attribute = context.Attributes[0];
                var arguments = new NamedArguments(attribute);
                var metadataAddress = arguments.Get<string>("MetadataAddress");
                string tokenEndpoint;
                if (attribute.AttributeConstructor is null)
                {
                    return null;
                }
                else if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string declaredEndpoint)
                {
                    tokenEndpoint = declaredEndpoint;
                }
                else if (attribute.ConstructorArguments.Length == 0 && !string.IsNullOrEmpty(metadataAddress))
                {
                    // Every endpoint comes from the provider's metadata at run time.
                    tokenEndpoint = string.Empty;
                }
                else
                {
                    return null;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var compilation = (CSharpCompilation)context.SemanticModel.Compilation;
                var tokenType = arguments.Get<ITypeSymbol>("TokenType") is { } declaredTokenType
                    ? ReadTokenType(declaredTokenType, type, compilation, cancellationToken)
                    : null;

                return new ProviderSpec(
                    Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                    ContainingTypes: ReadContainingTypes(declaration),
                    TypeName: Identifier(type.Name),
                    HintName: HintNameOf(type),
                    NullableAnnotations: compilation.LanguageVersion >= LanguageVersion.CSharp8,
                    ImplementsOAuthClient: ImplementsOAuthClient(type, compilation),
                    TokenEndpoint: tokenEndpoint,
                    Grants: arguments.Get("Grants", GrantFlags.ClientCredentials),
                    ClientAuth: arguments.Get("ClientAuth", 0),
                    Body: arguments.Get("Body", 0),
                    BasicEncoding: arguments.Get("BasicEncoding", 0),
                    AuthorizationEndpoint: arguments.Get<string>("AuthorizationEndpoint"),
                    DeviceAuthorizationEndpoint: arguments.Get<string>("DeviceAuthorizationEndpoint"),
                    RevocationEndpoint: arguments.Get<string>("RevocationEndpoint"),
                    IntrospectionEndpoint: arguments.Get<string>("IntrospectionEndpoint"),
                    MetadataAddress: metadataAddress,
                    Scope: arguments.Get<string>("Scope"),
                    ScopeRequired: arguments.Get("ScopeRequired", false),
                    UsePkce: arguments.Get("UsePkce", true),
                    Headers: ReadNameValues(type, KnownNames.HeaderAttribute),
                    Parameters: ReadNameValues(type, KnownNames.ParameterAttribute),
                    TokenType: tokenType,
                    WritesOptionsProperty: !NamesOptions(type));
            }

            // The public Options property is left out where it would clash: a class named Options (CS0542), or one
            // that has or inherits a member of that name (CS0102, or CS0108 when hidden). Options stays reachable
            // through IClientCredentialsTokenClient there.
            private static bool NamesOptions(INamedTypeSymbol type)
            {
                if (type.Name == "Options")
                {
                    return true;
                }

                for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    if (!current.GetMembers("Options").IsEmpty)
                    {
                        return true;
                    }
                }

                return false;
            }

            // The generated part must be able to sit beside the user's: a non-static, non-generic partial class
            // without a primary constructor (on any of its parts), inside partial types only, none of them file-local
            // (a part in another file would declare a different type). Arity, not IsGenericType: the latter is also
            // true for a class nested in a generic type, which the generated part supports.
            private static bool CanDeclarePartsOf(INamedTypeSymbol type, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
            {
                // A class named Provider cannot hold the generated Provider property (CS0542).
                if (type.IsStatic || type.Arity > 0 || type.Name == "Provider" || !IsPartial(declaration) || HasPrimaryConstructor(type, cancellationToken))
                {
                    return false;
                }

                var enclosing = declaration.Ancestors().OfType<TypeDeclarationSyntax>().ToArray();
                return enclosing.All(IsPartial)
                    && !enclosing.Append(declaration).Any(part => part.Modifiers.Any(SyntaxKind.FileKeyword));
            }

            private static bool HasPrimaryConstructor(INamedTypeSymbol type, CancellationToken cancellationToken) =>
                type.DeclaringSyntaxReferences.Any(reference =>
                    reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: not null });

            // IOAuthClient<TSelf> has static abstract members: the runtime's .NET 7+ build and C# 11 are needed, and a
            // concrete class to construct.
            private static bool ImplementsOAuthClient(INamedTypeSymbol type, CSharpCompilation compilation) =>
                !type.IsAbstract
                && compilation.LanguageVersion >= LanguageVersion.CSharp11
                && compilation.GetTypeByMetadataName(KnownNames.OAuthClientInterface) is not null;

            private static bool IsPartial(TypeDeclarationSyntax declaration) =>
                declaration.Modifiers.Any(modifier => modifier.IsKind(SyntaxKind.PartialKeyword));

            private static EquatableArray<ContainingTypeSpec> ReadContainingTypes(ClassDeclarationSyntax declaration)
            {
                var containing = declaration.Ancestors().OfType<TypeDeclarationSyntax>()
                    .Select(parent => new ContainingTypeSpec(KeywordOf(parent), parent.Identifier.Text + (parent.TypeParameterList?.ToString() ?? string.Empty)))
                    .Reverse()
                    .ToArray();
                return new EquatableArray<ContainingTypeSpec>(containing);
            }

            private static string KeywordOf(TypeDeclarationSyntax declaration) => declaration switch
            {
                RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
                RecordDeclarationSyntax => "record",
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                _ => "class",
            };

            private static string HintNameOf(INamedTypeSymbol type)
            {
                var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
                var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_').ToArray());
                return safe + ".OAuthProvider.g.cs";
            }

            private static EquatableArray<NameValueSpec> ReadNameValues(INamedTypeSymbol type, string attributeName)
            {
                var values = new List<NameValueSpec>();
                foreach (var attribute in type.GetAttributes())
                {
                    if (IsAttribute(attribute, attributeName)
                        && attribute.ConstructorArguments.Length == 2
                        && attribute.ConstructorArguments[0].Value is string name
                        && attribute.ConstructorArguments[1].Value is string value)
                    {
                        values.Add(new NameValueSpec(name, value));
                    }
                }

                return new EquatableArray<NameValueSpec>(values.ToArray());
            }

            // A token type the client can create and fill; anything else falls back to OAuthToken (the analyzers say why).
            private static TokenTypeSpec? ReadTokenType(ITypeSymbol declared, INamedTypeSymbol provider, Compilation compilation, CancellationToken cancellationToken)
            {
                if (declared is not INamedTypeSymbol tokenType
                    || tokenType.TypeKind != TypeKind.Class
                    || tokenType.IsAbstract
                    || tokenType.IsUnboundGenericType
                    || !DerivesFromOAuthToken(tokenType)
                    || !compilation.IsSymbolAccessibleWithin(tokenType, provider)
                    || !tokenType.InstanceConstructors.Any(c => c.Parameters.Length == 0 && compilation.IsSymbolAccessibleWithin(c, provider)))
                {
                    return null;
                }

                var fields = new List<TokenFieldSpec>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var assigned = new HashSet<string>(StringComparer.Ordinal);
                for (var current = tokenType; current is not null && !IsOAuthToken(current); current = current.BaseType)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                    {
                        if (seen.Add(property.Name) && ReadField(property, provider, compilation) is { } field)
                        {
                            fields.Add(field);
                            assigned.Add(property.Name);
                        }
                    }
                }

                if (HasUnassignedRequiredMembers(tokenType, assigned))
                {
                    return null;
                }

                return new TokenTypeSpec(
                    tokenType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    new EquatableArray<TokenFieldSpec>(fields.ToArray()));
            }

            // The generated `new T { ... }` sets only the [OAuthField] properties; a C# 11 required member it does not
            // set would be CS9035 in generated code, unless the parameterless constructor has [SetsRequiredMembers].
            private static bool HasUnassignedRequiredMembers(INamedTypeSymbol tokenType, HashSet<string> assigned)
            {
                var constructor = tokenType.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
                if (constructor is not null && constructor.GetAttributes().Any(a =>
                        a.AttributeClass is { Name: "SetsRequiredMembersAttribute" } attributeClass
                        && attributeClass.ContainingNamespace.ToDisplayString() == "System.Diagnostics.CodeAnalysis"))
                {
                    return false;
                }

                for (var current = tokenType; current is not null; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        var isRequired = member is IPropertySymbol { IsRequired: true } || member is IFieldSymbol { IsRequired: true };
                        if (isRequired && !assigned.Contains(member.Name))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static TokenFieldSpec? ReadField(IPropertySymbol property, INamedTypeSymbol provider, Compilation compilation)
            {
                var attribute = property.GetAttributes().FirstOrDefault(a => IsAttribute(a, KnownNames.FieldAttribute));
                if (attribute is null
                    || attribute.ConstructorArguments.Length != 1
                    || attribute.ConstructorArguments[0].Value is not string jsonName
                    || property.IsStatic
                    || property.IsIndexer
                    || property.SetMethod is null
                    || !compilation.IsSymbolAccessibleWithin(property.SetMethod, provider))
                {
                    return null;
                }

                var type = property.Type;
                var isNullableValue = false;
                if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                {
                    type = nullable.TypeArguments[0];
                    isNullableValue = true;
                }

                var kind = KindOf(type);
                if (kind is null)
                {
                    return null;
                }

                TokenFieldNullability nullability;
                if (type.IsValueType)
                {
                    nullability = isNullableValue ? TokenFieldNullability.Nullable : TokenFieldNullability.ValueDefault;
                }
                else
                {
                    nullability = property.NullableAnnotation == NullableAnnotation.NotAnnotated
                        ? TokenFieldNullability.ReferenceEmpty
                        : TokenFieldNullability.Nullable;
                }

                return new TokenFieldSpec(Identifier(property.Name), jsonName, kind.Value, nullability);
            }

            private static TokenFieldKind? KindOf(ITypeSymbol type)
            {
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

                if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
                {
                    switch (type.MetadataName)
                    {
                        case "TimeSpan": return TokenFieldKind.TimeSpan;
                        case "DateTimeOffset": return TokenFieldKind.DateTimeOffset;
                    }
                }

                return null;
            }

            private static bool DerivesFromOAuthToken(INamedTypeSymbol type)
            {
                for (var current = type.BaseType; current is not null; current = current.BaseType)
                {
                    if (IsOAuthToken(current))
                    {
                        return true;
                    }
                }

                return IsOAuthToken(type);
            }

            private static bool IsOAuthToken(INamedTypeSymbol type) => IsNamed(type, KnownNames.OAuthToken);

            private static bool IsAttribute(AttributeData attribute, string metadataName) =>
                attribute.AttributeClass is { } attributeClass && IsNamed(attributeClass, metadataName);

            private static bool IsNamed(INamedTypeSymbol type, string metadataName) =>
                type.ContainingType is null
                && metadataName.Length == KnownNames.Namespace.Length + 1 + type.MetadataName.Length
                && metadataName.EndsWith(type.MetadataName, StringComparison.Ordinal)
                && type.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true };

            private static string Identifier(string name) =>
                SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

            /// <summary>The attribute's named arguments, read defensively: a wrong or missing value gives the default.</summary>
            private readonly struct NamedArguments
            {
                private readonly AttributeData _attribute;

                public NamedArguments(AttributeData attribute)
                {
                    _attribute = attribute;
                }

                public T? Get<T>(string name)
                    where T : class
                {
                    foreach (var argument in _attribute.NamedArguments)
                    {
                        if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error && argument.Value.Value is T value)
                        {
                            return value;
                        }
                    }

                    return null;
                }

                public int Get(string name, int defaultValue)
                {
                    foreach (var argument in _attribute.NamedArguments)
                    {
                        if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Enum && argument.Value.Value is int value)
                        {
                            return value;
                        }
                    }

                    return defaultValue;
                }

                public bool Get(string name, bool defaultValue)
                {
                    foreach (var argument in _attribute.NamedArguments)
                    {
                        if (argument.Key == name && argument.Value.Value is bool value)
                        {
                            return value;
                        }
                    }

                    return defaultValue;
                }
            }
        }
    }
}
