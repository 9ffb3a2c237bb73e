using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OAuthGen.Tests.Infrastructure;
using Xunit;
using static OAuthGen.Tests.Generator.GeneratorTestKit;

namespace OAuthGen.Tests.Generator
{
    /// <summary>The exact public surface the generator adds for each grant combination (design/api.md §2).</summary>
    public sealed class GeneratedMembersTests
    {
        private const string Constructor = "AcmeAuth(HttpClient httpClient, OAuthClientOptions options)";
        private const string ConstructorWithClock = "AcmeAuth(HttpClient httpClient, OAuthClientOptions options, TimeProvider? timeProvider)";
        private const string Provider = "static OAuthProviderInfo Provider { get; }";
        private const string Options = "OAuthClientOptions Options { get; }";
        private const string ClientCredentials = "Task<OAuthToken> RequestClientCredentialsTokenAsync(string? scope = null, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string ClientCredentialsCompat = "Task<OAuthToken> RequestClientCredentialsTokenAsync(string? scope, CancellationToken cancellationToken)";
        private const string ClientCredentialsScopeRequired = "Task<OAuthToken> RequestClientCredentialsTokenAsync(string scope, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string ClientCredentialsScopeRequiredCompat = "Task<OAuthToken> RequestClientCredentialsTokenAsync(string scope, CancellationToken cancellationToken)";
        private const string Password = "Task<OAuthToken> RequestPasswordTokenAsync(string username, string password, string? scope = null, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string PasswordCompat = "Task<OAuthToken> RequestPasswordTokenAsync(string username, string password, string? scope, CancellationToken cancellationToken)";
        private const string CreateAuthorizationRequest = "AuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, string? scope = null, string? state = null, IEnumerable<KeyValuePair<string, string>>? parameters = null)";
        private const string CreateAuthorizationRequestCompat = "AuthorizationRequest CreateAuthorizationRequest(Uri redirectUri, string? scope, string? state)";
        private const string CreateAuthorizationRequestAsync = "Task<AuthorizationRequest> CreateAuthorizationRequestAsync(Uri redirectUri, string? scope = null, string? state = null, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string CreateAuthorizationRequestAsyncCompat = "Task<AuthorizationRequest> CreateAuthorizationRequestAsync(Uri redirectUri, string? scope, string? state, CancellationToken cancellationToken)";
        private const string RequestDeviceAuthorization = "Task<DeviceAuthorization> RequestDeviceAuthorizationAsync(string? scope = null, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string RequestDeviceAuthorizationCompat = "Task<DeviceAuthorization> RequestDeviceAuthorizationAsync(string? scope, CancellationToken cancellationToken)";
        private const string PollDeviceToken = "Task<OAuthToken> PollDeviceTokenAsync(DeviceAuthorization authorization, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string PollDeviceTokenCompat = "Task<OAuthToken> PollDeviceTokenAsync(DeviceAuthorization authorization, CancellationToken cancellationToken)";
        private const string ExchangeToken = "Task<OAuthToken> ExchangeTokenAsync(TokenExchangeRequest request, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string ExchangeTokenCompat = "Task<OAuthToken> ExchangeTokenAsync(TokenExchangeRequest request, CancellationToken cancellationToken)";
        private const string RevokeToken = "Task RevokeTokenAsync(string token, string? tokenTypeHint = null, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string RevokeTokenCompat = "Task RevokeTokenAsync(string token, string? tokenTypeHint, CancellationToken cancellationToken)";
        private const string IntrospectToken = "Task<TokenIntrospection> IntrospectTokenAsync(string token, string? tokenTypeHint = null, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string IntrospectTokenCompat = "Task<TokenIntrospection> IntrospectTokenAsync(string token, string? tokenTypeHint, CancellationToken cancellationToken)";
        private const string ExchangeAuthorizationCode = "Task<OAuthToken> ExchangeAuthorizationCodeAsync(string code, Uri redirectUri, string? codeVerifier = null, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string ExchangeAuthorizationCodeCompat = "Task<OAuthToken> ExchangeAuthorizationCodeAsync(string code, Uri redirectUri, string? codeVerifier, CancellationToken cancellationToken)";
        private const string RefreshToken = "Task<OAuthToken> RefreshTokenAsync(string refreshToken, string? scope = null, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default(CancellationToken))";
        private const string RefreshTokenCompat = "Task<OAuthToken> RefreshTokenAsync(string refreshToken, string? scope, CancellationToken cancellationToken)";

        /// <summary>Every grant-specific member name the generator can emit.</summary>
        private static readonly string[] GrantMemberNames =
        {
            "RequestClientCredentialsTokenAsync", "RequestPasswordTokenAsync", "CreateAuthorizationRequest", "CreateAuthorizationRequestAsync", "ExchangeAuthorizationCodeAsync",
            "RefreshTokenAsync", "RequestDeviceAuthorizationAsync", "PollDeviceTokenAsync", "ExchangeTokenAsync", "RevokeTokenAsync", "IntrospectTokenAsync",
        };

        private static readonly Dictionary<string, GrantCase> Cases = new[]
        {
            new GrantCase("ClientCredentials", "Grants = OAuthGrant.ClientCredentials", ClientCredentials, ClientCredentialsCompat),
            new GrantCase("Password", "Grants = OAuthGrant.Password", Password, PasswordCompat),
            new GrantCase("AuthorizationCode", "Grants = OAuthGrant.AuthorizationCode, AuthorizationEndpoint = \"https://id.example/authorize\"", CreateAuthorizationRequest, CreateAuthorizationRequestCompat, CreateAuthorizationRequestAsync, CreateAuthorizationRequestAsyncCompat, ExchangeAuthorizationCode, ExchangeAuthorizationCodeCompat),
            new GrantCase("RefreshToken", "Grants = OAuthGrant.RefreshToken", RefreshToken, RefreshTokenCompat),
            new GrantCase(
                "AllFour",
                "Grants = OAuthGrant.ClientCredentials | OAuthGrant.Password | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken, AuthorizationEndpoint = \"https://id.example/authorize\"",
                ClientCredentials, ClientCredentialsCompat, Password, PasswordCompat, CreateAuthorizationRequest, CreateAuthorizationRequestCompat, CreateAuthorizationRequestAsync, CreateAuthorizationRequestAsyncCompat, ExchangeAuthorizationCode, ExchangeAuthorizationCodeCompat, RefreshToken, RefreshTokenCompat),
            new GrantCase("DeviceCode", "Grants = OAuthGrant.DeviceCode, DeviceAuthorizationEndpoint = \"https://id.example/device\"", RequestDeviceAuthorization, RequestDeviceAuthorizationCompat, PollDeviceToken, PollDeviceTokenCompat),
            new GrantCase("TokenExchange", "Grants = OAuthGrant.TokenExchange", ExchangeToken, ExchangeTokenCompat),
            new GrantCase("Revocation endpoint", "Grants = OAuthGrant.None, RevocationEndpoint = \"https://id.example/revoke\"", RevokeToken, RevokeTokenCompat),
            new GrantCase("Introspection endpoint", "Grants = OAuthGrant.None, IntrospectionEndpoint = \"https://id.example/introspect\"", IntrospectToken, IntrospectTokenCompat),
            new GrantCase("ClientCredentialsScopeRequired", "Grants = OAuthGrant.ClientCredentials, ScopeRequired = true", ClientCredentialsScopeRequired, ClientCredentialsScopeRequiredCompat),
            new GrantCase("Default (no Grants argument)", null, ClientCredentials, ClientCredentialsCompat),
            new GrantCase("None", "Grants = OAuthGrant.None"),
        }.ToDictionary(grantCase => grantCase.Name);

        public static TheoryData<string> GrantCases => new TheoryData<string>(Cases.Keys);

        [Theory]
        [MemberData(nameof(GrantCases))]
        public void Adds_exactly_the_members_of_the_declared_grants(string caseName)
        {
            var grantCase = Cases[caseName];
            var type = GeneratedType(GenerateAcmeAuth(grantCase), "Acme.AcmeAuth");

            var expected = new[] { Constructor, ConstructorWithClock, Provider, Options }.Concat(grantCase.GrantMembers).OrderBy(s => s, StringComparer.Ordinal);
            Assert.Equal(string.Join("\n", expected), string.Join("\n", PublicSignatures(type)));
        }

        [Theory]
        [MemberData(nameof(GrantCases))]
        public void Leaves_out_every_member_of_the_other_grants(string caseName)
        {
            var grantCase = Cases[caseName];
            var type = GeneratedType(GenerateAcmeAuth(grantCase), "Acme.AcmeAuth");

            var declaredNames = grantCase.GrantMembers.Select(MemberName).ToHashSet();
            foreach (var name in GrantMemberNames.Where(name => !declaredNames.Contains(name)))
            {
                Assert.Empty(type.GetMembers(name));
            }
        }

        [Theory]
        [MemberData(nameof(GrantCases))]
        public void Implements_IClientCredentialsTokenClient_only_with_the_client_credentials_grant(string caseName)
        {
            var grantCase = Cases[caseName];
            var result = GenerateAcmeAuth(grantCase);
            var type = GeneratedType(result, "Acme.AcmeAuth");
            var clientInterface = GeneratedType(result, "OAuthGen.IClientCredentialsTokenClient");

            var implements = type.AllInterfaces.Contains(clientInterface, SymbolEqualityComparer.Default);
            var hasClientCredentials = grantCase.GrantMembers.Any(member => MemberName(member) == "RequestClientCredentialsTokenAsync");
            Assert.Equal(hasClientCredentials, implements);
            if (implements)
            {
                foreach (var member in clientInterface.GetMembers())
                {
                    var implementation = type.FindImplementationForInterfaceMember(member);
                    Assert.True(implementation is not null && SymbolEqualityComparer.Default.Equals(implementation.ContainingType, type), $"{member.Name} is not implemented by the generated part.");
                }
            }
        }

        [Fact]
        public void Token_methods_return_the_declared_token_type()
        {
            var result = GeneratorHarness.Run(SeedSource.Declarations);
            var type = GeneratedType(result, "OAuthGen.Tests.Seeds.ConnectedHomeAuth");

            var tokenMethods = type.GetMembers().OfType<IMethodSymbol>()
                .Where(method => method.DeclaredAccessibility == Accessibility.Public && method.Name.EndsWith("Async", StringComparison.Ordinal))
                .ToArray();
            tokenMethods = tokenMethods.Where(method => method.Name != "CreateAuthorizationRequestAsync").ToArray();
            Assert.Equal(new[] { "ExchangeAuthorizationCodeAsync", "RefreshTokenAsync", "RequestClientCredentialsTokenAsync" }, tokenMethods.Select(method => method.Name).Distinct().OrderBy(name => name));
            Assert.All(tokenMethods, method => Assert.Equal("Task<ConnectedHomeToken>", Signature(method.ReturnType)));

            // The interface hook keeps its OAuthToken signature, implemented explicitly beside the typed method.
            var explicitImplementation = type.GetMembers().OfType<IMethodSymbol>().Single(method =>
                method.MethodKind == MethodKind.ExplicitInterfaceImplementation
                && method.ExplicitInterfaceImplementations.Single().ContainingType.Name == "IClientCredentialsTokenClient"
                && method.ExplicitInterfaceImplementations.Single().Name == "RequestClientCredentialsTokenAsync");
            Assert.Equal("Task<OAuthToken>", Signature(explicitImplementation.ReturnType));
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3, false)]
        [InlineData(LanguageVersion.CSharp8, true)]
        [InlineData(LanguageVersion.Latest, true)]
        public void Generated_file_is_marked_auto_generated_and_enables_nullable_from_CSharp_8(LanguageVersion languageVersion, bool expectsNullableEnable)
        {
            var result = GeneratorHarness.Run(SeedsFor(languageVersion), languageVersion);

            Assert.Equal(5, result.Sources.Count);
            foreach (var source in result.Sources)
            {
                var lines = source.SourceText.ToString().Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
                Assert.Equal("// <auto-generated/>", lines[0]);
                Assert.Equal(expectsNullableEnable, lines.Contains("#nullable enable"));
            }
        }

        [Fact]
        public void Generated_code_names_every_type_from_global()
        {
            const string shadowing = @"
namespace Acme
{
    // Types and namespaces a user may well have, which unqualified names in generated code would bind to.
    public class System { }
    public class OAuthGen { }
    public class Task { }
    public class HttpClient { }

    public partial class Outer<T>
    {
        [global::OAuthGen.OAuthProvider(""https://id.example/token"",
            Grants = global::OAuthGen.OAuthGrant.ClientCredentials | global::OAuthGen.OAuthGrant.Password | global::OAuthGen.OAuthGrant.AuthorizationCode | global::OAuthGen.OAuthGrant.RefreshToken,
            TokenType = typeof(global::Tokens.RichToken))]
        [global::OAuthGen.OAuthHeader(""X-Api"", ""1"")]
        [global::OAuthGen.OAuthParameter(""audience"", ""api"")]
        public partial class NestedAuth { }
    }
}

namespace Tokens
{
    public class RichToken : global::OAuthGen.OAuthToken
    {
        [global::OAuthGen.OAuthField(""tags"")] public string[] Tags { get; set; } = new string[0];
        [global::OAuthGen.OAuthField(""at"")] public global::System.DateTimeOffset? At { get; set; }
    }
}";
            var result = GeneratorHarness.Run(shadowing);
            AssertCompilesCleanly(result, expectedSources: 1);
            AssertEveryTypeNameIsGloballyQualified(result, result.Sources[0].SyntaxTree);

            var seeds = GeneratorHarness.Run(SeedSource.Declarations);
            Assert.Equal(5, seeds.Sources.Count);
            foreach (var source in seeds.Sources)
            {
                AssertEveryTypeNameIsGloballyQualified(seeds, source.SyntaxTree);
            }
        }

        [Theory]
        [InlineData("public partial class AcmeAuth { public string Options => \"mine\"; }", "Acme.AcmeAuth")]
        [InlineData("public class Settings { public int Options { get; set; } }\n    [OAuthProvider(\"https://id.example/token\")]\n    public partial class AcmeAuth : Settings { }", "Acme.AcmeAuth")]
        [InlineData("public partial class Options { }", "Acme.Options")]
        public void Options_stays_behind_the_interface_where_the_class_already_has_that_name(string declaration, string metadataName)
        {
            var source = "using OAuthGen;\nnamespace Acme\n{\n    " + (declaration.StartsWith("public class", StringComparison.Ordinal) ? string.Empty : "[OAuthProvider(\"https://id.example/token\")]\n    ") + declaration + "\n}\n";
            var result = GeneratorHarness.Run(source);

            AssertCompilesCleanly(result, expectedSources: 1);
            var type = GeneratedType(result, metadataName);
            Assert.DoesNotContain(type.GetMembers("Options"), member => member.DeclaredAccessibility == Accessibility.Public && member.ContainingType.Equals(type, SymbolEqualityComparer.Default) && member is IPropertySymbol { Type.Name: "OAuthClientOptions" });
        }

        private static GeneratorResult GenerateAcmeAuth(GrantCase grantCase)
        {
            var arguments = grantCase.Arguments is null ? string.Empty : ", " + grantCase.Arguments;
            var source = "using OAuthGen;\nnamespace Acme\n{\n    [OAuthProvider(\"https://id.example/token\"" + arguments + ")]\n    public partial class AcmeAuth { }\n}\n";
            var result = GeneratorHarness.Run(source);
            AssertCompilesCleanly(result, expectedSources: 1);
            return result;
        }

        private static string MemberName(string signature)
        {
            var beforeParameters = signature.Substring(0, signature.IndexOf('('));
            return beforeParameters.Substring(beforeParameters.LastIndexOf(' ') + 1);
        }

        private sealed record GrantCase(string Name, string? Arguments, params string[] GrantMembers);
    }
}
