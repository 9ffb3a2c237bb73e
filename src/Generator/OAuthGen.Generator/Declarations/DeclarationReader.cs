using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OAuthGen.Generator.Diagnostics;
using OAuthGen.Generator.Linked;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// Reads one <c>[OAuthProvider]</c> declaration, for the generator and the analyzers alike: the spec to generate
    /// from, and the problems found. Every rule that decides whether a client can be generated is here, once. The spec
    /// is null exactly when a problem is an Error, so "the generator skipped this class" and "an Error was reported"
    /// cannot disagree.
    /// </summary>
    internal static class DeclarationReader
    {
        private static readonly OAuthProviderAttribute Defaults = new OAuthProviderAttribute();

        /// <summary>The reading of a declaration.</summary>
        public readonly struct Reading
        {
            public Reading(ProviderSpec? spec, ImmutableArray<Problem> problems, MetadataDocument? document = null)
            {
                Spec = spec;
                Problems = problems;
                Document = document;
            }

            /// <summary>What to generate; null when nothing can be (then <see cref="Problems"/> holds an Error).</summary>
            public ProviderSpec? Spec { get; }

            public ImmutableArray<Problem> Problems { get; }

            /// <summary>The usable metadata document bound to the declaration, whose endpoints fill what the attribute leaves out.</summary>
            public MetadataDocument? Document { get; }
        }

        /// <summary>
        /// Reads <paramref name="type"/>, declared by <paramref name="declaration"/> with <paramref name="attribute"/> (one of
        /// its <c>[OAuthProvider]</c>s), beside the metadata <paramref name="documents"/> of the project (one of them may be
        /// bound to it). A type that is not a class gets neither spec nor problems: the compiler rejects the attribute
        /// there (CS0592).
        /// </summary>
        public static Reading Read(INamedTypeSymbol type, AttributeData attribute, TypeDeclarationSyntax declaration, Compilation compilation, CancellationToken cancellationToken, ImmutableArray<MetadataDocument> documents)
        {
            var problems = ImmutableArray.CreateBuilder<Problem>();
            if (type.TypeKind != TypeKind.Class)
            {
                return new Reading(null, problems.ToImmutable());
            }

            ReadShape(type, declaration, problems, cancellationToken);
            var arguments = new AttributeArguments(attribute, cancellationToken);
            var document = MetadataRules.DocumentOf(type, documents, arguments, problems, out var documentUnusable);
            var tokenEndpoint = ReadTokenEndpoint(type, attribute, arguments, problems, document, documentUnusable);

            cancellationToken.ThrowIfCancellationRequested();
            TokenTypeSpec? tokenType = null;
            if (arguments.TryGetNamed(nameof(OAuthProviderAttribute.TokenType), out var declaredTokenType)
                && declaredTokenType.Kind == TypedConstantKind.Type
                && declaredTokenType.Value is ITypeSymbol { TypeKind: not TypeKind.Error } tokenTypeSymbol)
            {
                tokenType = ReadTokenType(tokenTypeSymbol, type, compilation, arguments, problems, cancellationToken);
            }

            var responseFields = ReadResponseFields(type, arguments, problems);
            HeaderRules.Check(type, problems, cancellationToken);
            if (problems.Any(problem => problem.IsError) || tokenEndpoint is null)
            {
                return new Reading(null, problems.ToImmutable(), document);
            }

            var grants = arguments.NamedEnum(nameof(OAuthProviderAttribute.Grants), Defaults.Grants) ?? Defaults.Grants;
            var clientAuth = arguments.NamedEnum(nameof(OAuthProviderAttribute.ClientAuth), Defaults.ClientAuth) ?? Defaults.ClientAuth;
            var usePkce = arguments.NamedBoolean(nameof(OAuthProviderAttribute.UsePkce), Defaults.UsePkce) ?? Defaults.UsePkce;
            if (document is not null)
            {
                MetadataRules.Check(type, arguments, document, grants, clientAuth, usePkce, problems);
            }

            string? Endpoint(string property, string? fromDocument) => MetadataRules.Endpoint(arguments.NamedString(property), fromDocument);

            var languageVersion = ((CSharpCompilation)compilation).LanguageVersion;
            var spec = new ProviderSpec(
                Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                ContainingTypes: ReadContainingTypes(declaration),
                TypeName: Identifier(type.Name),
                HintName: HintNameOf(type),
                NullableAnnotations: languageVersion >= LanguageVersion.CSharp8,
                ImplementsOAuthClient: !type.IsAbstract && languageVersion >= LanguageVersion.CSharp11 && TypeLookup.Has(compilation, KnownNames.OAuthClientInterface),
                TokenEndpoint: tokenEndpoint,
                Grants: grants,
                ClientAuth: clientAuth,
                Body: arguments.NamedEnum(nameof(OAuthProviderAttribute.Body), Defaults.Body) ?? Defaults.Body,
                BasicEncoding: arguments.NamedEnum(nameof(OAuthProviderAttribute.BasicEncoding), Defaults.BasicEncoding) ?? Defaults.BasicEncoding,
                AuthorizationEndpoint: Endpoint(nameof(OAuthProviderAttribute.AuthorizationEndpoint), document?.AuthorizationEndpoint),
                DeviceAuthorizationEndpoint: Endpoint(nameof(OAuthProviderAttribute.DeviceAuthorizationEndpoint), document?.DeviceAuthorizationEndpoint),
                RevocationEndpoint: Endpoint(nameof(OAuthProviderAttribute.RevocationEndpoint), document?.RevocationEndpoint),
                IntrospectionEndpoint: Endpoint(nameof(OAuthProviderAttribute.IntrospectionEndpoint), document?.IntrospectionEndpoint),
                MetadataAddress: arguments.NamedString(nameof(OAuthProviderAttribute.MetadataAddress)),
                Scope: arguments.NamedString(nameof(OAuthProviderAttribute.Scope)),
                ScopeRequired: arguments.NamedBoolean(nameof(OAuthProviderAttribute.ScopeRequired), Defaults.ScopeRequired) ?? Defaults.ScopeRequired,
                UsePkce: usePkce,
                ScopeInAssertion: arguments.NamedBoolean(nameof(OAuthProviderAttribute.ScopeInAssertion), Defaults.ScopeInAssertion) ?? Defaults.ScopeInAssertion,
                Headers: ReadNameValues(type, KnownNames.HeaderAttribute),
                Parameters: ReadNameValues(type, KnownNames.ParameterAttribute),
                TokenType: tokenType,
                WritesOptionsProperty: !NamesOptions(type),
                ParameterLocation: arguments.NamedEnum(nameof(OAuthProviderAttribute.Parameters), Defaults.Parameters) ?? Defaults.Parameters,
                Method: arguments.NamedEnum(nameof(OAuthProviderAttribute.Method), Defaults.Method) ?? Defaults.Method,
                ParameterNames: ReadParameterNames(type),
                ResponseFields: responseFields,
                RefreshTokenEndpoint: arguments.NamedString(nameof(OAuthProviderAttribute.RefreshTokenEndpoint)));
            return new Reading(spec, problems.ToImmutable(), document);
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

        // OAUTH003, OAUTH004. The generated part must be able to sit beside the user's: a non-static, non-generic partial
        // class without a primary constructor (on any of its parts), inside partial types only, none of them file-local
        // (a part in another file would declare a different type). Arity, not IsGenericType: the latter is also true for
        // a class nested in a generic type, which the generated part supports.
        private static void ReadShape(INamedTypeSymbol type, TypeDeclarationSyntax declaration, ImmutableArray<Problem>.Builder problems, CancellationToken cancellationToken)
        {
            var enclosingTypes = declaration.Ancestors().OfType<TypeDeclarationSyntax>().ToArray();
            if (!IsPartial(declaration))
            {
                problems.Add(new Problem(DiagnosticDescriptors.ProviderNotPartial, declaration.Identifier.GetLocation(), type.Name, type.Name));
            }

            foreach (var enclosing in enclosingTypes)
            {
                if (!IsPartial(enclosing))
                {
                    problems.Add(new Problem(DiagnosticDescriptors.ProviderNotPartial, enclosing.Identifier.GetLocation(), enclosing.Identifier.ValueText, type.Name));
                }
            }

            void Unsupported(Location location, string reason) =>
                problems.Add(new Problem(DiagnosticDescriptors.ProviderShapeNotSupported, location, type.Name, reason));

            if (type.IsStatic)
            {
                Unsupported(Modifier(declaration, SyntaxKind.StaticKeyword) ?? declaration.Identifier.GetLocation(), "is static");
            }

            if (type.Name == "Provider")
            {
                // A member may not share its type's name (CS0542), and every client has a static Provider property.
                Unsupported(declaration.Identifier.GetLocation(), "is named 'Provider', the name of the generated property that describes it; rename the class");
            }

            if (type.Arity > 0)
            {
                Unsupported(declaration.TypeParameterList?.GetLocation() ?? declaration.Identifier.GetLocation(), "is generic");
            }

            if (declaration is RecordDeclarationSyntax record)
            {
                Unsupported(record.Keyword.GetLocation(), "is a record");
            }
            else
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: { } parameters })
                    {
                        Unsupported(parameters.GetLocation(), "has a primary constructor");
                    }
                }
            }

            if (Modifier(declaration, SyntaxKind.FileKeyword) is { } fileKeyword)
            {
                Unsupported(fileKeyword, "is file-local");
            }

            foreach (var enclosing in enclosingTypes)
            {
                if (Modifier(enclosing, SyntaxKind.FileKeyword) is { } enclosingFile)
                {
                    Unsupported(enclosingFile, "is inside the file-local type '" + enclosing.Identifier.ValueText + "'");
                }
            }
        }

        // OAUTH022: the token endpoint, or null (with an Error) when neither the attribute nor a bound metadata document
        // gives one that can be used (OAUTH050 has said why a bound document cannot).
        private static string? ReadTokenEndpoint(INamedTypeSymbol type, AttributeData attribute, AttributeArguments arguments, ImmutableArray<Problem>.Builder problems, MetadataDocument? document, bool documentUnusable)
        {
            void Unreadable(string reason) =>
                problems.Add(new Problem(DiagnosticDescriptors.ProviderAttributeUnusable, arguments.Location, type.Name, reason));

            var providerAttributes = 0;
            foreach (var candidate in type.GetAttributes())
            {
                if (RuntimeSymbols.IsAttribute(candidate, KnownNames.ProviderAttribute))
                {
                    providerAttributes++;
                }
            }

            if (providerAttributes > 1)
            {
                Unreadable("is declared more than once (CS0579); keep one");
                return null;
            }

            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Any(argument => argument.Kind == TypedConstantKind.Error))
            {
                Unreadable("has arguments that do not bind to its constructor; fix the compiler errors in it");
                return null;
            }

            var declared = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
            if (!IsBlank(declared))
            {
                return declared;
            }

            if (document is not null)
            {
                return document.TokenEndpoint;
            }

            if (documentUnusable)
            {
                return null;
            }

            if (IsBlank(arguments.NamedString(nameof(OAuthProviderAttribute.MetadataAddress))))
            {
                Unreadable("gives no token endpoint; write it, as in [OAuthProvider(\"https://id.example/oauth/token\")], set MetadataAddress to the provider's metadata document, or bind a copy of that document to the class (<AdditionalFiles Include=\"idp.json\" OAuthGenProvider=\"" + type.Name + "\" />)");
                return null;
            }

            // Every endpoint comes from the provider's metadata at run time.
            return string.Empty;
        }

        // The standard names of a token answer and what each means, for OAUTH026.
        private static readonly string[][] StandardResponseNames =
        {
            new[] { nameof(OAuthProviderAttribute.ExpiresInField), "expires_in" },
            new[] { nameof(OAuthProviderAttribute.ExpiresAtField) },
            new[] { nameof(OAuthProviderAttribute.ErrorField), "error" },
            new[] { nameof(OAuthProviderAttribute.ErrorDescriptionField), "error_description" },
        };

        private static readonly string[] OtherStandardNames = { "access_token", "token_type", "refresh_token", "scope", "id_token", "error_uri" };

        // OAUTH024 to OAUTH027: ResponseRoot, the response field names and ScopeSeparator; null when all are standard.
        private static ResponseFieldsSpec? ReadResponseFields(INamedTypeSymbol type, AttributeArguments arguments, ImmutableArray<Problem>.Builder problems)
        {
            Location At(string name) => arguments.LocationOf(arguments.NamedArgument(name)?.Expression);

            var root = arguments.NamedString(nameof(OAuthProviderAttribute.ResponseRoot));
            if (root is not null && RootProblem(root) is { } rootProblem)
            {
                problems.Add(new Problem(DiagnosticDescriptors.InvalidResponseRoot, At(nameof(OAuthProviderAttribute.ResponseRoot)), root, type.Name, rootProblem));
            }

            var names = new string?[StandardResponseNames.Length];
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                var argument = StandardResponseNames[i][0];
                var name = arguments.NamedString(argument);
                names[i] = name;
                if (name is null)
                {
                    continue;
                }

                if (IsBlank(name))
                {
                    problems.Add(new Problem(DiagnosticDescriptors.BlankResponseField, At(argument), argument, type.Name));
                    continue;
                }

                string? conflict = null;
                if (seen.TryGetValue(name, out var earlier))
                {
                    conflict = "names the same field as " + earlier;
                }
                else
                {
                    for (var other = 0; other < StandardResponseNames.Length && conflict is null; other++)
                    {
                        if (other != i && StandardResponseNames[other].Length > 1 && string.Equals(StandardResponseNames[other][1], name, StringComparison.OrdinalIgnoreCase))
                        {
                            conflict = "names the standard field '" + StandardResponseNames[other][1] + "', which means something else";
                        }
                    }

                    foreach (var standard in OtherStandardNames)
                    {
                        if (conflict is null && string.Equals(standard, name, StringComparison.OrdinalIgnoreCase))
                        {
                            conflict = "names the standard field '" + standard + "', which means something else";
                        }
                    }
                }

                seen[name] = argument;
                if (conflict is not null)
                {
                    problems.Add(new Problem(DiagnosticDescriptors.ConflictingResponseField, At(argument), argument, name, type.Name, conflict));
                }
            }

            var separator = arguments.NamedString(nameof(OAuthProviderAttribute.ScopeSeparator));
            if (arguments.TryGetNamed(nameof(OAuthProviderAttribute.ScopeSeparator), out _) && string.IsNullOrEmpty(separator))
            {
                problems.Add(new Problem(DiagnosticDescriptors.EmptyScopeSeparator, At(nameof(OAuthProviderAttribute.ScopeSeparator)), type.Name));
            }

            separator = string.IsNullOrEmpty(separator) ? Defaults.ScopeSeparator : separator;
            if (root is null && names.All(name => name is null) && separator == Defaults.ScopeSeparator)
            {
                return null;
            }

            return new ResponseFieldsSpec(root, names[0], names[1], names[2], names[3], separator!);
        }

        /// <summary>What is wrong with a ResponseRoot path (completes "ResponseRoot '...' "), or null.</summary>
        private static string? RootProblem(string root)
        {
            if (root.Length == 0)
            {
                return "is empty (remove the argument for the top level)";
            }

            foreach (var segment in root.Split('.'))
            {
                if (segment.Length == 0)
                {
                    return "has an empty name between dots, or a dot at an end";
                }

                if (segment.Trim().Length != segment.Length)
                {
                    return "has the name '" + segment + "' with white space around it";
                }
            }

            return null;
        }

        // OAUTH018: a token type the client can create and fill, or null with the reason.
        private static TokenTypeSpec? ReadTokenType(ITypeSymbol declared, INamedTypeSymbol provider, Compilation compilation, AttributeArguments arguments, ImmutableArray<Problem>.Builder problems, CancellationToken cancellationToken)
        {
            var fields = new List<TokenFieldSpec>();
            var problem = TokenTypeProblem(declared, provider, compilation, fields, cancellationToken);
            if (problem is not null)
            {
                var expression = arguments.NamedArgument(nameof(OAuthProviderAttribute.TokenType))?.Expression;
                var location = arguments.LocationOf(expression is TypeOfExpressionSyntax typeOf ? typeOf.Type : expression);
                problems.Add(new Problem(DiagnosticDescriptors.InvalidTokenType, location, declared.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), problem, provider.Name));
                return null;
            }

            return new TokenTypeSpec(declared.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), new EquatableArray<TokenFieldSpec>(fields.ToArray()));
        }

        /// <summary>Why the client of <paramref name="provider"/> cannot create and fill the token type (completes "because it ..."), or null, with its fields read.</summary>
        private static string? TokenTypeProblem(ITypeSymbol declared, INamedTypeSymbol provider, Compilation compilation, List<TokenFieldSpec> fields, CancellationToken cancellationToken)
        {
            if (declared is not INamedTypeSymbol tokenType || tokenType.TypeKind != TypeKind.Class)
            {
                return "is not a class";
            }

            if (tokenType.IsUnboundGenericType)
            {
                return "is an open generic type";
            }

            if (!RuntimeSymbols.DerivesFromOAuthToken(tokenType))
            {
                return "does not derive from OAuthToken";
            }

            if (tokenType.IsAbstract)
            {
                return "is abstract";
            }

            if (!compilation.IsSymbolAccessibleWithin(tokenType, provider))
            {
                return "is not accessible to '" + provider.Name + "'";
            }

            // The provider class as its own token type: the generated constructors take away its implicit parameterless
            // one, so the analyzers (which see the generated code) and the generator (which does not) would disagree.
            if (SymbolEqualityComparer.Default.Equals(tokenType, provider)
                && !provider.InstanceConstructors.Any(c => c.Parameters.Length == 0 && !c.IsImplicitlyDeclared))
            {
                return "is '" + provider.Name + "' itself, which has no parameterless constructor once the generated ones are added; declare one, or use a separate token class";
            }

            if (!tokenType.InstanceConstructors.Any(c => c.Parameters.Length == 0 && compilation.IsSymbolAccessibleWithin(c, provider)))
            {
                return "has no parameterless constructor that '" + provider.Name + "' can call";
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = tokenType; current is not null && !RuntimeSymbols.IsOAuthToken(current); current = current.BaseType)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                {
                    if (!seen.Add(property.Name)
                        || RuntimeSymbols.FieldAttribute(property) is not { } attribute
                        || RuntimeSymbols.FieldJsonName(attribute) is not { } jsonName)
                    {
                        continue;
                    }

                    // A field declared in another assembly has no analyzer pointing at it, so the provider's declaration must;
                    // there an internal setter is not even imported, and looks like none.
                    var fromMetadata = property.DeclaringSyntaxReferences.IsEmpty;
                    var fieldProblem = FieldRules.Problem(property, cancellationToken, out _);
                    if ((fieldProblem is null && !compilation.IsSymbolAccessibleWithin(property.SetMethod!, provider)) || (fromMetadata && fieldProblem == FieldRules.NoSetter))
                    {
                        return "has the [OAuthField] property '" + property.Name + "', whose setter '" + provider.Name + "' cannot call; make the setter public, or let this assembly see the internals of '"
                            + property.ContainingAssembly.Name + "' with [InternalsVisibleTo]";
                    }

                    if (fieldProblem is not null)
                    {
                        if (fromMetadata)
                        {
                            return "has the [OAuthField] property '" + property.Name + "' (in '" + property.ContainingAssembly.Name + "'), which the client cannot fill because it " + fieldProblem;
                        }

                        // TokenFieldAnalyzer reports it where it is declared (OAUTH019); the client leaves it alone.
                        continue;
                    }

                    fields.Add(ReadField(property, jsonName, attribute));
                }
            }

            if (UnsetRequiredMember(tokenType, fields) is { } required)
            {
                return "has the required member '" + required + "', which the client does not set (it sets only the [OAuthField] properties it can fill)";
            }

            return null;
        }

        // The generated `new T { ... }` sets only the fields read; any other required member would be CS9035 in generated
        // code, unless the parameterless constructor has [SetsRequiredMembers].
        private static string? UnsetRequiredMember(INamedTypeSymbol tokenType, List<TokenFieldSpec> fields)
        {
            var constructor = tokenType.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
            if (constructor is not null && constructor.GetAttributes().Any(a =>
                    a.AttributeClass is { Name: "SetsRequiredMembersAttribute" } attributeClass
                    && attributeClass.ContainingNamespace.ToDisplayString() == "System.Diagnostics.CodeAnalysis"))
            {
                return null;
            }

            for (var current = tokenType; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    var isRequired = member is IPropertySymbol { IsRequired: true } || member is IFieldSymbol { IsRequired: true };
                    if (isRequired && !fields.Any(field => field.PropertyName == Identifier(member.Name)))
                    {
                        return member.Name;
                    }
                }
            }

            return null;
        }

        private static TokenFieldSpec ReadField(IPropertySymbol property, string jsonName, AttributeData attribute)
        {
            var kind = FieldRules.KindOf(property.Type, out var isNullableValue)!.Value;
            TokenFieldNullability nullability;
            if (property.Type.IsValueType)
            {
                nullability = isNullableValue ? TokenFieldNullability.Nullable : TokenFieldNullability.ValueDefault;
            }
            else
            {
                nullability = property.NullableAnnotation == NullableAnnotation.NotAnnotated
                    ? TokenFieldNullability.ReferenceEmpty
                    : TokenFieldNullability.Nullable;
            }

            var isSecret = attribute.NamedArguments.Any(argument => argument.Key == nameof(OAuthFieldAttribute.Secret) && argument.Value.Value is true);
            return new TokenFieldSpec(Identifier(property.Name), jsonName, kind, nullability, isSecret);
        }

        private static EquatableArray<ContainingTypeSpec> ReadContainingTypes(TypeDeclarationSyntax declaration)
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

        /// <summary>The name of the generated file of <paramref name="type"/>.</summary>
        public static string HintNameOf(INamedTypeSymbol type)
        {
            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
            var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_').ToArray());
            return safe + ".OAuthProvider.g.cs";
        }

        /// <summary>The <c>[OAuthParameterName]</c>s, in declaration order; the last one wins for a name declared twice (OAUTH032 says so).</summary>
        internal static EquatableArray<ParameterNameSpec> ReadParameterNames(INamedTypeSymbol type)
        {
            var values = new List<ParameterNameSpec>();
            foreach (var attribute in type.GetAttributes())
            {
                if (RuntimeSymbols.IsAttribute(attribute, KnownNames.ParameterNameAttribute)
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string standardName)
                {
                    values.Add(new ParameterNameSpec(standardName, attribute.ConstructorArguments[1].Value as string));
                }
            }

            return new EquatableArray<ParameterNameSpec>(values.ToArray());
        }

        private static EquatableArray<NameValueSpec> ReadNameValues(INamedTypeSymbol type, string attributeName)
        {
            var values = new List<NameValueSpec>();
            foreach (var attribute in type.GetAttributes())
            {
                if (RuntimeSymbols.IsAttribute(attribute, attributeName)
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string name
                    && attribute.ConstructorArguments[1].Value is string value)
                {
                    values.Add(new NameValueSpec(name, value));
                }
            }

            return new EquatableArray<NameValueSpec>(values.ToArray());
        }

        private static bool IsBlank(string? text) => text is null || text.Trim().Length == 0;

        private static bool IsPartial(TypeDeclarationSyntax declaration) => declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

        private static Location? Modifier(TypeDeclarationSyntax declaration, SyntaxKind kind)
        {
            foreach (var modifier in declaration.Modifiers)
            {
                if (modifier.IsKind(kind))
                {
                    return modifier.GetLocation();
                }
            }

            return null;
        }

        private static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
