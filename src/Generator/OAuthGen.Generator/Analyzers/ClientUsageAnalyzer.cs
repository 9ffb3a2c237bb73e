using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OAuthGen.Generator.Diagnostics;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>
    /// Checks the code that uses OAuthGen clients: a client secret or password written as a string literal (OAUTH013), and
    /// scope strings (OAUTH014, OAUTH015) given to <c>OAuthClientOptions</c> or to a generated client. Works on
    /// assignments and invocations, and only looks at constant strings.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ClientUsageAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.LiteralSecret,
            DiagnosticDescriptors.InvalidScope,
            DiagnosticDescriptors.CommaSeparatedScope,
            DiagnosticDescriptors.PlaceholderInEndpointOverride,
            DiagnosticDescriptors.MissingCodeVerifier);

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

                if (symbols.ClientOptions is not null)
                {
                    start.RegisterOperationAction(operationContext => AnalyzeAssignment(operationContext, symbols), OperationKind.SimpleAssignment);
                }

                start.RegisterOperationAction(operationContext => AnalyzeInvocation(operationContext, symbols), OperationKind.Invocation);
            });
        }

        // options.ClientSecret = "..."; new OAuthClientOptions { ClientSecret = "...", Scope = "a,b" }
        private static void AnalyzeAssignment(OperationAnalysisContext context, OAuthSymbols symbols)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            CheckEndpointOverride(context, assignment, symbols);
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
                || !OAuthSymbols.Is(property.ContainingType, symbols.ClientOptions)
                || ConstantString(assignment.Value) is not { } value)
            {
                return;
            }

            switch (property.Name)
            {
                case "ClientSecret" when value.Trim().Length > 0:
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LiteralSecret, assignment.Value.Syntax.GetLocation(), "client secret"));
                    break;
                case "Scope":
                    ScopeRules.Report(context.ReportDiagnostic, value, assignment.Value.Syntax.GetLocation());
                    break;
            }
        }

        // client.RequestPasswordTokenAsync("user", "p4ss"); client.RequestClientCredentialsTokenAsync("read,write")
        private static void AnalyzeInvocation(OperationAnalysisContext context, OAuthSymbols symbols)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            CheckCodeVerifier(context, invocation, symbols);
            if (!IsClientMethod(method.Name) || invocation.Arguments.Length == 0)
            {
                return;
            }

            var containingType = method.ContainingType;
            if (!OAuthSymbols.Is(containingType, symbols.ClientCredentialsTokenClient) && !symbols.IsProvider(containingType))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter || ConstantString(argument.Value) is not { } value)
                {
                    continue;
                }

                if (parameter.Name == "scope")
                {
                    ScopeRules.Report(context.ReportDiagnostic, value, argument.Value.Syntax.GetLocation(), CommasSeparateScopes(containingType, symbols));
                }
                else if (parameter.Name == "password" && method.Name == "RequestPasswordTokenAsync" && value.Trim().Length > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LiteralSecret, argument.Value.Syntax.GetLocation(), "password"));
                }
            }
        }

        // OAUTH034: client.ExchangeAuthorizationCodeAsync(code, redirectUri) on a client whose authorization requests carry a
        // PKCE challenge. Only a verifier left out is reported: an explicit null says the code did not come from that request.
        private static void CheckCodeVerifier(OperationAnalysisContext context, IInvocationOperation invocation, OAuthSymbols symbols)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "ExchangeAuthorizationCodeAsync" || !symbols.IsProvider(method.ContainingType) || !UsesPkce(method.ContainingType, symbols))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "codeVerifier" && argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingCodeVerifier, invocation.Syntax.GetLocation(), method.ContainingType.Name));
                }
            }
        }

        private static bool UsesPkce(INamedTypeSymbol type, OAuthSymbols symbols)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (OAuthSymbols.Is(attribute.AttributeClass, symbols.ProviderAttribute))
                {
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == nameof(Linked.OAuthProviderAttribute.UsePkce) && named.Value.Value is false)
                        {
                            return false;
                        }
                    }

                    return true;
                }
            }

            return false;
        }

        // OAUTH035: options.TokenEndpoint = new Uri("https://login.microsoftonline.com/{tenant}/...") (or a string).
        private static void CheckEndpointOverride(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, OAuthSymbols symbols)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
                || !OAuthSymbols.Is(property.ContainingType, symbols.ClientOptions)
                || !(property.Name.EndsWith("Endpoint", StringComparison.Ordinal) || property.Name == "MetadataAddress"))
            {
                return;
            }

            var value = assignment.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IObjectCreationOperation { Arguments.Length: > 0 } creation)
            {
                value = creation.Arguments[0].Value;
            }

            if (ConstantString(value) is not { } uri)
            {
                return;
            }

            var open = uri.IndexOf('{');
            var close = open < 0 ? -1 : uri.IndexOf('}', open + 1);
            if (close > open + 1)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.PlaceholderInEndpointOverride, value.Syntax.GetLocation(), property.Name, uri.Substring(open, close - open + 1)));
            }
        }

        // A provider declared with ScopeSeparator = "," documents comma-separated scopes: OAUTH015 is not for it.
        private static bool CommasSeparateScopes(INamedTypeSymbol type, OAuthSymbols symbols)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (OAuthSymbols.Is(attribute.AttributeClass, symbols.ProviderAttribute))
                {
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == nameof(Linked.OAuthProviderAttribute.ScopeSeparator) && named.Value.Value is ",")
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsClientMethod(string name) =>
            string.Equals(name, "RequestClientCredentialsTokenAsync", StringComparison.Ordinal)
            || string.Equals(name, "RequestPasswordTokenAsync", StringComparison.Ordinal)
            || string.Equals(name, "RefreshTokenAsync", StringComparison.Ordinal)
            || string.Equals(name, "CreateAuthorizationRequest", StringComparison.Ordinal);

        private static string? ConstantString(IOperation operation) =>
            operation.ConstantValue is { HasValue: true, Value: string value } ? value : null;
    }
}
