using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Diagnostics;
using OAuthGen.Generator.Linked;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>
    /// OAUTH030-033: where the parameters go and what they are called (<c>Parameters</c>, <c>Method</c>,
    /// <c>[OAuthParameterName]</c>). Advice only: what is generated does not depend on them.
    /// </summary>
    internal static class RequestShapeRules
    {
        /// <summary>The parameters OAuthGen writes itself, which [OAuthParameterName] may rename; in the runtime's GrantDescriptor and AuthorizationUrl.</summary>
        internal static readonly string[] StandardParameters =
        {
            "grant_type", "client_id", "client_secret", "client_assertion_type", "client_assertion", "scope", "username", "password",
            "code", "redirect_uri", "code_verifier", "refresh_token", "device_code", "subject_token", "subject_token_type", "actor_token",
            "actor_token_type", "requested_token_type", "audience", "resource", "token", "token_type_hint", "response_type", "state",
            "code_challenge", "code_challenge_method",
        };

        public static void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArguments provider, OAuthGrant? grants, ClientAuthMethod? clientAuth, OAuthSymbols symbols)
        {
            CheckQuery(context, type, provider, clientAuth);
            if (symbols.ParameterNameAttribute is null)
            {
                return;
            }

            // wire name -> what is sent under it, for OAUTH032.
            var sentAs = new Dictionary<string, string>(StringComparer.Ordinal);
            var renamed = new HashSet<string>(StringComparer.Ordinal);
            var renames = new List<(string Standard, string? Wire, AttributeArguments Arguments)>();
            foreach (var attribute in type.GetAttributes())
            {
                if (OAuthSymbols.Is(attribute.AttributeClass, symbols.ParameterNameAttribute)
                    && new AttributeArguments(attribute, context.CancellationToken) is var arguments
                    && arguments.ConstructorString(0) is { } standard)
                {
                    renames.Add((standard, arguments.ConstructorString(1), arguments));
                    renamed.Add(standard);
                }
            }

            if (renames.Count == 0)
            {
                return;
            }

            foreach (var name in StandardParameters)
            {
                if (!renamed.Contains(name))
                {
                    sentAs[name] = "the standard parameter '" + name + "'";
                }
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (OAuthSymbols.Is(attribute.AttributeClass, symbols.ParameterAttribute)
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string declared)
                {
                    sentAs[declared] = "[OAuthParameter(\"" + declared + "\")]";
                }
            }

            var seenStandard = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (standard, wire, arguments) in renames)
            {
                var standardLocation = arguments.LocationOf(arguments.ConstructorExpression(0, "standardName"));
                if (Array.IndexOf(StandardParameters, standard) < 0)
                {
                    Report(context, DiagnosticDescriptors.UnknownStandardParameter, standardLocation, standard, string.Join(", ", StandardParameters));
                    continue;
                }

                var what = "'" + standard + "' (renamed)";
                if (!seenStandard.Add(standard))
                {
                    Report(context, DiagnosticDescriptors.ParameterNameCollision, standardLocation, standard, "this [OAuthParameterName]", "an earlier one for the same parameter");
                    continue;
                }

                if (wire is null)
                {
                    if (RequiredBy(standard, grants, clientAuth) is { } needs)
                    {
                        Report(context, DiagnosticDescriptors.RequiredParameterOmitted, standardLocation, standard, needs);
                    }

                    continue;
                }

                if (sentAs.TryGetValue(wire, out var other))
                {
                    Report(context, DiagnosticDescriptors.ParameterNameCollision, arguments.LocationOf(arguments.ConstructorExpression(1, "wireName")), wire, what, other);
                }
                else
                {
                    sentAs[wire] = what;
                }
            }
        }

        // OAUTH030.
        private static void CheckQuery(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeArguments provider, ClientAuthMethod? clientAuth)
        {
            var defaults = new OAuthProviderAttribute();
            var location = provider.NamedEnum(nameof(OAuthProviderAttribute.Parameters), defaults.Parameters);
            var method = provider.NamedEnum(nameof(OAuthProviderAttribute.Method), defaults.Method);
            var get = method == TokenRequestMethod.Get;
            if ((location != ParameterLocation.Query && !get) || clientAuth is not { } auth)
            {
                return;
            }

            var secret = auth switch
            {
                ClientAuthMethod.ClientSecretPost => "client secret",
                ClientAuthMethod.ClientSecretJwt or ClientAuthMethod.PrivateKeyJwt => "client assertion",
                _ => null,
            };
            if (secret is null)
            {
                return;
            }

            var argument = provider.NamedArgument(get ? nameof(OAuthProviderAttribute.Method) : nameof(OAuthProviderAttribute.Parameters));
            Report(context, DiagnosticDescriptors.SecretInQuery, provider.LocationOf(argument), type.Name, get ? "Method = Get" : "Parameters = Query", auth.ToString(), secret);
        }

        /// <summary>What cannot work without <paramref name="standard"/>, or null. grant_type may go: Shopify's token endpoint has none.</summary>
        private static string? RequiredBy(string standard, OAuthGrant? grants, ClientAuthMethod? clientAuth)
        {
            var declared = grants ?? OAuthGrant.None;
            bool Has(OAuthGrant grant) => (declared & grant) != 0;
            return standard switch
            {
                "code" when Has(OAuthGrant.AuthorizationCode) => "the authorization code grant",
                "refresh_token" when Has(OAuthGrant.RefreshToken) => "the refresh token grant",
                "username" or "password" when Has(OAuthGrant.Password) => "the password grant",
                "device_code" when Has(OAuthGrant.DeviceCode) => "the device code grant",
                "subject_token" or "subject_token_type" when Has(OAuthGrant.TokenExchange) => "the token exchange grant",
                "client_secret" when clientAuth == ClientAuthMethod.ClientSecretPost => "ClientAuth = ClientSecretPost",
                "client_assertion" or "client_assertion_type" when clientAuth is ClientAuthMethod.ClientSecretJwt or ClientAuthMethod.PrivateKeyJwt => "ClientAuth = " + clientAuth,
                _ => null,
            };
        }

        private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
    }
}
