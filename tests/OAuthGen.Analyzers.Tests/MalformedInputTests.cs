using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using OAuthGen.Analyzers.Tests.Infrastructure;
using OAuthGen.Testing;
using OAuthGen.Generator.Diagnostics;
using Xunit;

namespace OAuthGen.Analyzers.Tests
{
    /// <summary>
    /// Half-written code, as the IDE sees it while the user types: no analyzer may throw (AD0001) on any of it.
    /// <see cref="AnalyzerVerifier.AnalyzeAsync"/> fails on an analyzer exception.
    /// </summary>
    public class MalformedInputTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using OAuthGen;

            """;

        public static IEnumerable<object[]> Inputs() => new[]
        {
            // [OAuthProvider] itself
            new object[] { "attribute without arguments", "[OAuthProvider] public partial class P { }" },
            new object[] { "unclosed argument list", "[OAuthProvider( public partial class P { }" },
            new object[] { "empty argument list", "[OAuthProvider()] public partial class P { }" },
            new object[] { "null endpoint", "[OAuthProvider(null)] public partial class P { }" },
            new object[] { "number as endpoint", "[OAuthProvider(42)] public partial class P { }" },
            new object[] { "two endpoints", "[OAuthProvider(\"a\", \"b\")] public partial class P { }" },
            new object[] { "endpoint named twice", "[OAuthProvider(tokenEndpoint: \"a\", tokenEndpoint: \"b\")] public partial class P { }" },
            new object[] { "wrong parameter name", "[OAuthProvider(endpoint: \"https://a/token\")] public partial class P { }" },
            new object[] { "missing value", "[OAuthProvider(\"https://a/token\", Grants = )] public partial class P { }" },
            new object[] { "unknown property", "[OAuthProvider(\"https://a/token\", Grant = OAuthGrant.Password)] public partial class P { }" },
            new object[] { "unknown enum member", "[OAuthProvider(\"https://a/token\", Grants = OAuthGrant.Implicit)] public partial class P { }" },
            new object[] { "out-of-range grants", "[OAuthProvider(\"https://a/token\", Grants = (OAuthGrant)(-64))] public partial class P { }" },
            new object[] { "out-of-range client auth", "[OAuthProvider(\"https://a/token\", ClientAuth = (ClientAuthMethod)42)] public partial class P { }" },
            new object[] { "out-of-range body", "[OAuthProvider(\"https://a/token\", Body = (BodyEncoding)7)] public partial class P { }" },
            new object[] { "string as enum", "[OAuthProvider(\"https://a/token\", Grants = \"Password\")] public partial class P { }" },
            new object[] { "property set twice", "[OAuthProvider(\"https://a/token\", Grants = OAuthGrant.Password, Grants = OAuthGrant.DeviceCode)] public partial class P { }" },
            new object[] { "non-constant scope", "[OAuthProvider(\"https://a/token\", Scope = Environment.NewLine)] public partial class P { }" },
            new object[] { "number as scope", "[OAuthProvider(\"https://a/token\", Scope = 5)] public partial class P { }" },
            new object[] { "null scope", "[OAuthProvider(\"https://a/token\", Scope = null)] public partial class P { }" },
            new object[] { "UsePkce not a bool", "[OAuthProvider(\"https://a/token\", Grants = OAuthGrant.AuthorizationCode, UsePkce = \"no\")] public partial class P { }" },
            new object[] { "empty typeof", "[OAuthProvider(\"https://a/token\", TokenType = typeof())] public partial class P { }" },
            new object[] { "typeof an unknown type", "[OAuthProvider(\"https://a/token\", TokenType = typeof(Missing))] public partial class P { }" },
            new object[] { "typeof void", "[OAuthProvider(\"https://a/token\", TokenType = typeof(void))] public partial class P { }" },
            new object[] { "typeof an array", "[OAuthProvider(\"https://a/token\", TokenType = typeof(OAuthToken[]))] public partial class P { }" },
            new object[] { "TokenType not a type", "[OAuthProvider(\"https://a/token\", TokenType = \"OAuthToken\")] public partial class P { }" },
            new object[] { "TokenType of a type parameter", "public partial class O<T> { [OAuthProvider(\"https://a/token\", TokenType = typeof(T))] public partial class P { } }" },
            new object[] { "self-referencing token type", "[OAuthProvider(\"https://a/token\", TokenType = typeof(P))] public partial class P : OAuthToken { }" },
            new object[] { "two provider attributes", "[OAuthProvider(\"https://a/token\")][OAuthProvider(\"https://b/token\")] public partial class P { }" },
            new object[] { "on a struct", "[OAuthProvider(\"https://a/token\")] public partial struct P { }" },
            new object[] { "on an interface", "[OAuthProvider(\"https://a/token\")] public partial interface P { }" },
            new object[] { "on an enum", "[OAuthProvider(\"https://a/token\")] public enum P { A }" },
            new object[] { "on a method", "public partial class P { [OAuthProvider(\"https://a/token\")] public void M() { } }" },
            new object[] { "class without a name", "[OAuthProvider(\"https://a/token\")] public partial class { }" },
            new object[] { "class without a body", "[OAuthProvider(\"https://a/token\")] public partial class P" },
            new object[] { "attribute without a class", "[OAuthProvider(\"https://a/token\")]" },
            new object[] { "nested in a method", "public class C { void M() { [OAuthProvider(\"https://a/token\")] class P { } } }" },
            new object[] { "static generic record with a primary constructor", "[OAuthProvider(\"http://a/token#x\")] public static record P<T>(int X);" },
            new object[] { "partial parts that disagree", "[OAuthProvider(\"https://a/token\")] public partial class P { } public class P { }" },
            new object[] { "file and static and generic", "[OAuthProvider(\"\")] file static class P<T> { }" },

            // [OAuthHeader], [OAuthParameter]
            new object[] { "header without arguments", "[OAuthProvider(\"https://a/token\")][OAuthHeader] public partial class P { }" },
            new object[] { "header with one argument", "[OAuthProvider(\"https://a/token\")][OAuthHeader(\"Authorization\")] public partial class P { }" },
            new object[] { "header with nulls", "[OAuthProvider(\"https://a/token\")][OAuthHeader(null, null)] public partial class P { }" },
            new object[] { "header with named arguments swapped", "[OAuthProvider(\"https://a/token\", ClientAuth = ClientAuthMethod.ClientSecretPost)][OAuthHeader(value: \"x\", name: \"Authorization\")] public partial class P { }" },
            new object[] { "header value with an unknown placeholder", "[OAuthProvider(\"https://a/token\")][OAuthHeader(\"Client-ID\", \"{clientId}\")] public partial class P { }" },
            new object[] { "header value with an unclosed brace", "[OAuthProvider(\"https://a/token\")][OAuthHeader(\"X\", \"{\")] public partial class P { }" },
            new object[] { "header value with a stray closing brace beside client_id", "[OAuthProvider(\"https://a/token\")][OAuthHeader(\"X\", \"{client_id}}\")] public partial class P { }" },
            new object[] { "refresh token endpoint null", "[OAuthProvider(\"https://a/token\", Grants = OAuthGrant.RefreshToken, RefreshTokenEndpoint = null)] public partial class P { }" },
            new object[] { "refresh token endpoint a number", "[OAuthProvider(\"https://a/token\", Grants = OAuthGrant.RefreshToken, RefreshTokenEndpoint = 5)] public partial class P { }" },
            new object[] { "refresh token endpoint malformed, token endpoint relative", "[OAuthProvider(\"token\", Grants = OAuthGrant.RefreshToken, RefreshTokenEndpoint = \"https://{a/refresh\")] public partial class P { }" },
            new object[] { "parameter with one argument", "[OAuthProvider(\"https://a/token\")][OAuthParameter(\"client_secret\")] public partial class P { }" },
            new object[] { "parameter with a number", "[OAuthProvider(\"https://a/token\")][OAuthParameter(\"client_secret\", 42)] public partial class P { }" },
            new object[] { "parameter without a provider", "[OAuthParameter(\"client_secret\", \"x\")] public partial class P { }" },
            new object[] { "parameter, unclosed", "[OAuthProvider(\"https://a/token\")][OAuthParameter(\"grant_type\", public partial class P { }" },

            // [OAuthField]
            new object[] { "field without a name", "public class T : OAuthToken { [OAuthField] public string? A { get; set; } }" },
            new object[] { "field with a null name", "public class T : OAuthToken { [OAuthField(null)] public string? A { get; set; } }" },
            new object[] { "field of an unknown type", "public class T : OAuthToken { [OAuthField(\"a\")] public Missing? A { get; set; } }" },
            new object[] { "field on an indexer", "public class T : OAuthToken { [OAuthField(\"a\")] public string this[int i] { get => \"\"; set { } } }" },
            new object[] { "field without accessors", "public class T : OAuthToken { [OAuthField(\"a\")] public string A }" },
            new object[] { "field on a token that derives from a missing type", "public class T : Missing { [OAuthField(\"a\")] public string? A { get; set; } }" },
            new object[] { "field on a cyclic hierarchy", "public class T : U { [OAuthField(\"a\")] public string? A { get; set; } } public class U : T { [OAuthField(\"a\")] public string? B { get; set; } }" },

            // Code: options, generated clients, hand-written requests
            new object[] { "secret without a value", "public static class S { static void M(OAuthClientOptions o) { o.ClientSecret = ; } }" },
            new object[] { "initializer, unfinished", "public static class S { static object M() => new OAuthClientOptions { ClientSecret = \"x\", Scope = } }" },
            new object[] { "scope as a number", "public static class S { static void M(OAuthClientOptions o) { o.Scope = 5; } }" },
            new object[] { "client method of a missing type", "public static class S { static void M(Missing c) { c.RequestClientCredentialsTokenAsync(\"a,b\"); } }" },
            new object[] { "client method with too many arguments", "[OAuthProvider(\"https://a/token\")] public partial class P { } public static class S { static void M(P p) { p.RequestClientCredentialsTokenAsync(\"a,b\", default, 1, 2); } }" },
            new object[] { "dictionary, unfinished", "public static class S { static void M(HttpClient h, string s) { var d = new Dictionary<string, string> { [\"client_secret\"] = }; h.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", s); } }" },
            new object[] { "header, unfinished", "public static class S { static void M(HttpClient h, string s) { var d = new Dictionary<string, string> { [\"client_secret\"] = s }; h.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue( } }" },
            new object[] { "headers.Add without arguments", "public static class S { static void M(HttpRequestMessage r) { r.Headers.Add(); var x = (\"client_secret\"); } }" },
            new object[] { "anonymous object, unfinished", "public static class S { static object M(string s) => new { client_secret = , x = new AuthenticationHeaderValue(\"Basic\") }; }" },
            new object[] { "interpolated query, unfinished", "public static class S { static string M(string s) => $\"a=b&client_secret={ + new AuthenticationHeaderValue(\"Basic\", s); }" },
            new object[] { "top-level statements", "var h = new HttpClient(); h.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Basic\", \"x\"); var b = new Dictionary<string, string> { [\"client_secret\"] = \"s\" };" },
            new object[] { "field initializer", "public class S { Dictionary<string, string> b = new() { [\"client_secret\"] = \"s\" }; AuthenticationHeaderValue h = new(\"Basic\", \"x\"); }" },
        };

        [Theory]
        [MemberData(nameof(Inputs))]
        public async Task No_analyzer_throws(string what, string code)
        {
            Assert.NotEmpty(what);
            await AnalyzerVerifier.AnalyzeAsync(Usings + code);
        }

        [Theory]
        [MemberData(nameof(Inputs))]
        public void The_generator_skips_a_class_exactly_when_an_error_says_why(string what, string code)
        {
            Assert.NotEmpty(what);
            var violations = SkipInvariant.Violations(Compilations.Create(Usings + code));
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }

        [Fact]
        public async Task The_harness_fails_on_an_analyzer_exception()
        {
            // Proves the table above is not vacuous: an analyzer that throws is caught, not swallowed.
            await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() =>
                AnalyzerVerifier.AnalyzeAsync(ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()), "public class C { }"));
        }

#pragma warning disable RS1001 // A test double that no compiler loads: it needs no [DiagnosticAnalyzer].
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(OAuthGen.Generator.Diagnostics.DiagnosticDescriptors.JsonBody);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
            }
        }
    }
}
