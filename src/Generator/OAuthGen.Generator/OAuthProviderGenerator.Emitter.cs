using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using OAuthGen.Generator.Linked;
using OAuthGen.Generator.Model;

namespace OAuthGen.Generator
{
    public sealed partial class OAuthProviderGenerator
    {
        /// <summary>Writes the generated part of a provider class from its <see cref="ProviderSpec"/>.</summary>
        internal sealed partial class Emitter
        {
            // Every type the generated code names, from global:: so that no user type or namespace can capture it.
            private const string RuntimeNamespace = "global::OAuthGen.";
            private const string Token = RuntimeNamespace + "OAuthToken";
            private const string ProviderInfo = RuntimeNamespace + "OAuthProviderInfo";
            private const string ClientOptions = RuntimeNamespace + "OAuthClientOptions";
            private const string OAuthClientInterface = RuntimeNamespace + "IOAuthClient";
            private const string ClientCredentialsClientInterface = RuntimeNamespace + "IClientCredentialsTokenClient";
            private const string RefreshTokenClientInterface = RuntimeNamespace + "IRefreshTokenClient";
            private const string OAuthException = RuntimeNamespace + "OAuthException";
            private const string AuthorizationRequest = RuntimeNamespace + "AuthorizationRequest";
            private const string DeviceAuthorization = RuntimeNamespace + "DeviceAuthorization";
            private const string TokenExchangeRequest = RuntimeNamespace + "TokenExchangeRequest";
            private const string TokenIntrospection = RuntimeNamespace + "TokenIntrospection";
            private const string TokenEndpointClient = RuntimeNamespace + "Infrastructure.TokenEndpointClient";
            private const string TokenFieldReader = RuntimeNamespace + "Infrastructure.TokenFieldReader";
            private const string HttpClient = "global::System.Net.Http.HttpClient";
            private const string TimeProvider = "global::System.TimeProvider";
            private const string Uri = "global::System.Uri";
            private const string Func = "global::System.Func";
            private const string EmptyArray = "global::System.Array.Empty";
            private const string Task = "global::System.Threading.Tasks.Task";
            private const string CancellationToken = "global::System.Threading.CancellationToken";
            private const string KeyValuePair = "global::System.Collections.Generic.KeyValuePair";
            private const string Fields = "global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>";
            private const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCodeAttribute";
            private const string CancellationTokenParameter = CancellationToken + " cancellationToken = default";
            private const string ExtraParameters = "global::System.Collections.Generic.IEnumerable<" + KeyValuePair + "<string, string>>";
            private const string EditorBrowsableNever = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";
            private static readonly (string, string) ParametersDoc =
                ("parameters", "Further parameters to send after the standard ones, as given; one the client writes itself (client_id, grant_type, ...) is refused with an <see cref=\"global::System.ArgumentException\"/>.");

            /// <summary>
            /// On each generated member, with the version of this generator assembly. Not once on the partial class: the
            /// attribute would cover the user's part too, and analyzers skip generated code, so OAUTH001 and the user's
            /// own rules would go quiet on the declaration (see docs/decisions.md).
            /// </summary>
            private static readonly string GeneratedCode =
                "[" + GeneratedCodeAttribute + "(\"OAuthGen.Generator\", \"" + typeof(OAuthProviderGenerator).Assembly.GetName().Version + "\")]";

            /// <summary>The attribute's defaults, which are also OAuthProviderInfo's: an argument equal to one is left out.</summary>
            private static readonly OAuthProviderAttribute Defaults = new OAuthProviderAttribute();

            private const string ScopeDoc = "The scope to request; the configured or declared default when null.";
            private static readonly (string, string) CancellationDoc = ("cancellationToken", "Cancels the request.");
            private static readonly (string, string) TokenTypeHintDoc = ("tokenTypeHint", "<c>access_token</c> or <c>refresh_token</c>, to help the provider find it.");

            private readonly ProviderSpec _spec;
            private readonly SourceWriter _writer = new SourceWriter();

            private Emitter(ProviderSpec spec)
            {
                _spec = spec;
            }

            private string TokenType => _spec.TokenType?.FullyQualifiedName ?? Token;

            private string FullTypeName
            {
                get
                {
                    var name = new System.Text.StringBuilder("global::");
                    if (_spec.Namespace is not null)
                    {
                        name.Append(_spec.Namespace).Append('.');
                    }

                    foreach (var containing in _spec.ContainingTypes)
                    {
                        name.Append(containing.Name).Append('.');
                    }

                    return name.Append(_spec.TypeName).ToString();
                }
            }

            private string TaskOfToken => Task + "<" + TokenType + ">";

            private string CreateToken => _spec.TokenType is null ? TokenEndpointClient + ".CreateDefaultToken" : TokenFieldSetName;

            // C# 7.3 (a netstandard2.0 project's default) has no nullable annotations.
            private string Nullable => _spec.NullableAnnotations ? "?" : string.Empty;

            public static string Emit(ProviderSpec spec) => new Emitter(spec).Emit();

            private bool Has(OAuthGrant grant) => (_spec.Grants & grant) != 0;

            // The grant a machine client gets its tokens with, behind IClientCredentialsTokenClient (token managers, the
            // bearer handler): client credentials, else jwt-bearer with the client as its own subject (docs/decisions.md).
            private bool HasMachineGrant => Has(OAuthGrant.ClientCredentials) || Has(OAuthGrant.JwtBearer);

            private string Emit()
            {
                _writer.Line("// <auto-generated/>");
                if (_spec.NullableAnnotations)
                {
                    _writer.Line("#nullable enable");
                }

                _writer.Line();
                if (_spec.Namespace is not null)
                {
                    _writer.Open("namespace " + _spec.Namespace);
                }

                foreach (var containing in _spec.ContainingTypes)
                {
                    _writer.Open("partial " + containing.Keyword + " " + containing.Name);
                }

                _writer.Open("partial class " + _spec.TypeName + BaseList());
                WriteProviderInfo();
                WriteConstructors();
                if (_spec.WritesOptionsProperty)
                {
                    WriteOptionsProperty();
                }

                if (_spec.ImplementsOAuthClient)
                {
                    WriteOAuthClient();
                }

                if (Has(OAuthGrant.ClientCredentials))
                {
                    WriteClientCredentials();
                }

                if (Has(OAuthGrant.JwtBearer))
                {
                    WriteJwtBearer();
                }

                if (Has(OAuthGrant.Password))
                {
                    WritePassword();
                }

                if (Has(OAuthGrant.AuthorizationCode))
                {
                    WriteAuthorizationCode();
                }

                if (Has(OAuthGrant.RefreshToken))
                {
                    WriteRefreshToken();
                }

                if (Has(OAuthGrant.DeviceCode))
                {
                    WriteDeviceCode();
                }

                if (Has(OAuthGrant.TokenExchange))
                {
                    WriteTokenExchange();
                }

                if (_spec.RevocationEndpoint is not null || _spec.MetadataAddress is not null)
                {
                    WriteRevocation();
                }

                if (_spec.IntrospectionEndpoint is not null || _spec.MetadataAddress is not null)
                {
                    WriteIntrospection();
                }

                _writer.Close();
                foreach (var _ in _spec.ContainingTypes)
                {
                    _writer.Close();
                }

                if (_spec.Namespace is not null)
                {
                    _writer.Close();
                }

                return _writer.ToString();
            }

            private string BaseList()
            {
                var interfaces = new List<string>();
                if (_spec.ImplementsOAuthClient)
                {
                    interfaces.Add(OAuthClientInterface + "<" + FullTypeName + ">");
                }

                if (HasMachineGrant)
                {
                    interfaces.Add(ClientCredentialsClientInterface);
                }

                if (Has(OAuthGrant.RefreshToken))
                {
                    interfaces.Add(RefreshTokenClientInterface);
                }

                return interfaces.Count == 0 ? string.Empty : " : " + string.Join(", ", interfaces);
            }

            private void WriteOAuthClient()
            {
                var self = FullTypeName;
                var oauthClient = OAuthClientInterface + "<" + self + ">";
                _writer.Line();
                _writer.Line(GeneratedCode);
                _writer.Line("static " + ProviderInfo + " " + oauthClient + ".Provider => s_provider;");
                _writer.Line();
                _writer.Line(GeneratedCode);
                _writer.Line("static " + self + " " + oauthClient + ".Create(" + HttpClient + " httpClient, " + ClientOptions + " options, " + TimeProvider + "? timeProvider)");
                _writer.Indent().Line("=> new " + self + "(httpClient, options, timeProvider);").Outdent();
            }

            private void WriteProviderInfo()
            {
                _writer.Line("private static readonly " + ProviderInfo + " s_provider = new " + ProviderInfo + "(");
                _writer.Indent();
                var arguments = new List<string>
                {
                    "name: " + Literal(_spec.TypeName.TrimStart('@')),
                    "tokenEndpoint: " + Literal(_spec.TokenEndpoint),
                };
                AddUnlessDefault(arguments, "grants", _spec.Grants, Defaults.Grants, GrantsExpression());
                AddUnlessDefault(arguments, "clientAuth", _spec.ClientAuth, Defaults.ClientAuth, EnumMember(_spec.ClientAuth));
                AddUnlessDefault(arguments, "body", _spec.Body, Defaults.Body, EnumMember(_spec.Body));
                AddUnlessDefault(arguments, "basicEncoding", _spec.BasicEncoding, Defaults.BasicEncoding, EnumMember(_spec.BasicEncoding));
                AddOptional(arguments, "authorizationEndpoint", _spec.AuthorizationEndpoint);
                AddOptional(arguments, "deviceAuthorizationEndpoint", _spec.DeviceAuthorizationEndpoint);
                AddOptional(arguments, "revocationEndpoint", _spec.RevocationEndpoint);
                AddOptional(arguments, "introspectionEndpoint", _spec.IntrospectionEndpoint);
                AddOptional(arguments, "metadataAddress", _spec.MetadataAddress);
                AddOptional(arguments, "scope", _spec.Scope);
                AddUnlessDefault(arguments, "scopeRequired", _spec.ScopeRequired, Defaults.ScopeRequired, _spec.ScopeRequired ? "true" : "false");
                AddUnlessDefault(arguments, "usePkce", _spec.UsePkce, Defaults.UsePkce, _spec.UsePkce ? "true" : "false");
                if (_spec.Headers.Count > 0)
                {
                    arguments.Add("headers: " + PairsExpression(_spec.Headers));
                }

                if (_spec.Parameters.Count > 0)
                {
                    arguments.Add("parameters: " + PairsExpression(_spec.Parameters));
                }

                AddUnlessDefault(arguments, "parameterLocation", _spec.ParameterLocation, Defaults.Parameters, EnumMember(_spec.ParameterLocation));
                AddUnlessDefault(arguments, "method", _spec.Method, Defaults.Method, EnumMember(_spec.Method));
                if (_spec.ParameterNames.Count > 0)
                {
                    const string Pair = KeyValuePair + "<string, string" + "?>";
                    var pair = _spec.NullableAnnotations ? Pair : KeyValuePair + "<string, string>";
                    var items = _spec.ParameterNames.Select(name => "new " + pair + "(" + Literal(name.StandardName) + ", " + (name.WireName is null ? "null" : Literal(name.WireName)) + ")");
                    arguments.Add("parameterNames: new " + pair + "[] { " + string.Join(", ", items) + " }");
                }

                var secretFields = _spec.TokenType?.Fields.Where(field => field.IsSecret).Select(field => Literal(field.JsonName)).ToList();
                if (secretFields is { Count: > 0 })
                {
                    arguments.Add("secretFields: new string[] { " + string.Join(", ", secretFields) + " }");
                }

                if (_spec.ResponseFields is { } response)
                {
                    AddOptional(arguments, "responseRoot", response.ResponseRoot);
                    AddOptional(arguments, "expiresInField", response.ExpiresInField);
                    AddOptional(arguments, "expiresAtField", response.ExpiresAtField);
                    AddOptional(arguments, "errorField", response.ErrorField);
                    AddOptional(arguments, "errorDescriptionField", response.ErrorDescriptionField);
                    AddUnlessDefault(arguments, "scopeSeparator", response.ScopeSeparator, Defaults.ScopeSeparator, Literal(response.ScopeSeparator));
                }

                AddOptional(arguments, "refreshTokenEndpoint", _spec.RefreshTokenEndpoint);

                for (var i = 0; i < arguments.Count; i++)
                {
                    _writer.Line(arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
                }

                _writer.Outdent();
                _writer.Line();

                if (_spec.TokenType is { } tokenType)
                {
                    WriteTokenFieldSet(tokenType);
                }

                _writer.Line("private readonly " + TokenEndpointClient + " _tokenEndpointClient;");
                _writer.Line();
                _writer.Line("/// <summary>What the <c>[OAuthProvider]</c> declaration of this class says: endpoints, grants, client authentication, body encoding.</summary>");
                _writer.Line(GeneratedCode);
                _writer.Line("public static " + ProviderInfo + " Provider => s_provider;");
                _writer.Line();
            }

            private void WriteConstructors()
            {
                var name = _spec.TypeName;
                _writer.Line("/// <summary>Creates a token client for this provider.</summary>");
                _writer.Line("/// <param name=\"httpClient\">Sends the token requests; relative endpoints resolve against its <c>BaseAddress</c>.</param>");
                _writer.Line("/// <param name=\"options\">The client's registration with the provider.</param>");
                _writer.Line(GeneratedCode);
                _writer.Line("public " + name + "(" + HttpClient + " httpClient, " + ClientOptions + " options)");
                _writer.Indent().Line(": this(httpClient, options, null)").Outdent();
                _writer.Line("{").Line("}");
                _writer.Line();
                _writer.Line("/// <summary>Creates a token client for this provider, with the clock that stamps token expiry.</summary>");
                _writer.Line("/// <param name=\"httpClient\">Sends the token requests; relative endpoints resolve against its <c>BaseAddress</c>.</param>");
                _writer.Line("/// <param name=\"options\">The client's registration with the provider.</param>");
                _writer.Line("/// <param name=\"timeProvider\">The clock; <see cref=\"" + TimeProvider + ".System\"/> when null.</param>");
                _writer.Line(GeneratedCode);
                _writer.Line("public " + name + "(" + HttpClient + " httpClient, " + ClientOptions + " options, " + TimeProvider + Nullable + " timeProvider)");
                _writer.Line("{").Indent();
                _writer.Line("_tokenEndpointClient = new " + TokenEndpointClient + "(httpClient, options, s_provider, timeProvider);");
                _writer.Close();
            }

            private void WriteOptionsProperty()
            {
                _writer.Line();
                _writer.Line("/// <summary>The options this client was created with: its id, endpoint override and scope (the secret is never printed).</summary>");
                _writer.Line(GeneratedCode);
                _writer.Line("public global::OAuthGen.OAuthClientOptions Options => _tokenEndpointClient.Options;");
            }

            private void WriteClientCredentials()
            {
                WriteRequest(
                    "Requests a token with the client credentials grant (RFC 6749 §4.4).",
                    new[] { ("scope", _spec.ScopeRequired ? "The scope to request; this provider requires one." : ScopeDoc) },
                    "The provider refused the request or answered with no token.",
                    TaskOfToken,
                    "RequestClientCredentialsTokenAsync",
                    new[] { ("string" + (_spec.ScopeRequired ? string.Empty : Nullable), "scope", _spec.ScopeRequired ? null : "null") },
                    "_tokenEndpointClient.RequestClientCredentialsTokenAsync(scope, parameters, " + CreateToken + ", cancellationToken)");
                WriteInterfaceHooks(
                    ClientCredentialsClientInterface,
                    "RequestClientCredentialsTokenAsync(string" + Nullable + " scope, " + CancellationToken + " cancellationToken)",
                    "_tokenEndpointClient.RequestClientCredentialsTokenAsync<" + Token + ">(scope, " + CreateToken + ", cancellationToken)");
            }

            private void WriteJwtBearer()
            {
                var scopeInAssertion = _spec.ScopeInAssertion ? "true" : "false";
                var scopeDoc = _spec.ScopeInAssertion ? "The scope, sent as the assertion's <c>scope</c> claim; the configured or declared default when null." : ScopeDoc;
                WriteRequest(
                    "Requests a token with the jwt-bearer grant (RFC 7523 §2.1), with an assertion signed with the options' signing key.",
                    new[] { ("scope", scopeDoc), ("subject", "The assertion's <c>sub</c>, such as a user to act for; the issuer (the client) when null.") },
                    "The provider refused the assertion or answered with no token.",
                    TaskOfToken,
                    "RequestJwtBearerTokenAsync",
                    new[] { ("string" + Nullable, "scope", "null"), ("string" + Nullable, "subject", (string?)"null") },
                    "_tokenEndpointClient.RequestJwtBearerTokenAsync(scope, subject, " + scopeInAssertion + ", parameters, " + CreateToken + ", cancellationToken)");
                WriteRequest(
                    "Requests a token with the jwt-bearer grant (RFC 7523 §2.1) and an assertion made elsewhere.",
                    new[] { ("assertion", "The signed JWT; never logged or shown in an exception."), ("scope", ScopeDoc) },
                    "The provider refused the assertion or answered with no token.",
                    TaskOfToken,
                    "RequestJwtBearerTokenWithAssertionAsync",
                    new[] { ("string", "assertion", (string?)null), ("string" + Nullable, "scope", "null") },
                    "_tokenEndpointClient.RequestJwtBearerTokenWithAssertionAsync(assertion, scope, parameters, " + CreateToken + ", cancellationToken)");
                if (!Has(OAuthGrant.ClientCredentials))
                {
                    WriteInterfaceHooks(
                        ClientCredentialsClientInterface,
                        "RequestClientCredentialsTokenAsync(string" + Nullable + " scope, " + CancellationToken + " cancellationToken)",
                        "_tokenEndpointClient.RequestJwtBearerTokenAsync<" + Token + ">(scope, null, " + scopeInAssertion + ", " + CreateToken + ", cancellationToken)");
                }
            }

            private void WritePassword() =>
                WriteRequest(
                    "Requests a token with the resource owner password credentials grant (RFC 6749 §4.3).",
                    new[] { ("username", "The resource owner's username."), ("password", "The resource owner's password; never logged or shown in an exception."), ("scope", ScopeDoc) },
                    "The provider refused the request or answered with no token.",
                    TaskOfToken,
                    "RequestPasswordTokenAsync",
                    new[] { ("string", "username", null), ("string", "password", null), ("string" + Nullable, "scope", "null") },
                    "_tokenEndpointClient.RequestPasswordTokenAsync(username, password, scope, parameters, " + CreateToken + ", cancellationToken)");

            private void WriteAuthorizationCode()
            {
                var redirectUri = ("redirectUri", "Where the provider sends the user back with the code.");
                var state = ("state", "The state to round-trip; a random one when null.");
                var leading = new[] { (Uri, "redirectUri", (string?)null), ("string" + Nullable, "scope", "null"), ("string" + Nullable, "state", "null") };
                WriteRequest(
                    "Creates the URL that sends the user to the provider to authorize this client (RFC 6749 §4.1.1)" + (_spec.UsePkce ? ", with a PKCE S256 challenge (RFC 7636)" : string.Empty) + ".",
                    new[] { redirectUri, ("scope", ScopeDoc), state },
                    null,
                    AuthorizationRequest,
                    "CreateAuthorizationRequest",
                    leading,
                    "_tokenEndpointClient.CreateAuthorizationRequest(redirectUri, scope, state, parameters)",
                    cancellable: false);
                WriteRequest(
                    "Creates the URL that sends the user to the provider to authorize this client, fetching the provider's metadata first when the authorization endpoint comes from it.",
                    new[] { redirectUri, ("scope", ScopeDoc), state },
                    null,
                    Task + "<" + AuthorizationRequest + ">",
                    "CreateAuthorizationRequestAsync",
                    leading,
                    "_tokenEndpointClient.CreateAuthorizationRequestAsync(redirectUri, scope, state, parameters, cancellationToken)",
                    cancellationDoc: ("cancellationToken", "Cancels fetching the metadata."));
                WriteRequest(
                    "Exchanges an authorization code for a token (RFC 6749 §4.1.3).",
                    new[]
                    {
                        ("code", "The code the provider sent to the redirect URI."),
                        ("redirectUri", "The redirect URI of the authorization request."),
                        ("codeVerifier", "The PKCE code verifier of the authorization request, if it had one."),
                    },
                    "The provider refused the code or answered with no token.",
                    TaskOfToken,
                    "ExchangeAuthorizationCodeAsync",
                    new[] { ("string", "code", (string?)null), (Uri, "redirectUri", null), ("string" + Nullable, "codeVerifier", "null") },
                    "_tokenEndpointClient.ExchangeAuthorizationCodeAsync(code, redirectUri, codeVerifier, parameters, " + CreateToken + ", cancellationToken)");
            }

            private void WriteDeviceCode()
            {
                WriteRequest(
                    "Starts the device authorization grant (RFC 8628 §3.1): show the user code and verification URI to the user, then poll.",
                    new[] { ("scope", ScopeDoc) },
                    "The provider refused the request.",
                    Task + "<" + DeviceAuthorization + ">",
                    "RequestDeviceAuthorizationAsync",
                    new[] { ("string" + Nullable, "scope", (string?)"null") },
                    "_tokenEndpointClient.RequestDeviceAuthorizationAsync(scope, parameters, cancellationToken)");
                WriteRequest(
                    "Polls for the token of a device authorization (RFC 8628 §3.4) until the user approves, denies, or the codes expire.",
                    new[] { ("authorization", "The answer of <c>RequestDeviceAuthorizationAsync</c>.") },
                    "The user denied the request, the codes expired, or the provider failed.",
                    TaskOfToken,
                    "PollDeviceTokenAsync",
                    new[] { (DeviceAuthorization, "authorization", (string?)null) },
                    "_tokenEndpointClient.PollDeviceTokenAsync(authorization, parameters, " + CreateToken + ", cancellationToken)",
                    cancellationDoc: ("cancellationToken", "Stops polling."));
            }

            private void WriteTokenExchange() =>
                WriteRequest(
                    "Exchanges a token for another (RFC 8693).",
                    new[] { ("request", "The subject token, its type, and what is wanted in exchange.") },
                    "The provider refused the exchange or answered with no token.",
                    TaskOfToken,
                    "ExchangeTokenAsync",
                    new[] { (TokenExchangeRequest, "request", (string?)null) },
                    "_tokenEndpointClient.ExchangeTokenAsync(request, parameters, " + CreateToken + ", cancellationToken)");

            private void WriteRevocation() =>
                WriteRequest(
                    "Revokes an access or refresh token (RFC 7009). An unknown or already revoked token is not an error.",
                    new[] { ("token", "The token to revoke."), TokenTypeHintDoc },
                    "The provider refused the request.",
                    Task,
                    "RevokeTokenAsync",
                    new[] { ("string", "token", (string?)null), ("string" + Nullable, "tokenTypeHint", "null") },
                    "_tokenEndpointClient.RevokeTokenAsync(token, tokenTypeHint, parameters, cancellationToken)");

            private void WriteIntrospection() =>
                WriteRequest(
                    "Asks the provider whether a token is active, and about it (RFC 7662).",
                    new[] { ("token", "The token to introspect."), TokenTypeHintDoc },
                    "The provider refused the request.",
                    Task + "<" + TokenIntrospection + ">",
                    "IntrospectTokenAsync",
                    new[] { ("string", "token", (string?)null), ("string" + Nullable, "tokenTypeHint", "null") },
                    "_tokenEndpointClient.IntrospectTokenAsync(token, tokenTypeHint, parameters, cancellationToken)");

            private void WriteRefreshToken()
            {
                WriteRequest(
                    "Gets a new token with a refresh token (RFC 6749 §6).",
                    new[] { ("refreshToken", "The refresh token."), ("scope", "A scope no wider than the original; the original when null.") },
                    "The provider refused the refresh token or answered with no token.",
                    TaskOfToken,
                    "RefreshTokenAsync",
                    new[] { ("string", "refreshToken", (string?)null), ("string" + Nullable, "scope", "null") },
                    "_tokenEndpointClient.RefreshTokenAsync(refreshToken, scope, parameters, " + CreateToken + ", cancellationToken)");
                WriteInterfaceHooks(
                    RefreshTokenClientInterface,
                    "RefreshTokenAsync(string refreshToken, string" + Nullable + " scope, " + CancellationToken + " cancellationToken)",
                    "_tokenEndpointClient.RefreshTokenAsync<" + Token + ">(refreshToken, scope, " + CreateToken + ", cancellationToken)");
            }

            /// <summary>
            /// A request method with the per-call <c>parameters</c> as its optional last-but-one parameter, and beside it
            /// the signature it had before them, every parameter required, so that calls written against that one (a
            /// positional <c>CancellationToken</c>) still bind to it.
            /// </summary>
            private void WriteRequest(
                string summary,
                (string Name, string Text)[] parameterDocs,
                string? exception,
                string returnType,
                string name,
                (string Type, string Name, string? Default)[] leading,
                string expression,
                bool cancellable = true,
                (string, string)? cancellationDoc = null)
            {
                var declarations = new List<string>();
                var required = new List<string>();
                var arguments = new List<string>();
                foreach (var (type, parameterName, defaultValue) in leading)
                {
                    declarations.Add(type + " " + parameterName + (defaultValue is null ? string.Empty : " = " + defaultValue));
                    required.Add(type + " " + parameterName);
                    arguments.Add(parameterName);
                }

                declarations.Add(ExtraParameters + Nullable + " parameters = null");
                arguments.Add("null");
                if (cancellable)
                {
                    declarations.Add(CancellationTokenParameter);
                    required.Add(CancellationToken + " cancellationToken");
                    arguments.Add("cancellationToken");
                }

                var docs = new List<(string, string)>(parameterDocs) { ParametersDoc };
                if (cancellable)
                {
                    docs.Add(cancellationDoc ?? CancellationDoc);
                }

                WritePublic(summary, docs.ToArray(), exception, "public " + returnType + " " + name + "(" + string.Join(", ", declarations) + ")", expression);
                _writer.Line();
                _writer.Line("/// <summary>" + summary + "</summary>");
                foreach (var (docName, text) in docs)
                {
                    if (docName != "parameters")
                    {
                        _writer.Line("/// <param name=\"" + docName + "\">" + text + "</param>");
                    }
                }

                _writer.Line(GeneratedCode);
                _writer.Line(EditorBrowsableNever);
                _writer.Line("public " + returnType + " " + name + "(" + string.Join(", ", required) + ")");
                _writer.Indent().Line("=> " + name + "(" + string.Join(", ", arguments) + ");").Outdent();
            }

            /// <summary>A documented public member whose body is one expression.</summary>
            private void WritePublic(string summary, (string Name, string Text)[] parameters, string? exception, string signature, string expression)
            {
                _writer.Line();
                _writer.Line("/// <summary>" + summary + "</summary>");
                foreach (var (name, text) in parameters)
                {
                    _writer.Line("/// <param name=\"" + name + "\">" + text + "</param>");
                }

                if (exception is not null)
                {
                    _writer.Line("/// <exception cref=\"" + OAuthException + "\">" + exception + "</exception>");
                }

                _writer.Line(GeneratedCode);
                _writer.Line(signature);
                _writer.Indent().Line("=> " + expression + ";").Outdent();
            }

            /// <summary>The explicit implementation of one of the runtime's client interfaces: Provider, Options and its method.</summary>
            private void WriteInterfaceHooks(string interfaceName, string methodSignature, string methodExpression)
            {
                WriteExplicit(ProviderInfo + " " + interfaceName + ".Provider => s_provider;");
                WriteExplicit(ClientOptions + " " + interfaceName + ".Options => _tokenEndpointClient.Options;");
                _writer.Line();
                _writer.Line(GeneratedCode);
                _writer.Line(Task + "<" + Token + "> " + interfaceName + "." + methodSignature);
                _writer.Indent().Line("=> " + methodExpression + ";").Outdent();
            }

            private void WriteExplicit(string line)
            {
                _writer.Line();
                _writer.Line(GeneratedCode);
                _writer.Line(line);
            }

            private string GrantsExpression()
            {
                var parts = new List<string>();
                var remaining = _spec.Grants;
                foreach (OAuthGrant grant in Enum.GetValues(typeof(OAuthGrant)))
                {
                    if (grant != OAuthGrant.None && (remaining & grant) == grant)
                    {
                        parts.Add(RuntimeNamespace + nameof(OAuthGrant) + "." + grant);
                        remaining &= ~grant;
                    }
                }

                if (remaining != 0 || parts.Count == 0)
                {
                    parts.Add(Cast(remaining));
                }

                return string.Join(" | ", parts);
            }

            /// <summary>The runtime's member for <paramref name="value"/> (the linked enum has the same names), or a cast for an undefined value.</summary>
            private static string EnumMember<TEnum>(TEnum value)
                where TEnum : struct, Enum =>
                Enum.IsDefined(typeof(TEnum), value) ? RuntimeNamespace + typeof(TEnum).Name + "." + value : Cast(value);

            // Parenthesized: "(T)-64" would parse as a subtraction (CS0075).
            private static string Cast<TEnum>(TEnum value)
                where TEnum : struct, Enum =>
                "(" + RuntimeNamespace + typeof(TEnum).Name + ")(" + Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + ")";

            private static void AddUnlessDefault<T>(List<string> arguments, string name, T value, T defaultValue, string expression)
            {
                if (!EqualityComparer<T>.Default.Equals(value, defaultValue))
                {
                    arguments.Add(name + ": " + expression);
                }
            }

            private static void AddOptional(List<string> arguments, string name, string? value)
            {
                if (value is not null)
                {
                    arguments.Add(name + ": " + Literal(value));
                }
            }

            private static string PairsExpression(EquatableArray<NameValueSpec> pairs)
            {
                const string Pair = KeyValuePair + "<string, string>";
                var items = new List<string>();
                foreach (var pair in pairs)
                {
                    items.Add("new " + Pair + "(" + Literal(pair.Name) + ", " + Literal(pair.Value) + ")");
                }

                return "new " + Pair + "[] { " + string.Join(", ", items) + " }";
            }

            private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
        }
    }
}
