using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using OAuthGen.Generator.Declarations;
using OAuthGen.Generator.Diagnostics;

namespace OAuthGen.Generator.Analyzers
{
    /// <summary>
    /// OAUTH002: hand-written token requests that authenticate twice. Within one method (its lambdas and local functions
    /// included) it collects, from operations and constant values, where a client credential goes into a body or query
    /// (a dictionary key, a key/value pair, an indexer, an anonymous object member, "client_secret=" text) and where a
    /// Basic Authorization header is set; a method with both gets a diagnostic at each credential.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TokenRequestCodeAnalyzer : DiagnosticAnalyzer
    {
        private const string HeadersNamespace = "System.Net.Http.Headers";
        private static readonly string[] CredentialParameters = { "client_secret", "client_assertion" };
        private static readonly string[] WritePrefixes = { "Add", "TryAdd", "Append", "Create", "Insert", "Set", "Put", "With" };

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SecretSentTwiceInCode);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // Without System.Net.Http there is no header to set: nothing to find.
                var authenticationHeaderValue = TypeLookup.Find(start.Compilation, HeadersNamespace + ".AuthenticationHeaderValue");
                var httpHeaders = TypeLookup.Find(start.Compilation, HeadersNamespace + ".HttpHeaders");
                if (authenticationHeaderValue is null || httpHeaders is null)
                {
                    return;
                }

                var types = new HttpTypes(authenticationHeaderValue, httpHeaders);
                start.RegisterOperationBlockStartAction(block =>
                {
                    var evidence = new Evidence();
                    block.RegisterOperationAction(c => OnInvocation(c, types, evidence), OperationKind.Invocation);
                    block.RegisterOperationAction(c => OnObjectCreation(c, types, evidence), OperationKind.ObjectCreation);
                    block.RegisterOperationAction(c => OnAssignment(c, evidence), OperationKind.SimpleAssignment);
                    block.RegisterOperationAction(c => OnAnonymousObject(c, evidence), OperationKind.AnonymousObjectCreation);
                    block.RegisterOperationAction(c => OnTuple(c, evidence), OperationKind.Tuple);
                    block.RegisterOperationAction(c => OnLiteral(c, evidence), OperationKind.Literal);
                    block.RegisterOperationBlockEndAction(c => evidence.Report(c));
                });
            });
        }

        // dictionary.Add("client_secret", s), KeyValuePair.Create("client_secret", s), QueryHelpers.AddQueryString(u, "client_secret", s);
        // request.Headers.Add("Authorization", "Basic " + x); client.SetBasicAuthentication(id, secret) (IdentityModel).
        private static void OnInvocation(OperationAnalysisContext context, HttpTypes types, Evidence evidence)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name.StartsWith("SetBasicAuthentication", StringComparison.Ordinal))
            {
                evidence.AddHeader(invocation.Syntax.GetLocation());
                return;
            }

            var receiverType = invocation.Instance?.Type;
            if (receiverType is not null && DerivesFrom(receiverType, types.HttpHeaders))
            {
                if ((method.Name == "Add" || method.Name == "TryAddWithoutValidation")
                    && invocation.Arguments.Length == 2
                    && ConstantString(invocation.Arguments[0].Value) is { } name
                    && string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
                    && StartsWithBasic(invocation.Arguments[1].Value))
                {
                    evidence.AddHeader(invocation.Syntax.GetLocation());
                }

                return;
            }

            if (IsWrite(method.Name))
            {
                AddKeyArguments(invocation.Arguments, evidence);
            }
        }

        // new KeyValuePair<string, string>("client_secret", s); new AuthenticationHeaderValue("Basic", x)
        private static void OnObjectCreation(OperationAnalysisContext context, HttpTypes types, Evidence evidence)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is { } type && DerivesFrom(type, types.AuthenticationHeaderValue))
            {
                var isBasic = type.Name.StartsWith("Basic", StringComparison.Ordinal)
                    || (creation.Arguments.Length > 0 && ConstantString(creation.Arguments[0].Value) is { } scheme
                        && string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase));
                if (isBasic && !IsProxyAuthorization(creation))
                {
                    evidence.AddHeader(creation.Syntax.GetLocation());
                }

                return;
            }

            AddKeyArguments(creation.Arguments, evidence);
        }

        // body["client_secret"] = s; new Dictionary<string, string> { ["client_secret"] = s }; new JsonObject { ["client_secret"] = s }
        private static void OnAssignment(OperationAnalysisContext context, Evidence evidence)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: { Length: 1 } arguments }
                && IsCredentialName(ConstantString(arguments[0].Value)))
            {
                evidence.AddCredential(arguments[0].Value.Syntax.GetLocation(), ConstantString(arguments[0].Value)!);
            }
        }

        // new { grant_type = "client_credentials", client_secret = secret }, serialized to JSON
        private static void OnAnonymousObject(OperationAnalysisContext context, Evidence evidence)
        {
            var creation = (IAnonymousObjectCreationOperation)context.Operation;
            foreach (var initializer in creation.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } member && IsCredentialName(name))
                {
                    evidence.AddCredential(member.Syntax.GetLocation(), name);
                }
            }
        }

        // ("client_secret", secret) in a list of pairs
        private static void OnTuple(OperationAnalysisContext context, Evidence evidence)
        {
            var tuple = (ITupleOperation)context.Operation;
            if (tuple.Elements.Length == 2 && ConstantString(tuple.Elements[0]) is { } name && IsCredentialName(name))
            {
                evidence.AddCredential(tuple.Elements[0].Syntax.GetLocation(), name);
            }
        }

        // "grant_type=client_credentials&client_secret=" + s, $"...&client_secret={s}", "{\"client_secret\":\"...\"}"
        private static void OnLiteral(OperationAnalysisContext context, Evidence evidence)
        {
            if (ConstantString(context.Operation) is not { Length: > 14 } text)
            {
                return;
            }

            foreach (var name in CredentialParameters)
            {
                if (ContainsFormParameter(text, name) || text.IndexOf("\"" + name + "\"", StringComparison.Ordinal) >= 0)
                {
                    evidence.AddCredential(context.Operation.Syntax.GetLocation(), name);
                    return;
                }
            }
        }

        private static void AddKeyArguments(ImmutableArray<IArgumentOperation> arguments, Evidence evidence)
        {
            // A credential name followed by its value: the shape of Add(key, value), new KeyValuePair(key, value), ...
            for (var i = 0; i < arguments.Length - 1; i++)
            {
                if (ConstantString(arguments[i].Value) is { } name && IsCredentialName(name))
                {
                    evidence.AddCredential(arguments[i].Value.Syntax.GetLocation(), name);
                }
            }
        }

        // Methods that put a key/value pair somewhere; a lookup (TryGetValue, Equals) reads a credential, it does not send one.
        private static bool IsWrite(string name)
        {
            foreach (var prefix in WritePrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ContainsFormParameter(string text, string name)
        {
            for (var index = text.IndexOf(name + "=", StringComparison.Ordinal); index >= 0; index = text.IndexOf(name + "=", index + 1, StringComparison.Ordinal))
            {
                if (index == 0 || text[index - 1] == '&' || text[index - 1] == '?')
                {
                    return true;
                }
            }

            return false;
        }

        // "Basic " + x, $"Basic {x}", "Basic abc=", string.Concat("Basic ", x)
        private static bool StartsWithBasic(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                        value = binary.LeftOperand;
                        continue;
                    case IInterpolatedStringOperation interpolated:
                        return interpolated.Parts.Length > 0
                            && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text: { } text }
                            && IsBasicPrefix(ConstantString(text));
                    case IInvocationOperation { TargetMethod.Name: "Concat", Arguments.Length: > 0 } concat:
                        value = concat.Arguments[0].Value;
                        continue;
                    default:
                        return IsBasicPrefix(ConstantString(value));
                }
            }
        }

        private static bool IsBasicPrefix(string? text) =>
            text is not null && text.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);

        private static bool IsProxyAuthorization(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConversionOperation)
                {
                    continue;
                }

                return parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ProxyAuthorization" } };
            }

            return false;
        }

        private static bool IsCredentialName(string? name) =>
            name is not null && Array.IndexOf(CredentialParameters, name) >= 0;

        private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol expected)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, expected))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? ConstantString(IOperation? operation) =>
            operation?.ConstantValue is { HasValue: true, Value: string value } ? value : null;

        private sealed class HttpTypes
        {
            public HttpTypes(INamedTypeSymbol authenticationHeaderValue, INamedTypeSymbol httpHeaders)
            {
                AuthenticationHeaderValue = authenticationHeaderValue;
                HttpHeaders = httpHeaders;
            }

            public INamedTypeSymbol AuthenticationHeaderValue { get; }

            public INamedTypeSymbol HttpHeaders { get; }
        }

        /// <summary>What one operation block puts in bodies and headers. Operation callbacks may run concurrently: locked.</summary>
        private sealed class Evidence
        {
            private readonly object _gate = new object();
            private readonly List<(Location Location, string Name)> _credentials = new List<(Location, string)>();
            private Location? _header;

            public void AddCredential(Location location, string name)
            {
                lock (_gate)
                {
                    _credentials.Add((location, name));
                }
            }

            public void AddHeader(Location location)
            {
                lock (_gate)
                {
                    if (_header is null || location.SourceSpan.Start < _header.SourceSpan.Start)
                    {
                        _header = location;
                    }
                }
            }

            public void Report(OperationBlockAnalysisContext context)
            {
                lock (_gate)
                {
                    if (_header is null)
                    {
                        return;
                    }

                    var reported = new HashSet<TextSpanKey>();
                    foreach (var (location, name) in _credentials)
                    {
                        if (reported.Add(new TextSpanKey(location)))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretSentTwiceInCode, location, new[] { _header }, name));
                        }
                    }
                }
            }
        }

        private readonly struct TextSpanKey : IEquatable<TextSpanKey>
        {
            private readonly string? _path;
            private readonly int _start;
            private readonly int _length;

            public TextSpanKey(Location location)
            {
                _path = location.SourceTree?.FilePath;
                _start = location.SourceSpan.Start;
                _length = location.SourceSpan.Length;
            }

            public bool Equals(TextSpanKey other) => _path == other._path && _start == other._start && _length == other._length;

            public override bool Equals(object? obj) => obj is TextSpanKey other && Equals(other);

            public override int GetHashCode() => (_path?.GetHashCode() ?? 0) ^ (_start * 397) ^ _length;
        }
    }
}
