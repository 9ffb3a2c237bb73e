using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Diagnostics;
using OAuthGen.Generator.Linked;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>
    /// Reports on each <c>[OAuthProvider]</c> class: first the problems <see cref="DeclarationReader"/> finds (the rules
    /// that decide what the generator skips: shape, attribute, token type), then the advice that never changes what is
    /// generated: endpoints, grants, client authentication, scope, and the <c>[OAuthHeader]</c>s and
    /// <c>[OAuthParameter]</c>s beside it. One symbol action per named type; it returns at once for a type without the attribute.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProviderDeclarationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly OAuthProviderAttribute Defaults = new OAuthProviderAttribute();

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
            DiagnosticDescriptors.ScopeInAssertionWithoutJwtBearer,
            DiagnosticDescriptors.JsonBody,
            DiagnosticDescriptors.LiteralSecret,
            DiagnosticDescriptors.InvalidScope,
            DiagnosticDescriptors.CommaSeparatedScope,
            DiagnosticDescriptors.ReservedHeader,
            DiagnosticDescriptors.ReservedParameter,
            DiagnosticDescriptors.InvalidTokenType,
            DiagnosticDescriptors.ProviderAttributeUnusable,
            DiagnosticDescriptors.MalformedEndpointPlaceholder,
            DiagnosticDescriptors.SecretInQuery,
            DiagnosticDescriptors.UnknownStandardParameter,
            DiagnosticDescriptors.ParameterNameCollision,
            DiagnosticDescriptors.RequiredParameterOmitted,
            DiagnosticDescriptors.InvalidResponseRoot,
            DiagnosticDescriptors.BlankResponseField,
            DiagnosticDescriptors.ConflictingResponseField,
            DiagnosticDescriptors.EmptyScopeSeparator,
            DiagnosticDescriptors.MalformedHeaderValue,
            DiagnosticDescriptors.RefreshTokenEndpointWithoutRefreshGrant,
            DiagnosticDescriptors.RefreshTokenEndpointOtherOrigin,
            DiagnosticDescriptors.MetadataDocumentUnusable,
            DiagnosticDescriptors.MetadataClientAuthNotSupported,
            DiagnosticDescriptors.MetadataGrantNotSupported,
            DiagnosticDescriptors.MetadataPkceNotSupported,
            DiagnosticDescriptors.MetadataResponseTypeNotSupported,
            DiagnosticDescriptors.MetadataEndpointDiffers,
            DiagnosticDescriptors.MetadataDocumentUnbound);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (OAuthSymbols.Create(start.Compilation) is { } symbols)
                {
                    var documents = MetadataDocuments.ReadAll(start.Options.AdditionalFiles, start.Options.AnalyzerConfigOptionsProvider, start.CancellationToken);
                    var bound = new ConcurrentDictionary<MetadataDocument, bool>();
                    start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols, documents, bound), SymbolKind.NamedType);
                    if (!documents.IsEmpty)
                    {
                        start.RegisterCompilationEndAction(end => ReportUnboundDocuments(end, documents, bound));
                    }
                }
            });
        }

        // OAUTH056: a document whose OAuthGenProvider names no [OAuthProvider] class (a typo, or a class renamed since).
        private static void ReportUnboundDocuments(CompilationAnalysisContext context, ImmutableArray<MetadataDocument> documents, ConcurrentDictionary<MetadataDocument, bool> bound)
        {
            foreach (var document in documents)
            {
                if (!bound.ContainsKey(document))
                {
                    var location = Location.Create(document.Path, default, default);
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MetadataDocumentUnbound, location, document.FileName, document.BoundTo));
                }
            }
        }

        private static void AnalyzeType(SymbolAnalysisContext context, OAuthSymbols symbols, ImmutableArray<MetadataDocument> documents, ConcurrentDictionary<MetadataDocument, bool> bound)
        {
            if (context.Symbol is not INamedTypeSymbol type)
            {
                return;
            }

            // A problem is reported by the action of the type whose declaration holds it, so that it stays local to
            // that symbol (the IDE computes and fixes only local diagnostics as the user types): OAUTH003 on a
            // containing type that is not partial comes from that type's action, not from the provider's.
            foreach (var nested in NestedProviders(type, symbols))
            {
                if (ReadDeclaration(context, nested.Type, nested.Attribute, documents) is { } nestedReading)
                {
                    ReportOwnProblems(context, type, nestedReading, isProvider: false);
                }
            }

            if (type.TypeKind != TypeKind.Class || ProviderAttributeOf(type, symbols) is not { } providerAttribute)
            {
                return;
            }

            var provider = new AttributeArguments(providerAttribute, context.CancellationToken);
            foreach (var document in MetadataDocuments.BoundTo(type, documents))
            {
                bound[document] = true;
            }

            if (ReadDeclaration(context, type, providerAttribute, documents) is not { } reading)
            {
                return;
            }

            ReportOwnProblems(context, type, reading, isProvider: true);
            var declared = new Declaration(context, type, provider, reading.Document);
            CheckEndpoints(declared);
            CheckGrants(declared);
            CheckBodyAndScope(declared);
            CheckHeaders(declared, symbols);
            CheckParameters(declared, symbols);
            RequestShapeRules.Check(declared.Context, declared.Type, provider, declared.Grants, declared.ClientAuth, symbols);
        }

        /// <summary>The first [OAuthProvider] of the type: when there are more, the reader says so (and CS0579 too).</summary>
        private static AttributeData? ProviderAttributeOf(INamedTypeSymbol type, OAuthSymbols symbols)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (OAuthSymbols.Is(attribute.AttributeClass, symbols.ProviderAttribute))
                {
                    return attribute;
                }
            }

            return null;
        }

        private static DeclarationReader.Reading? ReadDeclaration(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData providerAttribute, ImmutableArray<MetadataDocument> documents) =>
            providerAttribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).Parent?.Parent is TypeDeclarationSyntax declaration
                ? DeclarationReader.Read(type, providerAttribute, declaration, context.Compilation, context.CancellationToken, documents)
                : null;

        /// <summary>The provider classes nested (at any depth) in <paramref name="type"/>, with their attribute.</summary>
        private static IEnumerable<(INamedTypeSymbol Type, AttributeData Attribute)> NestedProviders(INamedTypeSymbol type, OAuthSymbols symbols)
        {
            foreach (var member in type.GetTypeMembers())
            {
                if (member.TypeKind == TypeKind.Class && ProviderAttributeOf(member, symbols) is { } attribute)
                {
                    yield return (member, attribute);
                }

                foreach (var deeper in NestedProviders(member, symbols))
                {
                    yield return deeper;
                }
            }
        }

        // The problems located in a declaration of this type, outside the types nested in it; the provider's action also
        // takes those with no place in source, so that none is lost.
        private static void ReportOwnProblems(SymbolAnalysisContext context, INamedTypeSymbol type, DeclarationReader.Reading reading, bool isProvider)
        {
            foreach (var problem in reading.Problems)
            {
                var owned = problem.Location.IsInSource
                    ? Declares(type, problem.Location) && !type.GetTypeMembers().Any(member => Declares(member, problem.Location))
                    : isProvider;
                if (owned)
                {
                    context.ReportDiagnostic(problem.ToDiagnostic());
                }
            }
        }

        private static bool Declares(INamedTypeSymbol type, Location location) =>
            type.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == location.SourceTree && reference.Span.Contains(location.SourceSpan));

        // OAUTH005, OAUTH006, OAUTH023, OAUTH049.
        private static void CheckEndpoints(Declaration declared)
        {
            // A blank or missing token endpoint is the reader's (OAUTH022, or from the metadata).
            var provider = declared.Provider;
            var tokenEndpoint = provider.ConstructorString(0);
            if (tokenEndpoint is not null && tokenEndpoint.Trim().Length > 0)
            {
                CheckEndpoint(declared, "token endpoint", tokenEndpoint, provider.ConstructorExpression(0, KnownNames.TokenEndpointParameter));
            }

            CheckNamedEndpoint(declared, "refresh token endpoint", nameof(OAuthProviderAttribute.RefreshTokenEndpoint));
            const string RefreshProperty = nameof(OAuthProviderAttribute.RefreshTokenEndpoint);
            if (provider.NamedString(RefreshProperty) is { } refreshEndpoint
                && Origin(refreshEndpoint) is { } refreshOrigin
                && Origin(tokenEndpoint) is { } tokenOrigin
                && !string.Equals(refreshOrigin, tokenOrigin, StringComparison.OrdinalIgnoreCase))
            {
                declared.Report(DiagnosticDescriptors.RefreshTokenEndpointOtherOrigin, provider.LocationOf(provider.NamedArgument(RefreshProperty)?.Expression), declared.Type.Name, refreshOrigin, tokenOrigin);
            }

            CheckNamedEndpoint(declared, "authorization endpoint", nameof(OAuthProviderAttribute.AuthorizationEndpoint));
            CheckNamedEndpoint(declared, "device authorization endpoint", nameof(OAuthProviderAttribute.DeviceAuthorizationEndpoint));
            CheckNamedEndpoint(declared, "revocation endpoint", nameof(OAuthProviderAttribute.RevocationEndpoint));
            CheckNamedEndpoint(declared, "introspection endpoint", nameof(OAuthProviderAttribute.IntrospectionEndpoint));
            CheckNamedEndpoint(declared, "metadata address", nameof(OAuthProviderAttribute.MetadataAddress));
        }

        /// <summary>
        /// The scheme, host and port of an absolute, well-formed endpoint as written, a placeholder standing for itself
        /// (https://{shop}.myshopify.com); null for a relative or unusable one, which the other rules report.
        /// </summary>
        private static string? Origin(string? text)
        {
            if (text is null || EndpointRules.Scheme(text) is null)
            {
                return null;
            }

            if (EndpointTemplate.HasPlaceholders(text))
            {
                var names = new List<string>();
                if (EndpointTemplate.Parse(text, names) is not null)
                {
                    return null;
                }

                var samples = new Dictionary<string, string>();
                foreach (var name in names)
                {
                    samples[name] = name;
                }

                text = EndpointTemplate.Expand(text, samples, string.Empty, string.Empty);
            }

            return EndpointRules.Problem(text, out _) is null && Uri.TryCreate(text, UriKind.Absolute, out var uri)
                ? uri.GetLeftPart(UriPartial.Authority)
                : null;
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
            if (EndpointTemplate.HasPlaceholders(text))
            {
                // OAUTH023; a well-formed template is checked as a URI with a sample value in each placeholder.
                var names = new List<string>();
                if (EndpointTemplate.Parse(text!, names) is { } malformed)
                {
                    declared.Report(DiagnosticDescriptors.MalformedEndpointPlaceholder, location, what, malformed);
                    return;
                }

                var samples = new Dictionary<string, string>();
                foreach (var name in names)
                {
                    samples[name] = "x";
                }

                text = EndpointTemplate.Expand(text!, samples, declared.Type.Name, what);
            }

            if (EndpointRules.Problem(text, out var insecure) is { } problem)
            {
                declared.Report(DiagnosticDescriptors.InvalidEndpoint, location, what, problem);
            }
            else if (insecure)
            {
                declared.Report(DiagnosticDescriptors.InsecureEndpoint, location, what, text);
            }
        }

        // OAUTH007 to OAUTH011, OAUTH040, OAUTH048.
        private static void CheckGrants(Declaration declared)
        {
            var provider = declared.Provider;
            if (declared.Grants is not { } grants)
            {
                return;
            }

            const string GrantsProperty = nameof(OAuthProviderAttribute.Grants);
            if (grants == OAuthGrant.None)
            {
                var grantsExpression = provider.NamedArgument(GrantsProperty)?.Expression;
                var advice = grantsExpression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseAndExpression }
                    ? "combine grants with '|', not '&' (A & B keeps only what both share: nothing)"
                    : "set Grants to the grants the provider supports";
                declared.Report(DiagnosticDescriptors.NoGrant, provider.LocationOf(grantsExpression), declared.Type.Name, advice);
                return;
            }

            // The metadata publishes what the declaration leaves out: at run time, or now from a bound document.
            var fromMetadata = !IsMissing(provider, nameof(OAuthProviderAttribute.MetadataAddress));
            if ((grants & OAuthGrant.AuthorizationCode) != 0 && IsMissing(provider, nameof(OAuthProviderAttribute.AuthorizationEndpoint)) && !fromMetadata && declared.Document?.AuthorizationEndpoint is null)
            {
                declared.Report(DiagnosticDescriptors.GrantMissingEndpoint, provider.LocationOfMember(GrantsProperty, nameof(OAuthGrant.AuthorizationCode)), nameof(OAuthGrant.AuthorizationCode), nameof(OAuthProviderAttribute.AuthorizationEndpoint), declared.Type.Name);
            }

            if ((grants & OAuthGrant.DeviceCode) != 0 && IsMissing(provider, nameof(OAuthProviderAttribute.DeviceAuthorizationEndpoint)) && !fromMetadata && declared.Document?.DeviceAuthorizationEndpoint is null)
            {
                declared.Report(DiagnosticDescriptors.GrantMissingEndpoint, provider.LocationOfMember(GrantsProperty, nameof(OAuthGrant.DeviceCode)), nameof(OAuthGrant.DeviceCode), nameof(OAuthProviderAttribute.DeviceAuthorizationEndpoint), declared.Type.Name);
            }

            if ((grants & OAuthGrant.ClientCredentials) != 0 && declared.ClientAuth == ClientAuthMethod.None)
            {
                declared.Report(DiagnosticDescriptors.ClientCredentialsWithoutAuthentication, provider.LocationOf(provider.NamedArgument(nameof(OAuthProviderAttribute.ClientAuth))?.Expression));
            }

            if ((grants & OAuthGrant.Password) != 0)
            {
                declared.Report(DiagnosticDescriptors.PasswordGrant, provider.LocationOfMember(GrantsProperty, nameof(OAuthGrant.Password)));
            }

            if ((grants & OAuthGrant.AuthorizationCode) != 0 && provider.NamedBoolean(nameof(OAuthProviderAttribute.UsePkce), Defaults.UsePkce) == false)
            {
                declared.Report(DiagnosticDescriptors.PkceDisabled, provider.LocationOf(provider.NamedArgument(nameof(OAuthProviderAttribute.UsePkce))));
            }

            if ((grants & OAuthGrant.RefreshToken) == 0 && provider.NamedString(nameof(OAuthProviderAttribute.RefreshTokenEndpoint)) is not null)
            {
                declared.Report(DiagnosticDescriptors.RefreshTokenEndpointWithoutRefreshGrant, provider.LocationOf(provider.NamedArgument(nameof(OAuthProviderAttribute.RefreshTokenEndpoint))), declared.Type.Name);
            }

            if ((grants & OAuthGrant.JwtBearer) == 0 && provider.NamedBoolean(nameof(OAuthProviderAttribute.ScopeInAssertion), Defaults.ScopeInAssertion) == true)
            {
                declared.Report(DiagnosticDescriptors.ScopeInAssertionWithoutJwtBearer, provider.LocationOf(provider.NamedArgument(nameof(OAuthProviderAttribute.ScopeInAssertion))), declared.Type.Name);
            }
        }

        // Left out, or set to null; a value that does not bind (half-written code) counts as present.
        private static bool IsMissing(AttributeArguments provider, string property) =>
            !provider.Sets(property) || (provider.TryGetNamed(property, out var value) && value.Value is null);

        // OAUTH012, OAUTH014, OAUTH015.
        private static void CheckBodyAndScope(Declaration declared)
        {
            var provider = declared.Provider;
            if (provider.NamedEnum(nameof(OAuthProviderAttribute.Body), Defaults.Body) == BodyEncoding.Json)
            {
                declared.Report(DiagnosticDescriptors.JsonBody, provider.LocationOf(provider.NamedArgument(nameof(OAuthProviderAttribute.Body))?.Expression), declared.Type.Name);
            }

            if (provider.NamedString(nameof(OAuthProviderAttribute.Scope)) is { } scope)
            {
                var location = provider.LocationOf(provider.NamedArgument(nameof(OAuthProviderAttribute.Scope))?.Expression);
                // OAUTH015 is for a comma typed where a space was meant; a provider that documents commas says so.
                var commasSeparate = provider.NamedString(nameof(OAuthProviderAttribute.ScopeSeparator)) == ",";
                ScopeRules.Report(declared.Context.ReportDiagnostic, scope, location, commasSeparate);
            }
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

                var nameLocation = header.LocationOf(header.ConstructorExpression(0, KnownNames.NameParameter));
                var value = header.ConstructorString(1);
                if (Is(name, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    if (declared.ClientAuth is ClientAuthMethod.ClientSecretBasic)
                    {
                        declared.Report(DiagnosticDescriptors.ReservedHeader, nameLocation, name, "ClientAuth = ClientSecretBasic sends the client credentials in the Authorization header");
                    }
                    else if (SendsCredentials(declared.ClientAuth) is { } clientAuth)
                    {
                        declared.Report(DiagnosticDescriptors.SecretSentTwice, nameLocation, "[OAuthHeader(\"" + name + "\")]", clientAuth.ToString(), WhereSent(clientAuth));
                    }

                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        declared.Report(DiagnosticDescriptors.LiteralSecret, header.LocationOf(header.ConstructorExpression(1, KnownNames.ValueParameter)), "Authorization header value");
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

                var nameLocation = parameter.LocationOf(parameter.ConstructorExpression(0, KnownNames.NameParameter));
                var isCredential = Is(name, "client_secret") || Is(name, "client_assertion") || Is(name, "client_assertion_type");
                if (isCredential && SendsCredentials(declared.ClientAuth) is { } clientAuth)
                {
                    declared.Report(DiagnosticDescriptors.SecretSentTwice, nameLocation, "[OAuthParameter(\"" + name + "\")]", clientAuth.ToString(), WhereSent(clientAuth));
                }
                else if (ReservedParameterReason(name, declared) is { } reason)
                {
                    declared.Report(DiagnosticDescriptors.ReservedParameter, nameLocation, name, reason);
                }

                var secret = Is(name, "client_secret") ? "client secret" : Is(name, "client_assertion") ? "client assertion" : Is(name, "password") ? "password" : null;
                if (secret is not null && !string.IsNullOrWhiteSpace(parameter.ConstructorString(1)))
                {
                    declared.Report(DiagnosticDescriptors.LiteralSecret, parameter.LocationOf(parameter.ConstructorExpression(1, KnownNames.ValueParameter)), secret);
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

            if (Is(name, "client_id") && declared.ClientAuth is ClientAuthMethod.ClientSecretPost or ClientAuthMethod.None)
            {
                return "for ClientAuth = " + declared.ClientAuth.Value;
            }

            if (declared.Grants is not { } grants)
            {
                return null;
            }

            if ((grants & OAuthGrant.Password) != 0 && (Is(name, "username") || Is(name, "password")))
            {
                return "for the password grant";
            }

            if ((grants & OAuthGrant.AuthorizationCode) != 0 && (Is(name, "code") || Is(name, "redirect_uri") || Is(name, "code_verifier")))
            {
                return "for the authorization code grant";
            }

            if ((grants & OAuthGrant.RefreshToken) != 0 && Is(name, "refresh_token"))
            {
                return "for the refresh token grant";
            }

            if ((grants & OAuthGrant.DeviceCode) != 0 && Is(name, "device_code"))
            {
                return "for the device code grant";
            }

            if ((grants & OAuthGrant.TokenExchange) != 0 && (Is(name, "subject_token") || Is(name, "subject_token_type")))
            {
                return "for the token exchange grant";
            }

            if ((grants & OAuthGrant.JwtBearer) != 0 && Is(name, "assertion"))
            {
                return "for the jwt-bearer grant";
            }

            return null;
        }

        /// <summary>The declared method when it sends a client credential of its own (a defined value other than None).</summary>
        private static ClientAuthMethod? SendsCredentials(ClientAuthMethod? clientAuth) =>
            clientAuth is { } method && method != ClientAuthMethod.None && Enum.IsDefined(typeof(ClientAuthMethod), method) ? method : null;

        private static string WhereSent(ClientAuthMethod clientAuth) => clientAuth switch
        {
            ClientAuthMethod.ClientSecretBasic => "the Authorization header",
            ClientAuthMethod.ClientSecretPost => "the body (client_secret)",
            _ => "the body (client_assertion)",
        };

        private static bool Is(string value, string expected, StringComparison comparison = StringComparison.Ordinal) =>
            string.Equals(value, expected, comparison);

        /// <summary>One provider declaration as the analyzer sees it.</summary>
        private sealed class Declaration
        {
            public Declaration(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArguments provider, MetadataDocument? document)
            {
                Context = context;
                Type = type;
                Provider = provider;
                Document = document;
                Grants = provider.NamedEnum(nameof(OAuthProviderAttribute.Grants), Defaults.Grants);
                ClientAuth = provider.NamedEnum(nameof(OAuthProviderAttribute.ClientAuth), Defaults.ClientAuth);
            }

            public SymbolAnalysisContext Context { get; }

            public INamedTypeSymbol Type { get; }

            public AttributeArguments Provider { get; }

            /// <summary>The metadata document bound to the class, if a usable one is.</summary>
            public MetadataDocument? Document { get; }

            /// <summary>The declared grants; null when the value cannot be read (half-written code).</summary>
            public OAuthGrant? Grants { get; }

            /// <summary>The declared client authentication; null when the value cannot be read.</summary>
            public ClientAuthMethod? ClientAuth { get; }

            public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
                Context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
        }
    }
}
