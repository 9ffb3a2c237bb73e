using System.Collections.Immutable;
using System.Linq;
using System;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Diagnostics;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>
    /// Checks each <c>[OAuthProvider]</c> class: its shape (what the generator can extend), its endpoints, grants, client
    /// authentication, scope, token type and the <c>[OAuthHeader]</c>s and <c>[OAuthParameter]</c>s beside it.
    /// One symbol action per named type; it returns at once for a type without the attribute.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProviderDeclarationAnalyzer : DiagnosticAnalyzer
    {
        private const int ClientSecretBasic = 0;
        private const int ClientSecretPost = 1;
        private const int NoClientAuth = 2;
        private const int JsonBody = 1;

        private static readonly string[] ClientAuthNames = { "ClientSecretBasic", "ClientSecretPost", "None", "PrivateKeyJwt", "ClientSecretJwt" };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.SecretSentTwice,
            DiagnosticDescriptors.ProviderNotPartial,
            DiagnosticDescriptors.ProviderShapeNotSupported,
            DiagnosticDescriptors.InvalidEndpoint,
            DiagnosticDescriptors.InsecureEndpoint,
            DiagnosticDescriptors.GrantMissingEndpoint,
            DiagnosticDescriptors.ClientCredentialsWithoutAuthentication,
            DiagnosticDescriptors.NoGrant,
            DiagnosticDescriptors.PasswordGrant,
            DiagnosticDescriptors.PkceDisabled,
            DiagnosticDescriptors.JsonBody,
            DiagnosticDescriptors.LiteralSecret,
            DiagnosticDescriptors.InvalidScope,
            DiagnosticDescriptors.CommaSeparatedScope,
            DiagnosticDescriptors.ReservedHeader,
            DiagnosticDescriptors.ReservedParameter,
            DiagnosticDescriptors.InvalidTokenType);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (OAuthSymbols.Create(start.Compilation) is { } symbols)
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

            AttributeData? providerAttribute = null;
            foreach (var attribute in type.GetAttributes())
            {
                if (OAuthSymbols.Is(attribute.AttributeClass, symbols.ProviderAttribute))
                {
                    if (providerAttribute is not null)
                    {
                        return; // Two [OAuthProvider]s: CS0579 says so, and nothing is generated.
                    }

                    providerAttribute = attribute;
                }
            }

            if (providerAttribute is null)
            {
                return;
            }

            var provider = new AttributeArguments(providerAttribute, context.CancellationToken);
            if (provider.Syntax?.Parent?.Parent is not TypeDeclarationSyntax declaration)
            {
                return;
            }

            var declared = new Declaration(context, type, provider);
            CheckShape(context, type, declaration);
            CheckEndpoints(declared);
            CheckGrants(declared);
            CheckBodyAndScope(declared);
            CheckTokenType(declared, symbols);
            CheckHeaders(declared, symbols);
            CheckParameters(declared, symbols);
        }

        // OAUTH003, OAUTH004: what keeps the generator from adding a part (OAuthProviderGenerator.Parser skips these).
        private static void CheckShape(SymbolAnalysisContext context, INamedTypeSymbol type, TypeDeclarationSyntax declaration)
        {
            if (!IsPartial(declaration))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProviderNotPartial, declaration.Identifier.GetLocation(), type.Name, type.Name));
            }

            foreach (var enclosing in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
            {
                if (!IsPartial(enclosing))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProviderNotPartial, enclosing.Identifier.GetLocation(), enclosing.Identifier.ValueText, type.Name));
                }
            }

            void Unsupported(Location location, string reason) =>
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProviderShapeNotSupported, location, type.Name, reason));

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
                    if (reference.GetSyntax(context.CancellationToken) is TypeDeclarationSyntax { ParameterList: { } parameters })
                    {
                        Unsupported(parameters.GetLocation(), "has a primary constructor");
                    }
                }
            }

            if (Modifier(declaration, SyntaxKind.FileKeyword) is { } fileKeyword)
            {
                Unsupported(fileKeyword, "is file-local");
            }

            foreach (var enclosing in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
            {
                if (Modifier(enclosing, SyntaxKind.FileKeyword) is { } enclosingFile)
                {
                    Unsupported(enclosingFile, "is inside the file-local type '" + enclosing.Identifier.ValueText + "'");
                }
            }
        }

        // OAUTH005, OAUTH006.
        private static void CheckEndpoints(Declaration declared)
        {
            var provider = declared.Provider;
            if (provider.HasConstructorArgument(0))
            {
                CheckEndpoint(declared, "token endpoint", provider.ConstructorString(0), provider.ConstructorExpression(0, "tokenEndpoint"));
            }
            else if (IsMissing(provider, "MetadataAddress"))
            {
                // [OAuthProvider] with neither a token endpoint nor metadata to read one from.
                declared.Report(DiagnosticDescriptors.InvalidEndpoint, provider.LocationOf(null), "token endpoint", "is missing: pass it to [OAuthProvider(...)] or set MetadataAddress");
            }

            CheckNamedEndpoint(declared, "authorization endpoint", "AuthorizationEndpoint");
            CheckNamedEndpoint(declared, "device authorization endpoint", "DeviceAuthorizationEndpoint");
            CheckNamedEndpoint(declared, "revocation endpoint", "RevocationEndpoint");
            CheckNamedEndpoint(declared, "introspection endpoint", "IntrospectionEndpoint");
            CheckNamedEndpoint(declared, "metadata address", "MetadataAddress");
        }

        private static void CheckNamedEndpoint(Declaration declared, string what, string property)
        {
            // A null value is the same as leaving the property out.
            if (declared.Provider.NamedString(property) is { } text)
            {
                CheckEndpoint(declared, what, text, declared.Provider.NamedArgument(property)?.Expression);
            }
        }

        private static void CheckEndpoint(Declaration declared, string what, string? text, ExpressionSyntax? expression)
        {
            var location = declared.Provider.LocationOf(expression);
            if (EndpointRules.Problem(text, out var insecure) is { } problem)
            {
                declared.Report(DiagnosticDescriptors.InvalidEndpoint, location, what, problem);
            }
            else if (insecure)
            {
                declared.Report(DiagnosticDescriptors.InsecureEndpoint, location, what, text);
            }
        }

        // OAUTH007 to OAUTH011.
        private static void CheckGrants(Declaration declared)
        {
            var provider = declared.Provider;
            if (declared.Grants is not { } grants)
            {
                return;
            }

            if (grants == 0)
            {
                declared.Report(DiagnosticDescriptors.NoGrant, provider.LocationOf(provider.NamedArgument("Grants")?.Expression), declared.Type.Name);
                return;
            }

            // The metadata publishes what the declaration leaves out.
            var fromMetadata = !IsMissing(provider, "MetadataAddress");
            if ((grants & GrantFlags.AuthorizationCode) != 0 && IsMissing(provider, "AuthorizationEndpoint") && !fromMetadata)
            {
                declared.Report(DiagnosticDescriptors.GrantMissingEndpoint, provider.LocationOfMember("Grants", "AuthorizationCode"), "AuthorizationCode", "AuthorizationEndpoint", declared.Type.Name);
            }

            if ((grants & GrantFlags.DeviceCode) != 0 && IsMissing(provider, "DeviceAuthorizationEndpoint") && !fromMetadata)
            {
                declared.Report(DiagnosticDescriptors.GrantMissingEndpoint, provider.LocationOfMember("Grants", "DeviceCode"), "DeviceCode", "DeviceAuthorizationEndpoint", declared.Type.Name);
            }

            if ((grants & GrantFlags.ClientCredentials) != 0 && declared.ClientAuth == NoClientAuth)
            {
                declared.Report(DiagnosticDescriptors.ClientCredentialsWithoutAuthentication, provider.LocationOf(provider.NamedArgument("ClientAuth")?.Expression));
            }

            if ((grants & GrantFlags.Password) != 0)
            {
                declared.Report(DiagnosticDescriptors.PasswordGrant, provider.LocationOfMember("Grants", "Password"));
            }

            if ((grants & GrantFlags.AuthorizationCode) != 0 && provider.NamedBoolean("UsePkce", true) == false)
            {
                declared.Report(DiagnosticDescriptors.PkceDisabled, provider.LocationOf(provider.NamedArgument("UsePkce")));
            }
        }

        // Left out, or set to null; a value that does not bind (half-written code) counts as present.
        private static bool IsMissing(AttributeArguments provider, string property) =>
            !provider.Sets(property) || (provider.TryGetNamed(property, out var value) && value.Value is null);

        // OAUTH012, OAUTH014, OAUTH015.
        private static void CheckBodyAndScope(Declaration declared)
        {
            var provider = declared.Provider;
            if (provider.NamedEnum("Body", 0) == JsonBody)
            {
                declared.Report(DiagnosticDescriptors.JsonBody, provider.LocationOf(provider.NamedArgument("Body")?.Expression), declared.Type.Name);
            }

            if (provider.NamedString("Scope") is { } scope)
            {
                var location = provider.LocationOf(provider.NamedArgument("Scope")?.Expression);
                ScopeRules.Report(declared.Context.ReportDiagnostic, scope, location);
            }
        }

        // OAUTH018: the generator's conditions for a token type (Parser.ReadTokenType), each explained.
        private static void CheckTokenType(Declaration declared, OAuthSymbols symbols)
        {
            var provider = declared.Provider;
            if (symbols.OAuthToken is null
                || !provider.TryGetNamed("TokenType", out var value)
                || value.Kind != TypedConstantKind.Type
                || value.Value is not ITypeSymbol tokenType
                || tokenType.TypeKind == TypeKind.Error)
            {
                return;
            }

            var expression = provider.NamedArgument("TokenType")?.Expression;
            var location = provider.LocationOf(expression is TypeOfExpressionSyntax typeOf ? typeOf.Type : expression);
            if (TokenTypeProblem(tokenType, declared, symbols) is { } problem)
            {
                declared.Report(DiagnosticDescriptors.InvalidTokenType, location, tokenType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), problem);
            }
        }

        private static string? TokenTypeProblem(ITypeSymbol declaredType, Declaration declared, OAuthSymbols symbols)
        {
            var compilation = declared.Context.Compilation;
            var provider = declared.Type;
            if (declaredType is not INamedTypeSymbol tokenType || tokenType.TypeKind != TypeKind.Class)
            {
                return "is not a class";
            }

            if (tokenType.IsUnboundGenericType)
            {
                return "is an open generic type";
            }

            if (!symbols.DerivesFromOAuthToken(tokenType))
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

            if (!tokenType.InstanceConstructors.Any(c => c.Parameters.Length == 0 && compilation.IsSymbolAccessibleWithin(c, provider)))
            {
                return "has no parameterless constructor that '" + provider.Name + "' can call";
            }

            if (UnsetRequiredMember(tokenType, symbols, declared.Context.CancellationToken) is { } required)
            {
                return "has the required member '" + required + "', which the client does not set (only usable [OAuthField] properties are set)";
            }

            return null;
        }

        // The generated `new T { ... }` sets only the usable [OAuthField] properties; any other required member is CS9035.
        private static string? UnsetRequiredMember(INamedTypeSymbol tokenType, OAuthSymbols symbols, System.Threading.CancellationToken cancellationToken)
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
                    if (member is IPropertySymbol { IsRequired: true } property)
                    {
                        if (FieldRules.FieldAttribute(property, symbols) is { ConstructorArguments: { Length: 1 } arguments } && arguments[0].Value is string
                            && FieldRules.Problem(property, cancellationToken, out _) is null)
                        {
                            continue;
                        }

                        return member.Name;
                    }

                    if (member is IFieldSymbol { IsRequired: true })
                    {
                        return member.Name;
                    }
                }
            }

            return null;
        }

        // OAUTH001, OAUTH013, OAUTH016 for [OAuthHeader].
        private static void CheckHeaders(Declaration declared, OAuthSymbols symbols)
        {
            foreach (var attribute in declared.Type.GetAttributes())
            {
                if (!OAuthSymbols.Is(attribute.AttributeClass, symbols.HeaderAttribute))
                {
                    continue;
                }

                var header = new AttributeArguments(attribute, declared.Context.CancellationToken);
                if (header.ConstructorString(0) is not { } name)
                {
                    continue;
                }

                var nameLocation = header.LocationOf(header.ConstructorExpression(0, "name"));
                var value = header.ConstructorString(1);
                if (Is(name, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    if (declared.ClientAuth is ClientSecretBasic)
                    {
                        declared.Report(DiagnosticDescriptors.ReservedHeader, nameLocation, name, "ClientAuth = ClientSecretBasic sends the client credentials in the Authorization header");
                    }
                    else if (declared.ClientAuth is { } clientAuth && clientAuth != NoClientAuth && clientAuth < ClientAuthNames.Length)
                    {
                        declared.Report(DiagnosticDescriptors.SecretSentTwice, nameLocation, "[OAuthHeader(\"" + name + "\")]", ClientAuthNames[clientAuth], WhereSent(clientAuth));
                    }

                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        declared.Report(DiagnosticDescriptors.LiteralSecret, header.LocationOf(header.ConstructorExpression(1, "value")), "Authorization header value");
                    }
                }
                else if (ReservedHeaderReason(name) is { } reason)
                {
                    declared.Report(DiagnosticDescriptors.ReservedHeader, nameLocation, name, reason);
                }
            }
        }

        private static string? ReservedHeaderReason(string name)
        {
            if (Is(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                return "Content-Type follows Body (form or JSON)";
            }

            if (Is(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                return "Content-Length is the length of the body";
            }

            if (Is(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                return "Host comes from the token endpoint";
            }

            return null;
        }

        // OAUTH001, OAUTH013, OAUTH017 for [OAuthParameter].
        private static void CheckParameters(Declaration declared, OAuthSymbols symbols)
        {
            foreach (var attribute in declared.Type.GetAttributes())
            {
                if (!OAuthSymbols.Is(attribute.AttributeClass, symbols.ParameterAttribute))
                {
                    continue;
                }

                var parameter = new AttributeArguments(attribute, declared.Context.CancellationToken);
                if (parameter.ConstructorString(0) is not { } name)
                {
                    continue;
                }

                var nameLocation = parameter.LocationOf(parameter.ConstructorExpression(0, "name"));
                var isCredential = Is(name, "client_secret") || Is(name, "client_assertion") || Is(name, "client_assertion_type");
                if (isCredential && declared.ClientAuth is { } clientAuth && clientAuth != NoClientAuth && clientAuth < ClientAuthNames.Length)
                {
                    declared.Report(DiagnosticDescriptors.SecretSentTwice, nameLocation, "[OAuthParameter(\"" + name + "\")]", ClientAuthNames[clientAuth], WhereSent(clientAuth));
                }
                else if (ReservedParameterReason(name, declared) is { } reason)
                {
                    declared.Report(DiagnosticDescriptors.ReservedParameter, nameLocation, name, reason);
                }

                var secret = Is(name, "client_secret") ? "client secret" : Is(name, "client_assertion") ? "client assertion" : Is(name, "password") ? "password" : null;
                if (secret is not null && !string.IsNullOrWhiteSpace(parameter.ConstructorString(1)))
                {
                    declared.Report(DiagnosticDescriptors.LiteralSecret, parameter.LocationOf(parameter.ConstructorExpression(1, "value")), secret);
                }
            }
        }

        private static string? ReservedParameterReason(string name, Declaration declared)
        {
            if (Is(name, "grant_type"))
            {
                return "with every grant";
            }

            if (Is(name, "scope"))
            {
                return "whenever a scope is given (set Scope on [OAuthProvider] for a default scope)";
            }

            if (Is(name, "client_id") && declared.ClientAuth is ClientSecretPost or NoClientAuth)
            {
                return "for ClientAuth = " + ClientAuthNames[declared.ClientAuth.Value];
            }

            if (declared.Grants is not { } grants)
            {
                return null;
            }

            if ((grants & GrantFlags.Password) != 0 && (Is(name, "username") || Is(name, "password")))
            {
                return "for the password grant";
            }

            if ((grants & GrantFlags.AuthorizationCode) != 0 && (Is(name, "code") || Is(name, "redirect_uri") || Is(name, "code_verifier")))
            {
                return "for the authorization code grant";
            }

            if ((grants & GrantFlags.RefreshToken) != 0 && Is(name, "refresh_token"))
            {
                return "for the refresh token grant";
            }

            if ((grants & GrantFlags.DeviceCode) != 0 && Is(name, "device_code"))
            {
                return "for the device code grant";
            }

            if ((grants & GrantFlags.TokenExchange) != 0 && (Is(name, "subject_token") || Is(name, "subject_token_type")))
            {
                return "for the token exchange grant";
            }

            return null;
        }

        private static string WhereSent(int clientAuth) => clientAuth switch
        {
            ClientSecretBasic => "the Authorization header",
            ClientSecretPost => "the body (client_secret)",
            _ => "the body (client_assertion)",
        };

        private static bool Is(string value, string expected, StringComparison comparison = StringComparison.Ordinal) =>
            string.Equals(value, expected, comparison);

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

        /// <summary>One provider declaration as the analyzer sees it.</summary>
        private sealed class Declaration
        {
            public Declaration(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArguments provider)
            {
                Context = context;
                Type = type;
                Provider = provider;
                Grants = provider.NamedEnum("Grants", GrantFlags.ClientCredentials);
                ClientAuth = provider.NamedEnum("ClientAuth", ClientSecretBasic);
            }

            public SymbolAnalysisContext Context { get; }

            public INamedTypeSymbol Type { get; }

            public AttributeArguments Provider { get; }

            /// <summary>The declared grants; null when the value cannot be read (half-written code).</summary>
            public int? Grants { get; }

            /// <summary>The declared client authentication; null when the value cannot be read.</summary>
            public int? ClientAuth { get; }

            public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
                Context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
        }
    }
}
