using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Properties
{
    /// <summary>Form encoding (RFC 6749 Appendix B), Basic credentials (RFC 6749 §2.3.1, RFC 7617) and PKCE (RFC 7636), over generated text.</summary>
    public class EncodingProperties
    {
        private const long Iterations = 5_000;
        private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

        [Fact]
        public void Form_encoding_is_RFC_3986_percent_encoding_with_space_as_plus_and_round_trips_through_WebUtility()
        {
            Generators.AnyText.Sample(text =>
            {
                var encoded = FormUrlEncoding.Encode(text);

                // The oracle: Uri.EscapeDataString keeps exactly the RFC 3986 unreserved characters, in uppercase %XX of UTF-8.
                Assert.Equal(Uri.EscapeDataString(text).Replace("%20", "+"), encoded);
                Assert.All(encoded, c => Assert.True(Unreserved.Contains(c) || c == '%' || c == '+', "unexpected '" + c + "'"));
                Assert.Equal(text, FormUrlEncoding.Decode(encoded));
                Assert.Equal(text, WebUtility.UrlDecode(encoded));
                Assert.Equal(text, FormUrlEncoding.Decode(WebUtility.UrlEncode(text)));
            }, iter: Iterations);
        }

        [Fact]
        public void Percent_escapes_in_lowercase_hex_decode_as_uppercase_ones_do()
        {
            // RFC 3986 §2.1: the hex digits of a percent-encoding are case-insensitive; some servers and libraries write lowercase.
            Generators.AnyText.Sample(text =>
            {
                var lowercase = System.Text.RegularExpressions.Regex.Replace(FormUrlEncoding.Encode(text), "%[0-9A-F]{2}", escape => escape.Value.ToLowerInvariant());

                Assert.Equal(text, FormUrlEncoding.Decode(lowercase));
            }, iter: Iterations);
            Assert.Equal("/\u00ff", FormUrlEncoding.Decode("%2f%c3%bf"));
        }

        [Fact]
        public void A_form_of_pairs_decodes_back_to_its_pairs()
        {
            Gen.Select(Generators.AnyText, Generators.AnyText).Array[0, 5].Sample(pairs =>
            {
                var form = FormUrlEncoding.EncodeForm(pairs.Select(p => new System.Collections.Generic.KeyValuePair<string, string>(p.Item1, p.Item2)).ToList());

                var decoded = form.Length == 0 ? Array.Empty<(string, string)>() : form.Split('&').Select(pair =>
                {
                    var parts = pair.Split('=');
                    Assert.Equal(2, parts.Length);
                    return (FormUrlEncoding.Decode(parts[0]), FormUrlEncoding.Decode(parts[1]));
                }).ToArray();
                Assert.Equal(pairs, decoded);
            }, iter: Iterations);
        }

        [Fact]
        public void The_RFC_6749_appendix_B_example_encodes_as_written()
        {
            // RFC 6749 Appendix B: the value " %&+£€" is encoded as "+%25%26%2B%C2%A3%E2%82%AC".
            Assert.Equal("+%25%26%2B%C2%A3%E2%82%AC", FormUrlEncoding.Encode(" %&+\u00a3\u20ac"));
            Assert.Equal(" %&+\u00a3\u20ac", FormUrlEncoding.Decode("+%25%26%2B%C2%A3%E2%82%AC"));
        }

        [Fact]
        public void Rfc6749_Basic_credentials_decode_to_exactly_the_id_and_secret_typed()
        {
            Gen.Select(Generators.AnyText, Generators.AnyText).Sample(credentials =>
            {
                var (id, secret) = credentials;
                var header = BasicAuthentication.EncodeCredentials(id, secret, BasicAuthEncoding.Rfc6749);

                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header));
                var colon = pair.IndexOf(':');
                Assert.Equal(id, WebUtility.UrlDecode(pair.Substring(0, colon)));
                Assert.Equal(secret, WebUtility.UrlDecode(pair.Substring(colon + 1)));
            }, iter: Iterations);
        }

        [Fact]
        public void Plain_Basic_credentials_are_the_raw_pair_or_refused_when_the_id_has_a_colon()
        {
            Gen.Select(Generators.AnyText, Generators.AnyText).Sample(credentials =>
            {
                var (id, secret) = credentials;
                if (id.Contains(':'))
                {
                    var refusal = Assert.Throws<InvalidOperationException>(() => BasicAuthentication.EncodeCredentials(id, secret, BasicAuthEncoding.Plain));
                    Assert.StartsWith("The client id contains ':'", refusal.Message);
                    Assert.Contains("BasicAuthEncoding.Rfc6749", refusal.Message);
                    var refusalForAnotherSecret = Assert.Throws<InvalidOperationException>(() => BasicAuthentication.EncodeCredentials(id, secret + "\u0001other", BasicAuthEncoding.Plain));
                    Assert.True(refusal.Message == refusalForAnotherSecret.Message, "the refusal depends on the secret, so it shows it");
                    return;
                }

                var header = BasicAuthentication.EncodeCredentials(id, secret, BasicAuthEncoding.Plain);
                Assert.Equal(id + ":" + secret, Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            }, iter: Iterations);
        }

        [Fact]
        public void A_code_verifier_has_the_RFC_7636_charset_and_length_and_is_never_repeated()
        {
            var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
            Gen.Int.Sample(_ =>
            {
                var verifier = Pkce.CreateCodeVerifier();

                // RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"; 32 random octets give 43.
                Assert.Equal(43, verifier.Length);
                Assert.All(verifier, c => Assert.Contains(c, Unreserved));
                Assert.True(seen.TryAdd(verifier, true), "a verifier came twice");
            }, iter: Iterations);
        }

        [Fact]
        public void A_null_verifier_is_refused_by_name()
        {
            Assert.Equal("codeVerifier", Assert.Throws<ArgumentNullException>(() => Pkce.ComputeS256Challenge(null!)).ParamName);
        }

        [Fact]
        public void The_S256_challenge_is_base64url_of_the_SHA256_of_the_verifier_without_padding()
        {
            // RFC 7636 Appendix B.
            Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ComputeS256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));

            Gen.String[Gen.Char[Unreserved], 43, 128].Sample(verifier =>
            {
                var expected = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

                var challenge = Pkce.ComputeS256Challenge(verifier);

                Assert.Equal(expected, challenge);
                Assert.Equal(43, challenge.Length);
            }, iter: Iterations);
        }
    }
}
