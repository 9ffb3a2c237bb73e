using System.Collections.Generic;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Runtime
{
    public class EncodingTests
    {
        [Theory]
        // The seed documents' own examples: plain credentials encode the same both ways.
        [InlineData("Mork", "Mindy", BasicAuthEncoding.Plain, "TW9yazpNaW5keQ==")]
        [InlineData("Mork", "Mindy", BasicAuthEncoding.Rfc6749, "TW9yazpNaW5keQ==")]
        [InlineData("123abc", "456def", BasicAuthEncoding.Plain, "MTIzYWJjOjQ1NmRlZg==")]
        [InlineData("123", "abc", BasicAuthEncoding.Rfc6749, "MTIzOmFiYw==")]
        [InlineData("9UY8NrmDtIh8GVTkNdX0Y7I6k37254a9", "Z1947381rwgf0WkPPGPHnGik6h3LdhZ9", BasicAuthEncoding.Plain,
            "OVVZOE5ybUR0SWg4R1ZUa05kWDBZN0k2azM3MjU0YTk6WjE5NDczODFyd2dmMFdrUFBHUEhuR2lrNmgzTGRoWjk=")]
        // '?', '/', '+', ':', space, non-ASCII, '~' and '*': form-encoded first (RFC 6749 §2.3.1), or raw.
        [InlineData("client?/+: id", "s\u00ebcret+/=?: x~*", BasicAuthEncoding.Rfc6749,
            "Y2xpZW50JTNGJTJGJTJCJTNBK2lkOnMlQzMlQUJjcmV0JTJCJTJGJTNEJTNGJTNBK3h+JTJB")]
        // Plain cannot carry a ':' in the id (RFC 7617 §2; refused, see below); in the secret it can.
        [InlineData("client?/+ id", "s\u00ebcret+/=?: x~*", BasicAuthEncoding.Plain, "Y2xpZW50Py8rIGlkOnPDq2NyZXQrLz0/OiB4fio=")]
        [InlineData("日本", "ü", BasicAuthEncoding.Plain, "5pel5pysOsO8")]
        public void Basic_credentials_are_encoded_as_each_style_specifies(string clientId, string secret, BasicAuthEncoding encoding, string expected)
        {
            Assert.Equal(expected, BasicAuthentication.EncodeCredentials(clientId, secret, encoding));
        }

        [Fact]
        public void A_plain_basic_client_id_with_a_colon_is_refused_without_showing_it()
        {
            var error = Assert.Throws<System.InvalidOperationException>(() => BasicAuthentication.EncodeCredentials("id:Sentinel-part", "secret", BasicAuthEncoding.Plain));

            Assert.Contains("BasicAuthEncoding.Rfc6749", error.Message);
            Assert.DoesNotContain("Sentinel-part", error.Message);
        }

        [Fact]
        public void Rfc6749_basic_credentials_form_encode_each_part_before_joining()
        {
            var encoded = BasicAuthentication.EncodeCredentials("a:b", "c d", BasicAuthEncoding.Rfc6749);

            Assert.Equal("a%3Ab:c+d", System.Text.Encoding.UTF8.GetString(System.Convert.FromBase64String(encoded)));
        }

        [Theory]
        // RFC 6749 Appendix B: the example value " %&+£€".
        [InlineData(" %&+£€", "+%25%26%2B%C2%A3%E2%82%AC")]
        [InlineData("-._~", "-._~")]
        [InlineData("AZaz09", "AZaz09")]
        [InlineData("a=b&c", "a%3Db%26c")]
        [InlineData("日本 ü", "%E6%97%A5%E6%9C%AC+%C3%BC")]
        [InlineData("*!'()", "%2A%21%27%28%29")]
        [InlineData("", "")]
        public void Form_values_are_encoded_per_rfc6749_appendix_b(string value, string expected)
        {
            Assert.Equal(expected, FormUrlEncoding.Encode(value));
        }

        [Fact]
        public void Form_bodies_join_encoded_pairs_in_order()
        {
            var body = FormUrlEncoding.EncodeForm(new[]
            {
                new KeyValuePair<string, string>("grant_type", "password"),
                new KeyValuePair<string, string>("username", "john@doe.com"),
                new KeyValuePair<string, string>("password", " %&+£€"),
                new KeyValuePair<string, string>("scope", ""),
            });

            Assert.Equal("grant_type=password&username=john%40doe.com&password=+%25%26%2B%C2%A3%E2%82%AC&scope=", body);
        }

        [Theory]
        [InlineData("+%25%26%2B%C2%A3%E2%82%AC", " %&+£€")]
        [InlineData("a%2", "a%2")]
        [InlineData("100%", "100%")]
        [InlineData("%zz%41", "%zzA")]
        [InlineData("caf%c3%a9", "café")]
        public void Form_values_decode_leniently(string encoded, string expected)
        {
            Assert.Equal(expected, FormUrlEncoding.Decode(encoded));
        }

        [Fact]
        public void Pkce_s256_challenge_matches_rfc7636_appendix_b()
        {
            Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ComputeS256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
        }

        [Fact]
        public void Pkce_verifiers_are_43_unreserved_characters_and_unique()
        {
            var verifiers = new HashSet<string>();
            for (var i = 0; i < 100; i++)
            {
                var verifier = Pkce.CreateCodeVerifier();
                Assert.Equal(43, verifier.Length);
                Assert.Matches("^[A-Za-z0-9_-]+$", verifier);
                Assert.True(verifiers.Add(verifier));
            }
        }
    }
}
