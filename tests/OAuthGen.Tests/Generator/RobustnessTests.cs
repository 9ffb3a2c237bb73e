using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OAuthGen.Testing;
using OAuthGen.Tests.Infrastructure;
using Xunit;
using static OAuthGen.Tests.Generator.GeneratorTestKit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>
    /// Half-written and wrong declarations, as the generator sees them while the user types: it must never crash
    /// (CS8785 would fail the build) and never make the user's errors worse with broken generated code. What it
    /// cannot generate it skips, and then, for a class, an OAuthGen Error says why (and only then).
    /// </summary>
    public sealed class RobustnessTests
    {
        private const string Usings = "using System;\nusing System.Collections.Generic;\nusing OAuthGen;\n";
        private const string Endpoint = "\"https://id.example/token\"";
        private const string ProviderName = "Acme.A";

        private static readonly Dictionary<string, Row> Rows = new[]
        {
            // The attribute itself, half-written or wrong.
            new Row("attribute without arguments", Outcome.Skipped, "namespace Acme { [OAuthProvider] public partial class A { } }"),
            new Row("unclosed argument list", Outcome.Skipped, "namespace Acme { [OAuthProvider(] public partial class A { } }"),
            new Row("null endpoint", Outcome.Skipped, "namespace Acme { [OAuthProvider(null)] public partial class A { } }"),
            new Row("number as endpoint", Outcome.Skipped, "namespace Acme { [OAuthProvider(42)] public partial class A { } }"),
            new Row("unclosed endpoint string", Outcome.Skipped, "namespace Acme { [OAuthProvider(\"https://id.example/token)] public partial class A { } }"),
            new Row("named argument without a value", Outcome.Generated, Provider("Grants = ")),
            new Row("unknown named argument", Outcome.Generated, Provider("Audience = \"api\"")),
            new Row("named argument given twice", Outcome.Generated, Provider("Grants = OAuthGrant.Password, Grants = OAuthGrant.RefreshToken")),
            new Row("undefined grant bits", Outcome.Generated, Provider("Grants = (OAuthGrant)999")),
            new Row("negative grants", Outcome.Generated, Provider("Grants = (OAuthGrant)(-1)")),
            new Row("undefined client auth method", Outcome.Generated, Provider("ClientAuth = (ClientAuthMethod)77")),
            new Row("negative body and basic encodings", Outcome.Generated, Provider("Body = (BodyEncoding)(-3), BasicEncoding = (BasicAuthEncoding)9")),
            new Row("endpoint with quotes, backslashes, controls and a lone surrogate", Outcome.Generated, "namespace Acme { [OAuthProvider(\"a\\\"b\\\\c\\n\\t\\0\\uD800\")] public partial class A { } }"),
            new Row("endpoint from a constant", Outcome.Generated, "namespace Acme { static class Endpoints { public const string Token = \"https://\" + \"id.example/token\"; } [OAuthProvider(Endpoints.Token)] public partial class A { } }"),
            new Row("attribute through an alias", Outcome.Generated, "namespace Acme { using Declare = OAuthGen.OAuthProviderAttribute; [Declare(" + Endpoint + ")] public partial class A { } }"),
            new Row("[OAuthHeader(null, null)] and [OAuthParameter(null, null)]", Outcome.Generated, "namespace Acme { [OAuthProvider(" + Endpoint + ")] [OAuthHeader(null, null)] [OAuthParameter(null, null)] public partial class A { } }"),
            new Row("two [OAuthProvider] on one class", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] [OAuthProvider(\"https://other.example/token\")] public partial class A { } }"),
            new Row(
                "[OAuthProvider] on both parts of a class split across two files",
                Outcome.Skipped,
                "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial class A { } }",
                SecondFile: "namespace Acme { [OAuthProvider(\"https://other.example/token\")] public partial class A { } }"),
            new Row("attribute on the assembly", Outcome.Skipped, "[assembly: OAuthProvider(" + Endpoint + ")]\nnamespace Acme { public partial class A { } }"),

            // Token types the client cannot create: OAUTH018, nothing generated. One the compiler cannot bind is the
            // compiler's to report; the client then returns OAuthToken.
            new Row("TokenType of a missing type", Outcome.Generated, Provider("TokenType = typeof(Missing)"), ReturnsToken: "OAuthToken"),
            new Row("TokenType = typeof(int)", Outcome.Skipped, Provider("TokenType = typeof(int)")),
            new Row("TokenType = typeof(string)", Outcome.Skipped, Provider("TokenType = typeof(string)")),
            new Row("TokenType = null", Outcome.Generated, Provider("TokenType = null"), ReturnsToken: "OAuthToken"),
            new Row("abstract token type", Outcome.Skipped, Provider("TokenType = typeof(Tok)", "public abstract class Tok : OAuthToken { }")),
            new Row("token type with a private constructor", Outcome.Skipped, Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { private Tok() { } }")),
            new Row("token type with only a constructor with parameters", Outcome.Skipped, Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { public Tok(int x) { } }")),
            new Row("array token type", Outcome.Skipped, Provider("TokenType = typeof(Tok[])", "public class Tok : OAuthToken { }")),
            new Row("open generic token type", Outcome.Skipped, Provider("TokenType = typeof(Tok<>)", "public class Tok<T> : OAuthToken { }")),
            new Row(
                "token type from another assembly with an internal [OAuthField] setter",
                Outcome.Skipped,
                Provider("TokenType = typeof(Lib.Tok)"),
                Library: "namespace Lib { public class Tok : OAuthGen.OAuthToken { [OAuthGen.OAuthField(\"org\")] public string? Org { get; internal set; } } }"),
            new Row(
                "token type from another assembly with public [OAuthField] setters",
                Outcome.Generated,
                Provider("TokenType = typeof(Lib.Tok)"),
                Library: "namespace Lib { public class Tok : OAuthGen.OAuthToken { [OAuthGen.OAuthField(\"org\")] public string? Org { get; set; } } }",
                ReturnsToken: "Tok"),
            new Row("inaccessible token type", Outcome.Generated, Provider("TokenType = typeof(Other.Hidden)", "public class Other { private class Hidden : OAuthToken { } }"), ReturnsToken: "OAuthToken"),
            new Row(
                "token type with a required member no [OAuthField] sets",
                Outcome.Skipped,
                Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { public required string Tenant { get; set; } [OAuthField(\"n\")] public int N { get; set; } }")),

            // Token types it can create, with [OAuthField] properties it must leave alone.
            new Row("[OAuthField(null)]", Outcome.Generated, Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { [OAuthField(null)] public string? X { get; set; } }"), ReturnsToken: "Tok"),
            new Row("[OAuthField] without arguments", Outcome.Generated, Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { [OAuthField] public string? X { get; set; } }"), ReturnsToken: "Tok"),
            new Row(
                "[OAuthField] on unsupported types",
                Outcome.Generated,
                Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { [OAuthField(\"d\")] public Dictionary<string, string>? D { get; set; } [OAuthField(\"g\")] public Guid G { get; set; } [OAuthField(\"o\")] public object? O { get; set; } }"),
                ReturnsToken: "Tok"),
            new Row(
                "[OAuthField] on properties it cannot set",
                Outcome.Generated,
                Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { [OAuthField(\"a\")] public string A { get; private set; } = \"\"; [OAuthField(\"b\")] public string B => \"\"; [OAuthField(\"c\")] public static string? C { get; set; } }"),
                ReturnsToken: "Tok"),
            new Row(
                "token type whose constructor sets its required members",
                Outcome.Generated,
                Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public Tok() { Tenant = \"\"; } public required string Tenant { get; set; } }"),
                ReturnsToken: "Tok"),
            new Row(
                "token type whose required members are all [OAuthField]",
                Outcome.Generated,
                Provider("TokenType = typeof(Tok)", "public class Tok : OAuthToken { [OAuthField(\"tenant\")] public required string Tenant { get; init; } }"),
                ReturnsToken: "Tok"),

            // Classes the generated part cannot sit beside.
            new Row("non-partial class", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public class A { } }"),
            new Row("static partial class", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public static partial class A { } }"),
            new Row("generic partial class", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial class A<T> { } }"),
            new Row("partial record", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial record A; }"),
            new Row("partial struct", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial struct A { } }"),
            new Row("partial interface", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial interface A { } }"),
            new Row("class with a primary constructor", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial class A(int port) { public int Port => port; } }"),
            new Row(
                "primary constructor on another part",
                Outcome.Skipped,
                "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial class A { } }",
                SecondFile: "namespace Acme { public partial class A(int port) { public int Port => port; } }"),
            new Row("class nested in a non-partial class", Outcome.Skipped, "namespace Acme { public class Outer { [OAuthProvider(" + Endpoint + ")] public partial class A { } } }"),
            new Row("file-local class", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] file partial class A { } }"),
            new Row("class without a body", Outcome.Generated, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial class A }"),
            new Row(
                "classes nested in a partial record, a readonly struct and a ref struct",
                Outcome.Generated,
                "namespace Acme { public partial record R { [OAuthProvider(" + Endpoint + ")] public partial class A { } } "
                + "public readonly partial struct S { [OAuthProvider(" + Endpoint + ")] public partial class A { } } "
                + "public ref partial struct F { [OAuthProvider(" + Endpoint + ")] public partial class A { } } }",
                ExpectedSources: 3),
            new Row("keyword namespace and class names", Outcome.Generated, "namespace @event.@class { [OAuthProvider(" + Endpoint + ")] public partial class @event { } }"),

            // The user's code and the generated code legitimately conflict: the compiler says so.
            new Row("user-declared Provider member", Outcome.Generated, Provider(null, "partial class A { public static string Provider => \"mine\"; }"), Conflicts: new[] { "CS0102" }),
            new Row(
                "user-declared constructor with the generated signature",
                Outcome.Generated,
                Provider(null, "partial class A { public A(System.Net.Http.HttpClient httpClient, OAuthClientOptions options) { } }"),
                Conflicts: new[] { "CS0111", "CS8618" }), // the user's constructor also leaves the generated field unset
            new Row("class named Provider", Outcome.Skipped, "namespace Acme { [OAuthProvider(" + Endpoint + ")] public partial class Provider { } }"),
        }.ToDictionary(row => row.Name);

        private enum Outcome
        {
            /// <summary>The generator writes the client.</summary>
            Generated,

            /// <summary>The generator writes nothing (and, for a class, an OAuthGen Error says why).</summary>
            Skipped,
        }

        public static TheoryData<string> RowNames => new TheoryData<string>(Rows.Keys);

        [Theory]
        [MemberData(nameof(RowNames))]
        public void Generator_skips_a_class_exactly_when_an_error_says_why(string rowName)
        {
            var row = Rows[rowName];

            var violations = SkipInvariant.Violations(Compile(row));

            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }

        [Theory]
        [MemberData(nameof(RowNames))]
        public void Generator_neither_crashes_nor_breaks_the_build(string rowName)
        {
            var row = Rows[rowName];

            var result = Run(row);

            AssertRanWithoutCrashing(result);
            var newProblems = result.NewProblems();
            if (row.Conflicts is null)
            {
                Assert.True(newProblems.Count == 0, "The generated code added problems:\n" + Describe(newProblems));
            }
            else
            {
                Assert.Equal(row.Conflicts.OrderBy(id => id), newProblems.Select(problem => problem.Id).Distinct().OrderBy(id => id));
            }
        }

        [Theory]
        [MemberData(nameof(RowNames))]
        public void Generator_generates_or_skips_as_documented(string rowName)
        {
            var row = Rows[rowName];

            var result = Run(row);

            Assert.Equal(row.Outcome == Outcome.Generated ? row.ExpectedSources : 0, result.Sources.Count);

            if (row.ReturnsToken is { } tokenName)
            {
                var method = Assert.Single(GeneratedType(result, ProviderName).GetMembers("RequestClientCredentialsTokenAsync"), member => ((IMethodSymbol)member).Parameters.Length == 3);
                Assert.Equal($"Task<{tokenName}>", Signature(((IMethodSymbol)method).ReturnType));
            }
        }

        private static GeneratorResult Run(Row row) => GeneratorHarness.Run(Compile(row));

        private static CSharpCompilation Compile(Row row)
        {
            var compilation = row.SecondFile is null
                ? GeneratorHarness.Compile(Usings + row.Code)
                : GeneratorHarness.Compile(Usings + row.Code, LanguageVersion.Latest, Usings + row.SecondFile);
            return row.Library is null ? compilation : compilation.AddReferences(TestCompilations.Library("Lib", row.Library));
        }

        /// <summary>A provider <c>Acme.A</c> with the given named arguments, and more declarations in its namespace.</summary>
        private static string Provider(string? namedArguments, string? moreDeclarations = null) =>
            "namespace Acme\n{\n    [OAuthProvider(" + Endpoint + (namedArguments is null ? string.Empty : ", " + namedArguments) + ")]\n"
            + "    public partial class A { }\n    " + moreDeclarations + "\n}\n";

        private sealed record Row(
            string Name,
            Outcome Outcome,
            string Code,
            string? SecondFile = null,
            string? Library = null,
            string? ReturnsToken = null,
            string[]? Conflicts = null,
            int ExpectedSources = 1);
    }
}
