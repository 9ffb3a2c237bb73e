using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using OAuthGen.Tests.Hostile;
using Xunit;
using Xunit.Abstractions;

namespace OAuthGen.Tests.Security
{
    /// <summary>
    /// The debugger never shows a secret: every property or field that holds one, in the runtime and in generated
    /// code, is [DebuggerBrowsable(Never)], and no [DebuggerDisplay] names one. Found by reflection, so a new type or
    /// property with a secret-looking name is checked without anyone listing it here.
    /// </summary>
    public class DebuggerVisibilityTests(ITestOutputHelper output)
    {
        // Names that hold secrets. Names that merely mention one ("TokenType", "SubjectTokenType", "SigningKeyId") do not end so.
        private static readonly string[] SecretSuffixes =
        {
            "Secret", "Password", "AccessToken", "RefreshToken", "IdToken", "SubjectToken", "ActorToken", "DeviceCode", "CodeVerifier",
            "Assertion", "SigningKey", "SigningKeyPem", "PrivateKey", "Credentials",
        };

        public static IEnumerable<Type> Types() =>
            typeof(OAuthToken).Assembly.GetTypes()
                .Concat(new[] { typeof(HostileBasicAuth), typeof(HostilePostAuth), typeof(Fuzzing.FuzzAuth), typeof(Fuzzing.FuzzToken) })
                .Where(type => type.GetCustomAttribute<CompilerGeneratedAttribute>() is null);

        [Fact]
        public void Every_member_that_holds_a_secret_is_hidden_from_the_debugger()
        {
            var checkedMembers = new List<string>();
            var visible = new List<string>();
            foreach (var type in Types())
            {
                const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                var members = type.GetProperties(all).Cast<MemberInfo>()
                    .Concat(type.GetFields(all).Where(field => !field.IsLiteral && field.GetCustomAttribute<CompilerGeneratedAttribute>() is null));
                // A flag such as OAuthFieldAttribute.Secret says that something is secret; it holds none.
                foreach (var member in members.Where(member => IsSecretName(member.Name) && TypeOf(member) != typeof(bool)))
                {
                    checkedMembers.Add(type.Name + "." + member.Name);
                    if (member.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State != DebuggerBrowsableState.Never)
                    {
                        visible.Add(type.FullName + "." + member.Name);
                    }
                }
            }

            output.WriteLine("checked: " + string.Join(", ", checkedMembers));
            Assert.Contains("OAuthClientOptions.ClientSecret", checkedMembers);
            Assert.Contains("OAuthToken.AccessToken", checkedMembers);
            Assert.True(visible.Count == 0, "shown by the debugger: " + string.Join(", ", visible));
        }

        [Fact]
        public void No_debugger_display_names_a_secret()
        {
            foreach (var type in Types())
            {
                if (type.GetCustomAttribute<DebuggerDisplayAttribute>() is { } display)
                {
                    foreach (var text in new[] { display.Value, display.Name ?? "", display.Type ?? "" })
                    {
                        Assert.False(SecretSuffixes.Any(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase)), type.FullName + ": " + text);
                    }
                }
            }
        }

        [Fact]
        public void Types_that_hold_secrets_print_without_them()
        {
            // The debugger's value column shows ToString() (or the type name when it is not overridden).
            var token = new OAuthToken { AccessToken = "a-Sentinel", RefreshToken = "r-Sentinel", IdToken = "i-Sentinel" };
            var options = new OAuthClientOptions { ClientId = "id", ClientSecret = "s-Sentinel", SigningKeyPem = "k-Sentinel" };
            var request = new AuthorizationRequest(new Uri("https://a.example/authorize?x=1"), "state", "verifier-Sentinel");
            var device = new DeviceAuthorization("d-Sentinel", "USER-CODE", new Uri("https://a.example/device"), null, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), DateTimeOffset.UnixEpoch);
            var exchange = new TokenExchangeRequest { SubjectToken = "st-Sentinel", ActorToken = "at-Sentinel" };

            foreach (var value in new object[] { token, options, request, device, exchange })
            {
                Assert.DoesNotContain("Sentinel", value.ToString(), StringComparison.Ordinal);
            }
        }

        private static Type TypeOf(MemberInfo member) => member is PropertyInfo property ? property.PropertyType : ((FieldInfo)member).FieldType;

        private static bool IsSecretName(string name)
        {
            var bare = name.TrimStart('_');
            return SecretSuffixes.Any(suffix => bare.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        }
    }
}
