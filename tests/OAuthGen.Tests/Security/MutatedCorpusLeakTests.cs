using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OAuthGen.Infrastructure;
using OAuthGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OAuthGen.Tests.Security
{
    /// <summary>
    /// The fuzz corpus with a sentinel in every credential position of the answer (access, refresh and ID tokens, device
    /// code, a typed secret field, an echoed client secret), broken by the fuzzer's mutations that keep each value where it
    /// was (bit flips, deletions, truncations, invalid UTF-8, JSON punctuation, the case of member names), read by the client: no sentinel in
    /// any exception. Also the mutations that move bytes from one member to another (ranges copied elsewhere, string
    /// values swapped): a credential that ends up only in an ordinary member (the error, its URI, the token type) is
    /// masked by its shape (<c>CredentialShapes</c>), as every sentinel here is long and opaque or a JWT, as real
    /// credentials are.
    /// </summary>
    [Collection(nameof(SecretScanCollection))]
    public class MutatedCorpusLeakTests(ITestOutputHelper output)
    {
        public const int Inputs = 4_000;

        // Long and opaque, as real credentials are. Without the suite's marker: a mutation that changes one character
        // of a value makes it no credential any more, but would still carry the marker that the suite-wide watch looks
        // for. Here the whole values are looked for.
        private const string Access = "2YotnFZFEjr1zCsicMWpAA0123456789-at-walk";
        private const string Refresh = "tGzv3JOkF0XG5Qx2TlKWIA9876543210-rt-walk";
        private const string Id = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIyNDgyODk3NjEwMDEifQ.c2ln-id-walk";
        private const string Device = "GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS-dc-walk";
        private const string Handle = "ah-7Hq2Lm9Xz4Rt8Wv3Ny6Kb1Jc5Pd0Fg-walk";
        private const string ClientSecret = "client-secret-of-the-walk";

        private static readonly string[] Corpus =
        {
            $"{{\"access_token\":\"{Access}\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"{Refresh}\",\"id_token\":\"{Id}\",\"scope\":\"read write\"}}",
            $"{{\"access_token\":\"{Access}\",\"expires_in\":\"soon\",\"refresh_token\":\"{Refresh}\"}}",
            $"{{\"token_type\":\"bearer\",\"expires_in\":-5,\"access_token\":\"{Access}\",\"api_handle\":\"{Handle}\"}}",
            $"{{\"error\":\"invalid_client\",\"error_description\":\"client_secret {ClientSecret} is wrong\",\"access_token\":\"{Access}\"}}",
            $"{{\"device_code\":\"{Device}\",\"user_code\":\"WDJB-MJHT\",\"expires_in\":1800,\"interval\":5}}",
            $"{{\"access_token\":{{\"value\":\"{Access}\"}},\"refresh_token\":[\"{Refresh}\"],\"id_token\":\"{Id}\"}}",
            $"access_token={Access}&token_type=bearer&refresh_token={Refresh}&expires_in=soon",
            $"<html><body>upstream answered {{\"access_token\":\"{Access}\",\"id_token\":\"{Id}\"}}</body></html>",
        };

        private static readonly string[] Sentinels = { Access, Refresh, Id, Device, Handle, ClientSecret };

        private static readonly byte[][] Inserted =
        {
            new byte[] { 0xC3, 0x28 }, new byte[] { 0xFF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 },
            Encoding.UTF8.GetBytes("\""), Encoding.UTF8.GetBytes("\\"), Encoding.UTF8.GetBytes("{"), Encoding.UTF8.GetBytes("}"),
            Encoding.UTF8.GetBytes("["), Encoding.UTF8.GetBytes(","), Encoding.UTF8.GetBytes(":"), Encoding.UTF8.GetBytes("\\u"),
            Encoding.UTF8.GetBytes("/*"), Encoding.UTF8.GetBytes("&"), Encoding.UTF8.GetBytes("="), Encoding.UTF8.GetBytes("\r\n"),
        };

        [Fact]
        public async Task The_mutated_corpus_with_sentinel_credentials_shows_none_of_them_in_any_exception()
        {
            var random = new Random(15);
            var exceptions = 0;
            var tokens = 0;
            var leaks = new List<string>();
            var provider = new OAuthProviderInfo("Walk", "https://auth.example/token", OAuthGrant.ClientCredentials | OAuthGrant.DeviceCode,
                deviceAuthorizationEndpoint: "https://auth.example/device", secretFields: new[] { "api_handle" });
            FuzzAnswer? next = null;
            var handler = new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(next!.Status) { Content = new ByteArrayContent(next.Body) }));
            var client = new TokenEndpointClient(new HttpClient(handler), new OAuthClientOptions { ClientId = "walk", ClientSecret = ClientSecret }, provider);

            for (var i = 0; i < Inputs; i++)
            {
                next = Mutate(random);
                handler.Requests.Clear();
                try
                {
                    if (random.Next(4) == 0)
                    {
                        await client.RequestDeviceAuthorizationAsync(null, default);
                    }
                    else
                    {
                        await client.RequestClientCredentialsTokenAsync(null, TokenEndpointClient.CreateDefaultToken, default);
                    }

                    tokens++;
                }
                catch (OAuthException e)
                {
                    exceptions++;
                    var shown = string.Join("\n", SentinelWatch.Describe(e));
                    if (Sentinels.Any(sentinel => shown.Contains(sentinel, StringComparison.Ordinal)))
                    {
                        leaks.Add(next.Describe() + "\n  shows: " + shown.Split('\n')[0]);
                    }
                }
            }

            output.WriteLine($"{Inputs} mutated answers: {exceptions} OAuthExceptions, {tokens} tokens or device authorizations, {leaks.Count} leaks");
            Assert.True(exceptions > Inputs / 2);
            Assert.True(leaks.Count == 0, string.Join("\n\n", leaks.Take(10)));
        }

        private static FuzzAnswer Mutate(Random random)
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Corpus[random.Next(Corpus.Length)]));
            var names = new List<string>();
            for (var count = 1 + random.Next(3); count > 0; count--)
            {
                var position = random.Next(bytes.Count + 1);
                switch (random.Next(8))
                {
                    case 0 when bytes.Count > 0:
                        names.Add("flip");
                        var at = random.Next(bytes.Count);
                        bytes[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1 when bytes.Count > 0:
                        names.Add("delete");
                        var from = random.Next(bytes.Count);
                        bytes.RemoveRange(from, Math.Min(bytes.Count - from, 1 + random.Next(8)));
                        break;
                    case 2:
                        names.Add("truncate");
                        bytes.RemoveRange(position, bytes.Count - position);
                        break;
                    case 3:
                    case 4:
                        names.Add("insert");
                        bytes.InsertRange(position, Inserted[random.Next(Inserted.Length)]);
                        break;
                    case 6 when bytes.Count > 0:
                        // A range copied elsewhere: a credential (or part of one) becomes the value or the name of
                        // another member, or text beside it, while it is still where it was too.
                        names.Add("splice");
                        var source = random.Next(bytes.Count);
                        var copied = bytes.GetRange(source, Math.Min(bytes.Count - source, 1 + random.Next(80)));
                        bytes.InsertRange(random.Next(bytes.Count + 1), copied);
                        break;
                    case 7:
                        // Two string values swapped: a credential is now only the value of an ordinary member (the
                        // error, its description or URI, the token type, the scope), where only its shape shows it.
                        names.Add("swap");
                        bytes = new List<byte>(Encoding.UTF8.GetBytes(SwapTwoStrings(Encoding.UTF8.GetString(bytes.ToArray()), random)));
                        break;
                    default:
                        // Member names in another case: "ACCESS_TOKEN" is still read as the access token.
                        names.Add("case");
                        var text = Encoding.UTF8.GetString(bytes.ToArray());
                        bytes = new List<byte>(Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(text, "\"[a-z_]+\"(?=:)|[a-z_]+(?==)", name => name.Value.ToUpperInvariant())));
                        break;
                }
            }

            var status = random.Next(4) switch { 0 => HttpStatusCode.BadRequest, 1 => HttpStatusCode.InternalServerError, _ => HttpStatusCode.OK };
            return new FuzzAnswer(string.Join("+", names), status, bytes.ToArray());
        }

        private static string SwapTwoStrings(string text, Random random)
        {
            var strings = System.Text.RegularExpressions.Regex.Matches(text, "\"[^\"]*\"(?!:)");
            if (strings.Count < 2)
            {
                return text;
            }

            var first = strings[random.Next(strings.Count)];
            var second = strings[random.Next(strings.Count)];
            if (first.Index == second.Index)
            {
                return text;
            }

            var (a, b) = first.Index < second.Index ? (first, second) : (second, first);
            return text.Substring(0, a.Index) + b.Value + text.Substring(a.Index + a.Length, b.Index - a.Index - a.Length) + a.Value + text.Substring(b.Index + b.Length);
        }

        private sealed record FuzzAnswer(string Kind, HttpStatusCode Status, byte[] Body)
        {
            public string Describe() => $"{Kind} HTTP {(int)Status}: {Encoding.UTF8.GetString(Body)}";
        }
    }
}
