using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using OAuthGen.Generator.Analyzers;
using OAuthGen.Generator.Diagnostics;
using OAuthGen.Generator.Linked;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// OAUTH050 to OAUTH055: a declaration read beside the metadata document bound to it. Only what a document lists is
    /// checked: a list it leaves out is taken as unpublished (Microsoft Entra publishes no grant_types_supported, and
    /// RFC 8414's defaults for an absent list would flag grants it serves every day).
    /// </summary>
    internal static class MetadataRules
    {
        private static readonly OAuthGrant[] Grants =
        {
            OAuthGrant.ClientCredentials, OAuthGrant.Password, OAuthGrant.AuthorizationCode, OAuthGrant.RefreshToken,
            OAuthGrant.DeviceCode, OAuthGrant.TokenExchange, OAuthGrant.JwtBearer,
        };

        /// <summary>
        /// The one usable document bound to <paramref name="type"/>, or null; an Error (OAUTH050) when the one bound cannot
        /// be used or more than one is, and then <paramref name="unusable"/> is true.
        /// </summary>
        public static MetadataDocument? DocumentOf(INamedTypeSymbol type, ImmutableArray<MetadataDocument> documents, AttributeArguments arguments, ImmutableArray<Problem>.Builder problems, out bool unusable)
        {
            unusable = false;
            var bound = MetadataDocuments.BoundTo(type, documents);
            if (bound.Count == 0)
            {
                return null;
            }

            unusable = true;
            if (bound.Count > 1)
            {
                var others = string.Join("', '", bound.Skip(1).Select(document => document.FileName));
                problems.Add(new Problem(DiagnosticDescriptors.MetadataDocumentUnusable, arguments.Location, bound[0].FileName, type.Name, "is not the only one: '" + others + "' is bound to it too; bind one document to a class"));
                return null;
            }

            var only = bound[0];
            if (only.Problem is not null)
            {
                problems.Add(new Problem(DiagnosticDescriptors.MetadataDocumentUnusable, arguments.Location, only.FileName, type.Name, only.Problem));
                return null;
            }

            unusable = false;
            return only;
        }

        /// <summary>The declaration against what <paramref name="document"/> publishes (warnings only: the generator uses the declaration as written).</summary>
        public static void Check(INamedTypeSymbol type, AttributeArguments arguments, MetadataDocument document, OAuthGrant grants, ClientAuthMethod clientAuth, bool usePkce, ImmutableArray<Problem>.Builder problems)
        {
            CheckEndpoints(type, arguments, document, problems);

            if (document.TokenEndpointAuthMethods is { } methods && WireNames.Of(clientAuth) is { } method && !methods.Contains(method))
            {
                problems.Add(new Problem(
                    DiagnosticDescriptors.MetadataClientAuthNotSupported,
                    arguments.LocationOf(arguments.NamedArgument(nameof(OAuthProviderAttribute.ClientAuth))),
                    type.Name, clientAuth.ToString(), method, document.FileName, List(methods)));
            }

            if (document.GrantTypes is { } grantTypes)
            {
                foreach (var grant in Grants)
                {
                    if ((grants & grant) != 0 && WireNames.Of(grant) is { } grantType && !grantTypes.Contains(grantType))
                    {
                        problems.Add(new Problem(
                            DiagnosticDescriptors.MetadataGrantNotSupported,
                            arguments.LocationOfMember(nameof(OAuthProviderAttribute.Grants), grant.ToString()),
                            type.Name, grant.ToString(), grantType, document.FileName, List(grantTypes)));
                    }
                }
            }

            var authorizationCode = (grants & OAuthGrant.AuthorizationCode) != 0;
            if (authorizationCode && usePkce && document.CodeChallengeMethods is { } challengeMethods && !challengeMethods.Contains("S256"))
            {
                problems.Add(new Problem(
                    DiagnosticDescriptors.MetadataPkceNotSupported,
                    arguments.LocationOf(arguments.NamedArgument(nameof(OAuthProviderAttribute.UsePkce))),
                    type.Name, document.FileName, List(challengeMethods)));
            }

            // A response type is a space-separated set of values (RFC 6749 §3.1.1): "code id_token" issues a code too.
            if (authorizationCode && document.ResponseTypes is { } responseTypes
                && !responseTypes.Any(responseType => responseType.Split(' ').Contains("code")))
            {
                problems.Add(new Problem(
                    DiagnosticDescriptors.MetadataResponseTypeNotSupported,
                    arguments.LocationOfMember(nameof(OAuthProviderAttribute.Grants), nameof(OAuthGrant.AuthorizationCode)),
                    type.Name, document.FileName, List(responseTypes)));
            }
        }

        /// <summary>The endpoint the spec uses: the attribute's when it sets one, else the document's.</summary>
        public static string? Endpoint(string? declared, string? fromDocument) =>
            declared is not null && declared.Trim().Length > 0 ? declared : fromDocument;

        private static void CheckEndpoints(INamedTypeSymbol type, AttributeArguments arguments, MetadataDocument document, ImmutableArray<Problem>.Builder problems)
        {
            void Compare(string what, string? declared, string? fromDocument, Location location)
            {
                if (declared is not null && declared.Trim().Length > 0 && fromDocument is not null && !string.Equals(declared, fromDocument, StringComparison.Ordinal))
                {
                    problems.Add(new Problem(DiagnosticDescriptors.MetadataEndpointDiffers, location, what, type.Name, declared, document.FileName, fromDocument));
                }
                else if ((declared is null || declared.Trim().Length == 0) && fromDocument is not null && EndpointRules.Problem(fromDocument, out var insecure) is null && insecure)
                {
                    // OAUTH006, as the same address would get in the attribute.
                    problems.Add(new Problem(DiagnosticDescriptors.InsecureEndpoint, arguments.Location, what + " of " + document.FileName, fromDocument));
                }
            }

            void CompareNamed(string what, string property, string? fromDocument) =>
                Compare(what, arguments.NamedString(property), fromDocument, arguments.LocationOf(arguments.NamedArgument(property)?.Expression));

            Compare("token endpoint", arguments.ConstructorString(0), document.TokenEndpoint, arguments.LocationOf(arguments.ConstructorExpression(0, KnownNames.TokenEndpointParameter)));
            CompareNamed("authorization endpoint", nameof(OAuthProviderAttribute.AuthorizationEndpoint), document.AuthorizationEndpoint);
            CompareNamed("device authorization endpoint", nameof(OAuthProviderAttribute.DeviceAuthorizationEndpoint), document.DeviceAuthorizationEndpoint);
            CompareNamed("revocation endpoint", nameof(OAuthProviderAttribute.RevocationEndpoint), document.RevocationEndpoint);
            CompareNamed("introspection endpoint", nameof(OAuthProviderAttribute.IntrospectionEndpoint), document.IntrospectionEndpoint);
        }

        private static string List(EquatableArray<string> values) =>
            values.Count == 0 ? "an empty list" : "'" + string.Join("', '", values) + "'";
    }
}
