using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OAuthGen.Generator;
using OAuthGen.Testing;
using OAuthGen.Tests.Infrastructure;
using Xunit;
using static OAuthGen.Tests.Generator.GeneratorTestKit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>
    /// The generated file of each seed provider and each grant, compared byte for byte with the baseline committed in
    /// Generator/Baselines (as dotnet/runtime's generator tests keep theirs), so that a review shows what a change does
    /// to users' code. <c>OAUTHGEN_UPDATE_BASELINES=1 dotnet test tests/OAuthGen.Tests --filter BaselineTests</c> rewrites them.
    /// </summary>
    public sealed class BaselineTests
    {
        private const string UpdateSwitch = "OAUTHGEN_UPDATE_BASELINES";
        private const string Endpoints = "AuthorizationEndpoint = \"https://id.example/authorize\", DeviceAuthorizationEndpoint = \"https://id.example/device\"";

        private static readonly string[] Seeds = { "AferoAuth", "ConfigApiAuth", "BarApiAuth", "ConnectedHomeAuth", "PoderoAuth" };

        private static readonly Dictionary<string, (string Source, LanguageVersion LanguageVersion)> Declarations = new()
        {
            ["Grant.None"] = (Example("Grants = OAuthGrant.None"), LanguageVersion.Latest),
            ["Grant.ClientCredentials"] = (Example("Grants = OAuthGrant.ClientCredentials"), LanguageVersion.Latest),
            ["Grant.Password"] = (Example("Grants = OAuthGrant.Password"), LanguageVersion.Latest),
            ["Grant.AuthorizationCode"] = (Example("Grants = OAuthGrant.AuthorizationCode, " + Endpoints), LanguageVersion.Latest),
            ["Grant.RefreshToken"] = (Example("Grants = OAuthGrant.RefreshToken"), LanguageVersion.Latest),
            ["Grant.DeviceCode"] = (Example("Grants = OAuthGrant.DeviceCode, " + Endpoints), LanguageVersion.Latest),
            ["Grant.TokenExchange"] = (Example("Grants = OAuthGrant.TokenExchange"), LanguageVersion.Latest),
            ["Grant.JwtBearer"] = (Example("Grants = OAuthGrant.JwtBearer"), LanguageVersion.Latest),
            // A Google service account: jwt-bearer as the machine grant, no client authentication, the scope in the assertion.
            ["GoogleServiceAccount"] = (Example("Grants = OAuthGrant.JwtBearer, ClientAuth = ClientAuthMethod.None, ScopeInAssertion = true"), LanguageVersion.Latest),
            ["GoogleServiceAccount.CSharp7_3"] = (Example("Grants = OAuthGrant.JwtBearer, ClientAuth = ClientAuthMethod.None, ScopeInAssertion = true"), LanguageVersion.CSharp7_3),
            ["Grant.All"] = (
                Example("Grants = OAuthGrant.ClientCredentials | OAuthGrant.Password | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken | OAuthGrant.DeviceCode | OAuthGrant.TokenExchange | OAuthGrant.JwtBearer, "
                    + Endpoints + ", RevocationEndpoint = \"https://id.example/revoke\", IntrospectionEndpoint = \"https://id.example/introspect\""),
                LanguageVersion.Latest),
            ["MetadataOnly"] = (
                "using OAuthGen;\nnamespace Acme\n{\n    [OAuthProvider(MetadataAddress = \"https://id.example/.well-known/openid-configuration\", Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode)]\n    public partial class Example { }\n}\n",
                LanguageVersion.Latest),
            ["CSharp7_3"] = (Example("Grants = OAuthGrant.ClientCredentials | OAuthGrant.RefreshToken"), LanguageVersion.CSharp7_3),
            ["QueryLocation"] = (
                "using OAuthGen;\nnamespace Acme\n{\n    [OAuthProvider(\"https://cloud.example/v1/oauth/token\", Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost, "
                    + "AuthorizationEndpoint = \"https://cloud.example/v1/oauth/authorize\", Parameters = ParameterLocation.Query)]\n    public partial class Example { }\n}\n",
                LanguageVersion.Latest),
            ["Renames.CSharp7_3"] = (
                "using OAuthGen;\nnamespace Acme\n{\n    [OAuthProvider(\"https://api.weixin.example/sns/oauth2/access_token\", Grants = OAuthGrant.AuthorizationCode, ClientAuth = ClientAuthMethod.ClientSecretPost, "
                    + "AuthorizationEndpoint = \"https://open.weixin.example/connect/qrconnect\", Method = TokenRequestMethod.Get, UsePkce = false)]\n"
                    + "    [OAuthParameterName(\"client_id\", \"appid\")]\n    [OAuthParameterName(\"client_secret\", \"secret\")]\n    [OAuthParameterName(\"redirect_uri\", null)]\n    public partial class Example { }\n}\n",
                LanguageVersion.CSharp7_3),
            ["ResponseRemapped"] = (
                Example("ClientAuth = ClientAuthMethod.ClientSecretPost, ResponseRoot = \"data.token\", ExpiresInField = \"expires\", ExpiresAtField = \"expires_at\", "
                    + "ErrorField = \"errcode\", ErrorDescriptionField = \"errmsg\", ScopeSeparator = \",\""),
                LanguageVersion.CSharp7_3),
            // Trovo's shape, and what only a declaration like it writes: headers, parameters, a refresh endpoint, a secret
            // typed field, a required scope, PKCE off, a parameter left out, and typed fields of every nullability, two of them
            // reading one field (OAUTH020 warns of it; the client fills both).
            ["Everything"] = (
                "using System;\nusing OAuthGen;\nnamespace Acme\n{\n"
                    + "    [OAuthProvider(\"https://api.stream.example/openplatform/exchangetoken\", Grants = OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, ClientAuth = ClientAuthMethod.ClientSecretPost, "
                    + "Body = BodyEncoding.Json, AuthorizationEndpoint = \"https://stream.example/page/login.html\", RefreshTokenEndpoint = \"https://api.stream.example/openplatform/refreshtoken\", "
                    + "ScopeRequired = true, UsePkce = false, TokenType = typeof(StreamToken))]\n"
                    + "    [OAuthHeader(\"Client-ID\", \"{client_id}\")]\n    [OAuthParameter(\"audience\", \"stream-api\")]\n    [OAuthParameterName(\"client_id\", null)]\n"
                    + "    public partial class Example { }\n\n"
                    + "    public class StreamToken : OAuthToken\n    {\n"
                    + "        [OAuthField(\"channel_secret\", Secret = true)] public string? ChannelSecret { get; set; }\n"
                    + "        [OAuthField(\"user_name\")] public string UserName { get; set; } = \"\";\n"
                    + "        [OAuthField(\"user_id\")] public long UserId { get; set; }\n"
                    + "        [OAuthField(\"level\")] public int? Level { get; set; }\n"
                    + "        [OAuthField(\"channel_secret\", Secret = true)] public string? SameSecretAgain { get; set; }\n"
                    + "    }\n}\n",
                LanguageVersion.Latest),
        };

        public static TheoryData<string> Names => new(Seeds.Concat(Declarations.Keys));

        [Theory]
        [MemberData(nameof(Names))]
        public void Generated_code_matches_its_baseline(string name)
        {
            var generated = Generate(name);
            var path = Repository.PathOf("tests", "OAuthGen.Tests", "Generator", "Baselines", name + ".g.cs.txt");

            if (Environment.GetEnvironmentVariable(UpdateSwitch) == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, generated);
                return;
            }

            Assert.True(File.Exists(path), path + " is missing; create it with " + UpdateSwitch + "=1");
            var expected = File.ReadAllText(path);
            if (expected != generated)
            {
                Assert.Fail("The generated code of '" + name + "' differs from " + path + " (run with " + UpdateSwitch + "=1 to accept it):\n" + FirstDifference(expected, generated));
            }
        }

        [Theory]
        [MemberData(nameof(DeclarationNames))]
        public async Task The_testing_harness_sees_the_baseline_as_the_generated_source(string name)
        {
            // The same comparison on Microsoft.CodeAnalysis.Testing, which also compiles the result and checks the
            // generator's diagnostics (none).
            var (source, languageVersion) = Declarations[name];
            var baseline = File.ReadAllText(Repository.PathOf("tests", "OAuthGen.Tests", "Generator", "Baselines", name + ".g.cs.txt"));
            var test = new OAuthGenGeneratorTest(languageVersion);
            test.TestState.Sources.Add(source);
            test.TestState.GeneratedSources.Add((typeof(OAuthProviderGenerator), "Acme.Example.OAuthProvider.g.cs", SourceText.From(baseline, Encoding.UTF8)));

            await test.RunAsync();
        }

        public static TheoryData<string> DeclarationNames => new(Declarations.Keys);

        [Fact]
        public void Every_baseline_belongs_to_a_case()
        {
            var directory = Repository.PathOf("tests", "OAuthGen.Tests", "Generator", "Baselines");
            var files = Directory.GetFiles(directory, "*.g.cs.txt").Select(path => Path.GetFileName(path)[..^".g.cs.txt".Length]).OrderBy(n => n, StringComparer.Ordinal);

            Assert.Equal(Seeds.Concat(Declarations.Keys).OrderBy(n => n, StringComparer.Ordinal), files);
        }

        private static string Generate(string name)
        {
            if (Declarations.TryGetValue(name, out var declaration))
            {
                var result = GeneratorHarness.Run(declaration.Source, declaration.LanguageVersion);
                AssertCompilesCleanly(result, expectedSources: 1);
                return result.SingleSource;
            }

            var seeds = GeneratorHarness.Run(SeedSource.Declarations);
            AssertCompilesCleanly(seeds, expectedSources: Seeds.Length);
            return seeds.Sources.Single(source => source.HintName == "OAuthGen.Tests.Seeds." + name + ".OAuthProvider.g.cs").SourceText.ToString();
        }

        private static string Example(string namedArguments) =>
            "using OAuthGen;\nnamespace Acme\n{\n    [OAuthProvider(\"https://id.example/token\", " + namedArguments + ")]\n    public partial class Example { }\n}\n";

        private static string FirstDifference(string expected, string actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
            {
                var wanted = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
                var got = i < actualLines.Length ? actualLines[i] : "(end of file)";
                if (wanted != got)
                {
                    return "line " + (i + 1) + ":\n  baseline:  " + wanted + "\n  generated: " + got;
                }
            }

            return "(the same lines, different line endings)";
        }
    }
}
