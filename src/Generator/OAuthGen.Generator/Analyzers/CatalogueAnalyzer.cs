using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Diagnostics;
using OAuthGen.Generator.Linked;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>
    /// OAUTH045: a user's <c>[OAuthProvider]</c> names the token endpoint of a catalogue provider (a class of
    /// <c>OAuthGen.Providers</c> in the referenced OAuthGen assembly) with a client authentication or grants that the
    /// catalogue class does not use. OAUTH046: it turns PKCE off for the authorization code grant where the provider
    /// requires PKCE, as a catalogue class of its endpoint says (<c>PkceRequired</c>) or the declaration itself does.
    /// The catalogue is read from that assembly's metadata once per compilation, so the facts live in one place: the
    /// catalogue's own declarations.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CatalogueAnalyzer : DiagnosticAnalyzer
    {
        private const string CatalogueAssembly = "OAuthGen";
        private const string CatalogueNamespace = "OAuthGen.Providers";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ContradictsCatalogue, DiagnosticDescriptors.PkceRequired);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (OAuthSymbols.Create(start.Compilation) is not { } symbols)
                {
                    return;
                }

                // Also without a catalogue (the runtime's own build): a declaration's own PkceRequired is checked there too.
                var catalogue = Read(start.Compilation, symbols.ProviderAttribute);
                var documents = MetadataDocuments.ReadAll(start.Options.AdditionalFiles, start.Options.AnalyzerConfigOptionsProvider, start.CancellationToken);
                start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols.ProviderAttribute, catalogue, documents), SymbolKind.NamedType);
            });
        }

        /// <summary>The catalogue entries of the referenced OAuthGen assembly; empty when there is none (the runtime's own build).</summary>
        internal static IReadOnlyList<Entry> Read(Compilation compilation, INamedTypeSymbol providerAttribute)
        {
            var entries = new List<Entry>();
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol { Name: CatalogueAssembly } assembly)
                {
                    continue;
                }

                var ns = assembly.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == "OAuthGen")?.GetNamespaceMembers().FirstOrDefault(n => n.Name == "Providers");
                foreach (var type in ns?.GetTypeMembers() ?? ImmutableArray<INamedTypeSymbol>.Empty)
                {
                    if (type.DeclaredAccessibility == Accessibility.Public && Declaration.Of(type, providerAttribute) is { TokenEndpoint.Length: > 0 } declaration)
                    {
                        entries.Add(new Entry(type.Name, declaration));
                    }
                }
            }

            // By name, so that which of two classes of one endpoint is named does not depend on metadata order.
            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            return entries;
        }

        private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol providerAttribute, IReadOnlyList<Entry> catalogue, ImmutableArray<MetadataDocument> documents)
        {
            if (context.Symbol is not INamedTypeSymbol type)
            {
                return;
            }

            // A token endpoint left out of the attribute may come from the one metadata document bound to the class.
            var bound = documents.IsEmpty ? null : MetadataDocuments.BoundTo(type, documents);
            var fromDocument = bound is { Count: 1 } ? bound[0].TokenEndpoint : null;
            if (Declaration.Of(type, providerAttribute, fromDocument) is not { TokenEndpoint.Length: > 0 } declaration)
            {
                return;
            }

            // Several classes may share an endpoint (Google's users and service accounts): each match is a candidate.
            var matches = catalogue.Where(entry => EndpointMatches(entry.Declaration.TokenEndpoint, declaration.TokenEndpoint)).ToList();
            CheckPkce(context, type, declaration, matches);
            if (matches.Count == 0)
            {
                return;
            }

            // The declaration agrees with one of them: nothing to say. Else the one it shares most grants with is named.
            var contradicted = matches.Select(entry => (Entry: entry, Contradictions: Contradictions(declaration, entry))).ToList();
            if (contradicted.Any(match => match.Contradictions.Count == 0))
            {
                return;
            }

            var closest = contradicted.OrderByDescending(match => Flags(declaration.Grants & match.Entry.Declaration.Grants).Count()).First();
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ContradictsCatalogue,
                declaration.Location ?? type.Locations.FirstOrDefault(),
                type.Name,
                closest.Entry.Name,
                string.Join(" and ", closest.Contradictions)));
        }

        private static List<string> Contradictions(Declaration declaration, Entry entry)
        {
            var contradictions = new List<string>();
            if (declaration.ClientAuth != entry.Declaration.ClientAuth)
            {
                contradictions.Add("authenticates with ClientAuth = ClientAuthMethod." + entry.Declaration.ClientAuth);
            }

            var unsupported = declaration.Grants & ~entry.Declaration.Grants;
            if (unsupported != OAuthGrant.None)
            {
                contradictions.Add("is not known to support " + string.Join(", ", Flags(unsupported).Select(grant => "OAuthGrant." + grant)));
            }

            return contradictions;
        }

        // OAUTH046: PKCE off for the authorization code grant, where a catalogue class of the endpoint that declares that
        // grant says the provider requires PKCE, or the declaration's own PkceRequired does. Reported once, on 'UsePkce = false'.
        private static void CheckPkce(SymbolAnalysisContext context, INamedTypeSymbol type, Declaration declaration, List<Entry> matches)
        {
            if (declaration.UsePkce || (declaration.Grants & OAuthGrant.AuthorizationCode) == 0)
            {
                return;
            }

            var requiring = matches.FirstOrDefault(entry => entry.Declaration.PkceRequired && (entry.Declaration.Grants & OAuthGrant.AuthorizationCode) != 0);
            if (requiring is null && !declaration.PkceRequired)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.PkceRequired,
                declaration.UsePkceLocation ?? declaration.Location ?? type.Locations.FirstOrDefault(),
                type.Name,
                requiring is null ? "PkceRequired = true" : "OAuthGen.Providers." + requiring.Name,
                requiring is null ? string.Empty : "use OAuthGen.Providers." + requiring.Name + ", or "));
        }

        private static IEnumerable<OAuthGrant> Flags(OAuthGrant grants)
        {
            foreach (OAuthGrant grant in Enum.GetValues(typeof(OAuthGrant)))
            {
                if (grant != OAuthGrant.None && (grants & grant) == grant)
                {
                    yield return grant;
                }
            }
        }

        /// <summary>
        /// Whether a declared token endpoint is the catalogue's: case-insensitively, a trailing '/' aside, each
        /// <c>{name}</c> of the catalogue's template matching one or more characters other than '/' (or the same placeholder).
        /// A template whose whole host is a placeholder (Okta, Auth0, Keycloak, Cognito: any server) matches only itself,
        /// or every <c>https://any-host/oauth/token</c> would be Auth0's.
        /// </summary>
        internal static bool EndpointMatches(string template, string endpoint)
        {
            template = template.TrimEnd('/');
            endpoint = endpoint.TrimEnd('/');
            if (HostIsAPlaceholder(template))
            {
                return string.Equals(template, endpoint, StringComparison.OrdinalIgnoreCase);
            }

            return Match(template, 0, endpoint, 0);
        }

        private static bool HostIsAPlaceholder(string template)
        {
            var start = template.IndexOf("://", StringComparison.Ordinal);
            if (start < 0)
            {
                return false;
            }

            start += 3;
            var end = template.IndexOf('/', start);
            var host = end < 0 ? template.Substring(start) : template.Substring(start, end - start);
            return host.Length > 1 && host[0] == '{' && host.IndexOf('}') == host.Length - 1;
        }

        private static bool Match(string template, int t, string endpoint, int e)
        {
            while (t < template.Length)
            {
                if (template[t] == '{')
                {
                    var close = template.IndexOf('}', t);
                    if (close < 0)
                    {
                        return false;
                    }

                    for (var end = e + 1; end <= endpoint.Length; end++)
                    {
                        if (endpoint[end - 1] == '/')
                        {
                            break;
                        }

                        if (Match(template, close + 1, endpoint, end))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (e >= endpoint.Length || char.ToUpperInvariant(template[t]) != char.ToUpperInvariant(endpoint[e]))
                {
                    return false;
                }

                t++;
                e++;
            }

            return e == endpoint.Length;
        }

        /// <summary>A catalogue class and its declaration.</summary>
        internal sealed class Entry
        {
            public Entry(string name, Declaration declaration)
            {
                Name = name;
                Declaration = declaration;
            }

            public string Name { get; }

            public Declaration Declaration { get; }
        }

        /// <summary>The parts of an <c>[OAuthProvider]</c> the catalogue rule compares, with the attribute's own defaults.</summary>
        internal sealed class Declaration
        {
            private static readonly OAuthProviderAttribute Defaults = new OAuthProviderAttribute(string.Empty);

            private Declaration(string tokenEndpoint, OAuthGrant grants, ClientAuthMethod clientAuth, bool usePkce, bool pkceRequired, Location? location, Location? usePkceLocation)
            {
                TokenEndpoint = tokenEndpoint;
                Grants = grants;
                ClientAuth = clientAuth;
                UsePkce = usePkce;
                PkceRequired = pkceRequired;
                Location = location;
                UsePkceLocation = usePkceLocation;
            }

            public string TokenEndpoint { get; }

            public OAuthGrant Grants { get; }

            public ClientAuthMethod ClientAuth { get; }

            public bool UsePkce { get; }

            /// <summary>Whether the declaration says the provider refuses the code grant without PKCE.</summary>
            public bool PkceRequired { get; }

            public Location? Location { get; }

            /// <summary>Where the declaration says <c>UsePkce = ...</c>, in source; null in metadata.</summary>
            public Location? UsePkceLocation { get; }

            /// <summary>The declaration of <paramref name="type"/>; <paramref name="endpointFromDocument"/> stands for a token endpoint the attribute leaves out.</summary>
            public static Declaration? Of(INamedTypeSymbol type, INamedTypeSymbol providerAttribute, string? endpointFromDocument = null)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, providerAttribute))
                    {
                        continue;
                    }

                    var declared = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                    var endpoint = declared is not null && declared.Trim().Length > 0 ? declared : endpointFromDocument;
                    if (endpoint is null || attribute.ConstructorArguments.Length > 1)
                    {
                        return null;
                    }

                    var grants = Defaults.Grants;
                    var clientAuth = Defaults.ClientAuth;
                    var usePkce = Defaults.UsePkce;
                    var pkceRequired = Defaults.PkceRequired;
                    foreach (var argument in attribute.NamedArguments)
                    {
                        if (argument.Key == nameof(OAuthProviderAttribute.Grants) && argument.Value.Value is int grantValue)
                        {
                            grants = (OAuthGrant)grantValue;
                        }
                        else if (argument.Key == nameof(OAuthProviderAttribute.ClientAuth) && argument.Value.Value is int authValue)
                        {
                            clientAuth = (ClientAuthMethod)authValue;
                        }
                        else if (argument.Key == nameof(OAuthProviderAttribute.UsePkce) && argument.Value.Value is bool usePkceValue)
                        {
                            usePkce = usePkceValue;
                        }
                        else if (argument.Key == nameof(OAuthProviderAttribute.PkceRequired) && argument.Value.Value is bool pkceRequiredValue)
                        {
                            pkceRequired = pkceRequiredValue;
                        }
                    }

                    var syntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
                    var usePkceArgument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == nameof(OAuthProviderAttribute.UsePkce));
                    return new Declaration(endpoint, grants, clientAuth, usePkce, pkceRequired, syntax?.GetLocation(), usePkceArgument?.GetLocation());
                }

                return null;
            }
        }
    }
}
