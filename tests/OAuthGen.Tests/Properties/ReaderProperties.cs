using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using CsCheck;
using OAuthGen.Infrastructure;
using OAuthGen.Tests.Infrastructure;
using OAuthGen.Tests.Security;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.Properties
{
    /// <summary>Properties of the token response reader, over generated answers (CsCheck; a failure prints the shrunk input and its seed).</summary>
    public class ReaderProperties
    {
        public const long Iterations = 2_000;

        private static readonly Gen<string> Sentinel = Gen.String[Gen.Char.AlphaNumeric, 4, 12].Select(suffix => "cred-Sentinel-" + suffix);

        /// <summary>An object of standard members (a random subset, in random order, any JSON value each), with credentials holding sentinels.</summary>
        private static readonly Gen<(string Body, string[] Secrets)> Answer =
            Gen.Select(Gen.Shuffle(Generators.StandardFields).SelectMany(fields => Gen.Int[0, fields.Length].Select(count => fields.Take(count).ToArray())), Sentinel.Array[3])
                .SelectMany(pair =>
                {
                    var (fields, sentinels) = pair;
                    var values = fields.Select((field, i) =>
                        Generators.CredentialFields.Contains(field)
                            ? Generators.Weighted((3, Generators.HidingPlace(sentinels[Array.IndexOf(Generators.CredentialFields, field)])), (1, Generators.JsonValue()))
                            : Generators.JsonValue()).ToArray();
                    return Gen.Select(values.Length == 0 ? Gen.Const(Array.Empty<string>()) : CombineAll(values), Gen.Bool)
                        .Select(chosen => ("{" + string.Join(",", fields.Select((field, i) => Generators.Quote(field) + ":" + chosen.Item1[i])) + (chosen.Item2 ? ",}" : "}"), sentinels));
                });

        [Fact]
        public void Any_json_value_in_any_standard_field_gives_a_token_or_an_OAuthException_that_shows_no_credential()
        {
            Answer.Sample(answer =>
            {
                var client = Client(answer.Body);
                try
                {
                    var token = client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default).GetAwaiter().GetResult();
                    Assert.False(string.IsNullOrEmpty(token.AccessToken));
                    Assert.DoesNotContain(SentinelWatch.Marker, token.ToString());
                }
                catch (OAuthException e)
                {
                    var shown = string.Join("\n", SentinelWatch.Describe(e));
                    Assert.True(!shown.Contains(SentinelWatch.Marker, StringComparison.Ordinal), answer.Body + "\n shows \n" + shown);
                }
            }, iter: Iterations, print: answer => answer.Body);
        }

        [Fact]
        public void A_token_read_from_an_answer_and_read_back_from_its_serialization_is_equal()
        {
            var validAnswer = Gen.Select(
                Generators.AnyText.Where(text => text.Length > 0),
                Gen.Select(Generators.AnyText, Generators.AnyText, Generators.AnyText, Generators.AnyText).Array[0, 1],
                Gen.Int[0, 400_000_000].Array[0, 1],
                Gen.Select(Generators.Text.Where(IsOtherField), Generators.JsonValue(2)).Array[0, 4]);

            validAnswer.Sample(parts =>
            {
                var (accessToken, optional, expiresIn, extra) = parts;
                var members = new List<string> { "\"access_token\":" + Generators.Quote(accessToken) };
                foreach (var (tokenType, refreshToken, scope, idToken) in optional)
                {
                    members.Add("\"token_type\":" + Generators.Quote(tokenType));
                    members.Add("\"refresh_token\":" + Generators.Quote(refreshToken));
                    members.Add("\"scope\":" + Generators.Quote(scope));
                    members.Add("\"id_token\":" + Generators.Quote(idToken));
                }

                members.AddRange(expiresIn.Select(seconds => "\"expires_in\":" + seconds));
                members.AddRange(extra.GroupBy(field => field.Item1).Select(group => Generators.Quote(group.Key) + ":" + group.Last().Item2));
                var body = "{" + string.Join(",", members) + "}";

                var token = Client(body).RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default).GetAwaiter().GetResult();
                var copy = OAuthTokenSerializer.Deserialize(OAuthTokenSerializer.Serialize(token));

                Assert.NotNull(copy);
                Assert.Equal(accessToken, copy!.AccessToken);
                Assert.Equal(token.AccessToken, copy.AccessToken);
                Assert.Equal(token.TokenType, copy.TokenType);
                Assert.Equal(token.RefreshToken, copy.RefreshToken);
                Assert.Equal(token.Scope, copy.Scope);
                Assert.Equal(token.IdToken, copy.IdToken);
                Assert.Equal(token.ExpiresIn, copy.ExpiresIn);
                Assert.Equal(token.ExpiresAt, copy.ExpiresAt);
                Assert.Equal(token.AdditionalFields.Keys.OrderBy(k => k, StringComparer.Ordinal), copy.AdditionalFields.Keys.OrderBy(k => k, StringComparer.Ordinal));
                foreach (var field in token.AdditionalFields)
                {
                    Assert.True(JsonElement.DeepEquals(field.Value, copy.AdditionalFields[field.Key]), field.Key);
                }
            }, iter: Iterations);
        }

        private static bool IsOtherField(string name) =>
            !Generators.StandardFields.Contains(name, StringComparer.OrdinalIgnoreCase) && Generators.WellFormed(name) == name;

        private static Gen<string[]> CombineAll(Gen<string>[] gens) =>
            gens.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next, (values, value) => values.Append(value).ToArray()));

        private static TokenEndpointClient Client(string body)
        {
            var handler = StubHandler.Answer(HttpStatusCode.OK, body);
            var provider = new OAuthProviderInfo("Property", "https://auth.example/token");
            var options = new OAuthClientOptions { ClientId = "client", ClientSecret = "client-secret-Sentinel-p" };
            return new TokenEndpointClient(new HttpClient(handler), options, provider, new SelfAdvancingTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        }
    }
}
