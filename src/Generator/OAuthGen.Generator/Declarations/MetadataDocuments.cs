using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuthGen.Generator.Analyzers;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// An authorization server's metadata (RFC 8414, or OpenID Connect Discovery 1.0 §3) checked into the project as
    /// <c>&lt;AdditionalFiles Include="idp.json" OAuthGenProvider="MyIdp" /&gt;</c>: what the generator and the
    /// analyzers use of it. <see cref="Problem"/> is set when the document cannot be used; then no other member is.
    /// </summary>
    internal sealed record MetadataDocument(
        string Path,
        string BoundTo,
        string? Problem,
        string? Issuer,
        string? TokenEndpoint,
        string? AuthorizationEndpoint,
        string? DeviceAuthorizationEndpoint,
        string? RevocationEndpoint,
        string? IntrospectionEndpoint,
        EquatableArray<string>? TokenEndpointAuthMethods,
        EquatableArray<string>? GrantTypes,
        EquatableArray<string>? CodeChallengeMethods,
        EquatableArray<string>? ResponseTypes)
    {
        /// <summary>The file name, as messages show it.</summary>
        public string FileName => System.IO.Path.GetFileName(Path);
    }

    /// <summary>Reads the metadata documents bound to provider classes, and decides which class each one is bound to.</summary>
    internal static class MetadataDocuments
    {
        /// <summary>The item metadata that binds an AdditionalFiles item to a provider class (build/OAuthGen.props makes it visible to the compiler).</summary>
        public const string BindingMetadataKey = "build_metadata.AdditionalFiles.OAuthGenProvider";

        /// <summary>Larger than any authorization server's metadata (Entra's and Google's are under 5 KB).</summary>
        public const int MaxLength = 1024 * 1024;

        // The members read as endpoints, with their names on the wire.
        internal const string TokenEndpointMember = "token_endpoint";
        internal const string AuthorizationEndpointMember = "authorization_endpoint";
        internal const string DeviceAuthorizationEndpointMember = "device_authorization_endpoint";
        internal const string RevocationEndpointMember = "revocation_endpoint";
        internal const string IntrospectionEndpointMember = "introspection_endpoint";
        internal const string AuthMethodsMember = "token_endpoint_auth_methods_supported";
        internal const string GrantTypesMember = "grant_types_supported";
        internal const string CodeChallengeMethodsMember = "code_challenge_methods_supported";
        internal const string ResponseTypesMember = "response_types_supported";

        private static readonly string[] EndpointMembers =
        {
            TokenEndpointMember, AuthorizationEndpointMember, DeviceAuthorizationEndpointMember, RevocationEndpointMember, IntrospectionEndpointMember,
        };

        private static readonly string[] ArrayMembers = { AuthMethodsMember, GrantTypesMember, CodeChallengeMethodsMember, ResponseTypesMember };

        /// <summary>Every bound document among <paramref name="files"/>, read (for the analyzers, which get all files at once).</summary>
        public static ImmutableArray<MetadataDocument> ReadAll(ImmutableArray<AdditionalText> files, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            var documents = ImmutableArray.CreateBuilder<MetadataDocument>();
            foreach (var file in files)
            {
                if (Read(file, options, cancellationToken) is { } document)
                {
                    documents.Add(document);
                }
            }

            return documents.ToImmutable();
        }

        /// <summary>The document <paramref name="file"/> holds, or null when its item does not bind it to a provider class.</summary>
        public static MetadataDocument? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            if (!options.GetOptions(file).TryGetValue(BindingMetadataKey, out var boundTo) || boundTo.Trim().Length == 0)
            {
                return null;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                return Unusable(file.Path, boundTo.Trim(), "could not be read");
            }

            if (text.Length > MaxLength)
            {
                return Unusable(file.Path, boundTo.Trim(), "is larger than 1 MiB, which no metadata document is");
            }

            return Parse(file.Path, boundTo.Trim(), text.ToString());
        }

        /// <summary>Reads the text of a document bound to <paramref name="boundTo"/>.</summary>
        public static MetadataDocument Parse(string path, string boundTo, string text)
        {
            var root = MetadataJson.Parse(text, out var error);
            if (error is not null)
            {
                return Unusable(path, boundTo, "is not JSON: " + error);
            }

            if (root is not List<KeyValuePair<string, object?>> members)
            {
                return Unusable(path, boundTo, "is a JSON " + MetadataJson.KindOf(root) + ", where a metadata document is an object");
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                if (values.ContainsKey(member.Key))
                {
                    return Unusable(path, boundTo, "has the member '" + member.Key + "' twice, so which one a server means is unknown");
                }

                values.Add(member.Key, member.Value);
            }

            if (!values.ContainsKey(TokenEndpointMember))
            {
                return Unusable(path, boundTo, values.ContainsKey("issuer")
                    ? "has no '" + TokenEndpointMember + "'"
                    : "is not an authorization server's metadata: it has neither 'issuer' nor '" + TokenEndpointMember + "'");
            }

            var issuer = values.TryGetValue("issuer", out var issuerValue) ? issuerValue : null;
            if (issuer is not null and not string)
            {
                return Unusable(path, boundTo, "has an 'issuer' that is a JSON " + MetadataJson.KindOf(issuer) + ", not a string");
            }

            var endpoints = new string?[EndpointMembers.Length];
            for (var i = 0; i < EndpointMembers.Length; i++)
            {
                if (!values.TryGetValue(EndpointMembers[i], out var value) || value is null)
                {
                    continue;
                }

                if (value is not string endpoint)
                {
                    return Unusable(path, boundTo, "has a '" + EndpointMembers[i] + "' that is a JSON " + MetadataJson.KindOf(value) + ", not a string");
                }

                if (EndpointProblem(endpoint) is { } problem)
                {
                    return Unusable(path, boundTo, "has a '" + EndpointMembers[i] + "' that " + problem);
                }

                endpoints[i] = endpoint;
            }

            if (endpoints[0] is null)
            {
                return Unusable(path, boundTo, "has a null '" + TokenEndpointMember + "'");
            }

            var arrays = new EquatableArray<string>?[ArrayMembers.Length];
            for (var i = 0; i < ArrayMembers.Length; i++)
            {
                if (!values.TryGetValue(ArrayMembers[i], out var value) || value is null)
                {
                    continue;
                }

                if (!TryReadStrings(value, out var strings))
                {
                    return Unusable(path, boundTo, "has a '" + ArrayMembers[i] + "' that is not an array of strings");
                }

                arrays[i] = strings;
            }

            return new MetadataDocument(
                path, boundTo, Problem: null, (string?)issuer,
                endpoints[0], endpoints[1], endpoints[2], endpoints[3], endpoints[4],
                arrays[0], arrays[1], arrays[2], arrays[3]);
        }

        /// <summary>
        /// Whether <paramref name="document"/> is bound to <paramref name="type"/>: its OAuthGenProvider value is the
        /// class's full name (with or without <c>global::</c>) or, for a value without a dot, its simple name.
        /// </summary>
        public static bool Binds(MetadataDocument document, INamedTypeSymbol type)
        {
            var name = document.BoundTo.StartsWith("global::", StringComparison.Ordinal) ? document.BoundTo.Substring("global::".Length) : document.BoundTo;
            if (name.IndexOf('.') < 0)
            {
                return string.Equals(name, type.Name, StringComparison.Ordinal);
            }

            var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
            return string.Equals(name, fullName, StringComparison.Ordinal);
        }

        /// <summary>The documents bound to <paramref name="type"/>, in the order of the files.</summary>
        public static List<MetadataDocument> BoundTo(INamedTypeSymbol type, IEnumerable<MetadataDocument> documents)
        {
            var bound = new List<MetadataDocument>();
            foreach (var document in documents)
            {
                if (Binds(document, type))
                {
                    bound.Add(document);
                }
            }

            return bound;
        }

        // A metadata endpoint is an absolute http(s) URL (RFC 8414 §2); http outside loopback is OAUTH006's, as in the attribute.
        private static string? EndpointProblem(string endpoint)
        {
            var scheme = EndpointRules.Scheme(endpoint);
            if (scheme is null || !(string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) || string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase)))
            {
                return "('" + endpoint + "') is not an absolute https URL";
            }

            return EndpointRules.Problem(endpoint, out _) is { } problem ? "is unusable: " + problem : null;
        }

        private static bool TryReadStrings(object value, out EquatableArray<string> strings)
        {
            strings = EquatableArray<string>.Empty;
            if (value is not List<object?> items)
            {
                return false;
            }

            var result = new string[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not string item)
                {
                    return false;
                }

                result[i] = item;
            }

            strings = new EquatableArray<string>(result);
            return true;
        }

        private static MetadataDocument Unusable(string path, string boundTo, string problem) =>
            new MetadataDocument(path, boundTo, problem, null, null, null, null, null, null, null, null, null, null);
    }
}
