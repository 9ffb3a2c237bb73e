using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace OAuthGen.Tests.Properties
{
    /// <summary>CsCheck generators of what a token endpoint may send and what a user may type.</summary>
    internal static class Generators
    {
        /// <summary>The RFC 6749 §5.1 and §5.2 members the reader treats itself.</summary>
        public static readonly string[] StandardFields =
        {
            "access_token", "token_type", "expires_in", "refresh_token", "scope", "id_token", "error", "error_description", "error_uri",
        };

        /// <summary>The members whose values are credentials: none of them may ever be shown.</summary>
        public static readonly string[] CredentialFields = { "access_token", "refresh_token", "id_token" };

        /// <summary>Text as users type it: ASCII, the characters encodings treat specially, Latin-1, CJK, emoji (surrogate pairs), controls.</summary>
        public static readonly Gen<string> Text = Weighted(
            (4, Gen.String[Gen.Char[' ', '~'], 0, 24]),
            (2, Gen.String[Gen.Char[":%+&=/?# \"\\'<>~*!()"], 0, 12]),
            (1, Gen.String[Gen.Char['\u00a0', '\u00ff'], 0, 8]),
            (1, Gen.String[Gen.Char['\u4e00', '\u4eff'], 0, 8]),
            (1, Gen.Int[0x1F600, 0x1F64F].Array[0, 4].Select(points => string.Concat(points.Select(char.ConvertFromUtf32)))),
            (1, Gen.String[Gen.Char['\0', '\u001f'], 0, 4]));

        /// <summary>Any text, then made valid UTF-16 (a lone surrogate cannot be sent as UTF-8).</summary>
        public static readonly Gen<string> AnyText = Weighted((3, Text), (1, Gen.String.Select(WellFormed)));

        /// <summary>A JSON number as a provider may write it: integers, fractions, exponents, edges, huge.</summary>
        public static readonly Gen<string> Number = Gen.OneOf(
            Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.Int[-10, 100_000].Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.Double.Where(d => !double.IsNaN(d) && !double.IsInfinity(d)).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
            Gen.OneOf("0", "-0", "3599.0", "1e3", "1E+300", "1e400", "-1e400", "0.0000001", "123456789012345678901234567890", "-5"));

        /// <summary>One of <paramref name="generators"/>, each as often as its weight says.</summary>
        public static Gen<string> Weighted(params (int Weight, IGen<string> Generator)[] generators) => Gen.Frequency(generators);

        /// <summary>Any JSON value, nested up to <paramref name="depth"/> levels, as text.</summary>
        public static Gen<string> JsonValue(int depth = 3)
        {
            var scalar = Weighted(
                (1, Gen.Const("null")),
                (1, Gen.OneOf("true", "false")),
                (3, Number),
                (4, AnyText.Select(Quote)),
                (2, Number.Select(Quote)));
            if (depth == 0)
            {
                return scalar;
            }

            var inner = JsonValue(depth - 1);
            return Weighted(
                (6, scalar),
                (1, inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
                (1, Gen.Select(Text, inner).Array[0, 3].Select(members => "{" + string.Join(",", members.Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}")));
        }

        /// <summary>A JSON value holding <paramref name="secret"/> somewhere: as a string, in an array, in an object, or with other text.</summary>
        public static Gen<string> HidingPlace(string secret) => Gen.OneOf(
            Gen.Const(Quote(secret)),
            JsonValue(1).Select(other => "[" + other + "," + Quote(secret) + "]"),
            Gen.Const("{\"value\":" + Quote(secret) + "}"),
            Gen.Const("{\"nested\":{\"deeper\":[" + Quote(secret) + "]}}"),
            Text.Select(other => Quote(other + secret)));

        /// <summary>JSON string syntax for <paramref name="text"/>, escaped as System.Text.Json does (\u escapes for non-ASCII).</summary>
        public static string Quote(string text)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStringValue(text);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary><paramref name="text"/> with every lone surrogate replaced, as UTF-8 encoding would.</summary>
        public static string WellFormed(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
    }
}
