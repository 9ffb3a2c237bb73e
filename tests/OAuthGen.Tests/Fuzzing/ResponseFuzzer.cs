using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OAuthGen.Tests.Fuzzing
{
    /// <summary>One token endpoint answer to feed the client, and what it must make of it when that is known.</summary>
    internal sealed record FuzzInput(string Kind, HttpStatusCode Status, string MediaType, byte[] Body)
    {
        /// <summary>For generated valid tokens: the access token the client must return.</summary>
        public string? ExpectedAccessToken { get; init; }

        /// <summary>For generated valid tokens: the lifetime it must read, in seconds.</summary>
        public double? ExpectedExpiresIn { get; init; }

        /// <summary>For generated errors: the error code the OAuthException must carry.</summary>
        public string? ExpectedError { get; init; }

        public string Describe() =>
            $"{Kind} HTTP {(int)Status} {MediaType} {Body.Length} bytes: " +
            (Body.Length <= 400 ? Convert.ToBase64String(Body) : Convert.ToBase64String(Body, 0, 400) + "...");
    }

    /// <summary>
    /// Deterministic generator of token endpoint answers: property-based ones (valid tokens and errors, with an oracle,
    /// and structurally random objects whose standard fields have random types) and mutations of a corpus of real
    /// answers (bit flips, insertions, deletions, truncations, splices, type swaps, deep nesting, huge numbers,
    /// invalid UTF-8, random bytes).
    /// </summary>
    internal sealed class ResponseFuzzer
    {
        /// <summary>Fields of <see cref="FuzzToken"/>: typed reads by the generated factory.</summary>
        public static readonly string[] TypedFields = { "s", "b", "i", "l", "d", "t", "at", "list", "n" };

        private static readonly string[] StandardFields =
        {
            "access_token", "token_type", "expires_in", "refresh_token", "scope", "id_token", "error", "error_description", "error_uri",
            "ACCESS_TOKEN", "Expires_In",
        };

        private static readonly string[] Corpus =
        {
            "{\"access_token\":\"2YotnFZFEjr1zCsicMWpAA\",\"token_type\":\"example\",\"expires_in\":3600,\"refresh_token\":\"tGzv3JOkF0XG5Qx2TlKWIA\",\"example_parameter\":\"example_value\"}",
            "{\"error\":\"invalid_request\",\"error_description\":\"Missing grant_type\",\"error_uri\":\"https://example.com/errors\"}",
            "{\"refresh_token_expires_in\":\"0\",\"refresh_token_status\":\"\",\"api_product_list\":\"[Basic Plan]\",\"organization_name\":\"acme\",\"developer.email\":\"a@b.c\",\"token_type\":\"BearerToken\",\"issued_at\":\"1487281223451\",\"client_id\":\"abc\",\"access_token\":\"Mk9dL4kgSk3bpPqZk\",\"application_name\":\"app\",\"scope\":\"\",\"expires_in\":\"3599\",\"refresh_count\":\"0\",\"status\":\"approved\"}",
            "{\"access_token\":\"a\",\"token_type\":\"bearer\",\"expires_in\":16086,\"refresh_token\":\"r\",\"scope\":\"account\"}",
            "\uFEFF{ \"access_token\" : \"a\", /* comment */ \"expires_in\" : 3599.0, }",
            "access_token=abc&token_type=bearer&expires_in=3600&scope=read+write",
            "{\"access_token\":\"a\",\"scope\":[\"read\",\"write\"],\"id_token\":\"eyJ.x.y\",\"s\":\"x\",\"b\":\"true\",\"i\":\"42\",\"l\":9007199254740993,\"d\":1.5,\"t\":\"60\",\"at\":\"2026-11-22T12:00:00Z\",\"list\":\"a b c\",\"n\":1}",
            "{\"access_token\":\"\\u00e9\\ud83d\\ude00\\\"\\\\\\/\",\"expires_in\":null,\"token_type\":null}",
            "{\"error\":\"slow_down\"}",
            "<html><body>502 Bad Gateway</body></html>",
            "{}",
            "[]",
            "null",
        };

        private static readonly string[] Scalars =
        {
            "0", "-0", "1", "-1", "3600", "3600.5", "1e3", "1E+308", "1e309", "-1e309", "9223372036854775807", "9223372036854775808",
            "922337203685.4775807", "0.0000001", "true", "false", "null", "\"\"", "\" \"", "\"3600\"", "\"-1\"", "\"NaN\"", "\"Infinity\"",
            "\"1e400\"", "\"abc\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u00\"", "[]", "{}", "[1,\"a\",null]", "{\"a\":{\"b\":[]}}",
            "\"2026-11-22T12:00:00Z\"", "\"1487281223451\"", "253402300800", "-62135596801", "\"9999-12-31T23:59:59.9999999+14:00\"",
        };

        // Scalars that are valid JSON text: no lone surrogate, no cut escape.
        private static readonly string[] ValidScalars = Scalars.Where(s => !s.Contains("\\u", StringComparison.Ordinal)).ToArray();

        private static readonly byte[][] InvalidUtf8 =
        {
            new byte[] { 0xC3, 0x28 }, new byte[] { 0xFF }, new byte[] { 0xFE, 0xFF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xE0, 0x80, 0xAF },
            new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xF0, 0x9F, 0x98 },
            new byte[] { 0x00 },
        };

        private readonly Random _random;

        public ResponseFuzzer(int seed)
        {
            _random = new Random(seed);
        }

        /// <summary>Every edge value in every typed and standard field: exhaustive, not random.</summary>
        public static IEnumerable<FuzzInput> EdgeCases()
        {
            foreach (var field in TypedFields.Concat(StandardFields))
            {
                foreach (var value in Scalars)
                {
                    var json = "{" + (field.Equals("access_token", StringComparison.OrdinalIgnoreCase) ? "" : "\"access_token\":\"a\",") + Property(field, value) + "}";
                    yield return new FuzzInput("edge-value", HttpStatusCode.OK, "application/json", Encoding.UTF8.GetBytes(json));
                }
            }
        }

        public FuzzInput Next()
        {
            var pick = _random.Next(100);
            return pick switch
            {
                < 20 => ValidToken(),
                < 26 => ProviderError(),
                < 42 => RandomObject(),
                < 75 => Mutated(),
                < 81 => DeepNesting(),
                < 86 => HugeNumber(),
                < 92 => RandomForm(),
                < 99 => RandomBytes(),
                _ => Oversized(),
            };
        }

        // Property-based: a valid token in one of many legal shapes; the client must return exactly it.
        private FuzzInput ValidToken()
        {
            var accessToken = RandomText(1, 40);
            var fields = new List<string> { Property("access_token", JsonString(accessToken)) };
            double? expiresIn = null;
            if (_random.Next(3) > 0)
            {
                var seconds = _random.Next(5) switch
                {
                    0 => 0,
                    1 => _random.Next(1, 100_000),
                    2 => _random.NextDouble() * 1e6,
                    3 => _random.Next(1, 1_000_000_000) * 100d,
                    _ => Math.Round(_random.NextDouble() * 100_000, 3),
                };
                expiresIn = seconds;
                var text = seconds.ToString("R", CultureInfo.InvariantCulture);
                fields.Add(Property(Pick("expires_in", "EXPIRES_IN", "Expires_In"), _random.Next(2) == 0 ? text : JsonString(" " + text + " ")));
            }

            if (_random.Next(2) == 0)
            {
                fields.Add(Property("token_type", _random.Next(4) == 0 ? "null" : JsonString(Pick("Bearer", "bearer", "BearerToken", "mac", ""))));
            }

            if (_random.Next(2) == 0)
            {
                fields.Add(Property("scope", _random.Next(2) == 0 ? JsonString(RandomText(0, 20)) : "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => JsonString(RandomText(1, 8)))) + "]"));
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var extra = _random.Next(6); extra > 0; extra--)
            {
                var typed = _random.Next(3) == 0;
                var name = typed ? Pick(TypedFields) : RandomText(0, 12);
                if (IsStandard(name) || !names.Add(name) || (!typed && TypedFields.Contains(name)))
                {
                    continue;
                }

                fields.Add(Property(name, typed ? ValidTypedValue(name) : RandomJson(3, validOnly: true)));
            }

            Shuffle(fields);
            var json = Decorate("{" + string.Join(Whitespace() + "," + Whitespace(), fields) + (_random.Next(8) == 0 ? "," : "") + "}");
            return new FuzzInput("valid-token", HttpStatusCode.OK, Pick("application/json", "text/plain", "application/json; charset=utf-8"), Encoding.UTF8.GetBytes(json))
            {
                ExpectedAccessToken = accessToken,
                ExpectedExpiresIn = expiresIn,
            };
        }

        // Property-based: an RFC 6749 §5.2 error, in any status; the client must raise it with its code.
        private FuzzInput ProviderError()
        {
            var error = Pick("invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope") + (_random.Next(4) == 0 ? RandomText(0, 10) : "");
            var fields = new List<string> { Property("error", JsonString(error)) };
            if (_random.Next(2) == 0)
            {
                fields.Add(Property("error_description", JsonString(RandomText(0, 400))));
            }

            if (_random.Next(3) == 0)
            {
                fields.Add(Property("error_uri", JsonString(RandomText(0, 50))));
            }

            if (_random.Next(3) == 0)
            {
                fields.Add(Property("access_token", JsonString("a")));
            }

            Shuffle(fields);
            var status = (HttpStatusCode)Pick(400, 401, 403, 200, 500, 503);
            return new FuzzInput("provider-error", status, "application/json", Encoding.UTF8.GetBytes("{" + string.Join(",", fields) + "}")) { ExpectedError = error };
        }

        // Type swaps: standard and typed fields with values of any type.
        private FuzzInput RandomObject()
        {
            var fields = new List<string>();
            for (var count = _random.Next(8); count > 0; count--)
            {
                var name = _random.Next(3) switch
                {
                    0 => Pick(StandardFields),
                    1 => Pick(TypedFields),
                    _ => RandomText(0, 10),
                };
                fields.Add(Property(name, _random.Next(2) == 0 ? Pick(Scalars) : RandomJson(4)));
            }

            return new FuzzInput("type-swap", RandomStatus(), "application/json", Encoding.UTF8.GetBytes(Decorate("{" + string.Join(",", fields) + "}")));
        }

        private FuzzInput Mutated()
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Pick(Corpus)));
            var mutations = 1 + _random.Next(4);
            var names = new List<string>();
            for (var i = 0; i < mutations; i++)
            {
                var position = bytes.Count == 0 ? 0 : _random.Next(bytes.Count + 1);
                switch (_random.Next(11))
                {
                    case 0:
                        names.Add("flip");
                        if (bytes.Count > 0)
                        {
                            var at = _random.Next(bytes.Count);
                            bytes[at] ^= (byte)(1 << _random.Next(8));
                        }

                        break;
                    case 1:
                        names.Add("insert");
                        bytes.Insert(position, (byte)_random.Next(256));
                        break;
                    case 2:
                        names.Add("delete");
                        if (bytes.Count > 0)
                        {
                            var at = _random.Next(bytes.Count);
                            bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(8)));
                        }

                        break;
                    case 3:
                        names.Add("truncate");
                        bytes.RemoveRange(position, bytes.Count - position);
                        break;
                    case 4:
                        names.Add("duplicate");
                        if (bytes.Count > 0)
                        {
                            var at = _random.Next(bytes.Count);
                            var length = Math.Min(bytes.Count - at, 1 + _random.Next(32));
                            bytes.InsertRange(position, bytes.GetRange(at, length));
                        }

                        break;
                    case 5:
                        names.Add("splice");
                        var other = Encoding.UTF8.GetBytes(Pick(Corpus));
                        var from = _random.Next(other.Length + 1);
                        bytes.RemoveRange(position, bytes.Count - position);
                        bytes.AddRange(other.Skip(from));
                        break;
                    case 6:
                        names.Add("invalid-utf8");
                        bytes.InsertRange(position, Pick(InvalidUtf8));
                        break;
                    case 7:
                        names.Add("swap-value");
                        bytes = new List<byte>(Encoding.UTF8.GetBytes(SwapValue(Encoding.UTF8.GetString(bytes.ToArray()))));
                        break;
                    case 8:
                        names.Add("special");
                        bytes.InsertRange(position, Encoding.UTF8.GetBytes(Pick("\"", "\\", "{", "}", "[", "]", ",", ":", "/*", "*/", "//", "\\u", "\\ud800", "%", "&", "=", "+", "\r\n", "\t", "\uFEFF", "NaN", "-", "e", "1e99999")));
                        break;
                    case 9:
                        names.Add("repeat-key");
                        bytes.InsertRange(Math.Min(1, bytes.Count), Encoding.UTF8.GetBytes(Property(Pick(StandardFields), Pick(Scalars)) + ","));
                        break;
                    default:
                        names.Add("case");
                        var text = Encoding.UTF8.GetString(bytes.ToArray());
                        bytes = new List<byte>(Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? text.ToUpperInvariant() : text.ToLowerInvariant()));
                        break;
                }
            }

            return new FuzzInput("mutation:" + string.Join("+", names), RandomStatus(), Pick("application/json", "text/plain", "application/x-www-form-urlencoded", "text/html"), bytes.ToArray());
        }

        private FuzzInput DeepNesting()
        {
            var depth = _random.Next(4) switch
            {
                0 => _random.Next(1, 70),
                1 => _random.Next(60, 70),
                2 => _random.Next(70, 1000),
                _ => _random.Next(1000, 20_000),
            };
            var (open, close) = _random.Next(3) switch
            {
                0 => ("[", "]"),
                1 => ("{\"a\":", "}"),
                _ => ("[{\"a\":", "}]"),
            };
            var balanced = _random.Next(4) > 0;
            var inner = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                inner.Append(open);
            }

            inner.Append('1');
            if (balanced)
            {
                for (var i = 0; i < depth; i++)
                {
                    inner.Append(close);
                }
            }

            var field = Pick("x", "access_token", "scope", "expires_in", "error", "list", "s", "i");
            var json = "{\"access_token\":\"a\"," + Property(field, inner.ToString()) + (balanced ? "}" : "");
            return new FuzzInput("deep-nesting", HttpStatusCode.OK, "application/json", Encoding.UTF8.GetBytes(json));
        }

        private FuzzInput HugeNumber()
        {
            var digits = _random.Next(4) switch
            {
                0 => _random.Next(1, 30),
                1 => _random.Next(300, 320),
                2 => _random.Next(1000, 5000),
                _ => _random.Next(50_000, 200_000),
            };
            var number = new StringBuilder(Pick("", "-", "0.", "-0."));
            number.Append((char)('1' + _random.Next(9)));
            for (var i = 1; i < digits; i++)
            {
                number.Append((char)('0' + _random.Next(10)));
            }

            if (_random.Next(2) == 0)
            {
                number.Append(Pick("e", "E", "e+", "e-")).Append(_random.Next(3) == 0 ? new string('9', _random.Next(1, 50)) : _random.Next(1000).ToString(CultureInfo.InvariantCulture));
            }

            var value = _random.Next(3) == 0 ? JsonString(number.ToString()) : number.ToString();
            var field = Pick("expires_in", "i", "l", "d", "t", "at", "x", "access_token", "n");
            var json = "{\"access_token\":\"a\"," + Property(field, value) + "}";
            return new FuzzInput("huge-number", HttpStatusCode.OK, "application/json", Encoding.UTF8.GetBytes(json));
        }

        private FuzzInput RandomForm()
        {
            var pairs = new List<string>();
            for (var count = _random.Next(6); count >= 0; count--)
            {
                var name = _random.Next(2) == 0 ? Pick(StandardFields) : RandomFormText();
                pairs.Add(name + (_random.Next(8) == 0 ? "" : "=") + RandomFormText());
            }

            return new FuzzInput("form", RandomStatus(), "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(string.Join(Pick("&", "&&", ";", "&\r\n"), pairs)));
        }

        private FuzzInput RandomBytes()
        {
            var bytes = new byte[_random.Next(_random.Next(10) == 0 ? 65_536 : 512)];
            _random.NextBytes(bytes);
            if (bytes.Length > 0 && _random.Next(3) == 0)
            {
                bytes[0] = (byte)'{';
            }

            return new FuzzInput("random-bytes", RandomStatus(), "application/octet-stream", bytes);
        }

        private FuzzInput Oversized()
        {
            // Just over or under the 1 MiB default limit, as whitespace after a valid token.
            var size = OAuthClientOptions.DefaultMaxResponseBytes + _random.Next(-64, 64);
            var start = Encoding.UTF8.GetBytes("{\"access_token\":\"big\"}");
            var bytes = new byte[size];
            bytes.AsSpan().Fill((byte)' ');
            start.CopyTo(bytes, 0);
            return new FuzzInput("oversized", HttpStatusCode.OK, "application/json", bytes);
        }

        private string SwapValue(string json)
        {
            // Replace the value after one "name": with a value of another type.
            var colons = Enumerable.Range(0, json.Length).Where(i => json[i] == ':').ToList();
            if (colons.Count == 0)
            {
                return json;
            }

            var at = colons[_random.Next(colons.Count)] + 1;
            var end = at;
            var depth = 0;
            var inString = false;
            for (; end < json.Length; end++)
            {
                var c = json[end];
                if (inString)
                {
                    if (c == '\\')
                    {
                        end++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                if (c == '"')
                {
                    inString = true;
                }
                else if (c == '{' || c == '[')
                {
                    depth++;
                }
                else if (c == '}' || c == ']')
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    break;
                }
            }

            return json.Substring(0, at) + (_random.Next(2) == 0 ? Pick(Scalars) : RandomJson(3)) + json.Substring(Math.Min(end, json.Length));
        }

        // A value the generated factory of FuzzToken must read without complaint.
        private string ValidTypedValue(string name) => name switch
        {
            "s" => _random.Next(2) == 0 ? JsonString(RandomText(0, 20)) : RandomJson(0, validOnly: true),
            "b" => Pick("true", "false", "\"true\"", "\"FALSE\"", "\"1\"", "0", "null", "\"\""),
            "i" or "n" => _random.Next(2) == 0 ? _random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture) : JsonString(_random.Next(1000).ToString(CultureInfo.InvariantCulture)),
            "l" => Pick("9007199254740993", "-9223372036854775808", "\"42\"", "1.0e3"),
            "d" => Pick("1.5", "-0.0", "\"3.25\"", "1e300", "null"),
            "t" => Pick("60", "\"3600\"", "0.5", "-30"),
            "at" => Pick("1487281223451", "\"1487281223\"", "\"2026-11-22T12:00:00Z\"", "0"),
            _ => Pick("\"a b c\"", "[\"a\",1,null]", "[]", "\"\""),
        };

        private string RandomJson(int depth, bool validOnly = false)
        {
            switch (_random.Next(depth <= 0 ? 6 : 8))
            {
                case 0:
                    return JsonString(RandomText(0, 30));
                case 1:
                    return _random.Next(2) == 0 ? _random.Next().ToString(CultureInfo.InvariantCulture) : (_random.NextDouble() * Math.Pow(10, _random.Next(-10, 20))).ToString("R", CultureInfo.InvariantCulture);
                case 2:
                    return Pick("true", "false", "null");
                case 3:
                    return Pick(validOnly ? ValidScalars : Scalars);
                case 4:
                    return "-" + _random.Next(100_000).ToString(CultureInfo.InvariantCulture);
                case 5:
                    return JsonString(_random.Next(1_000_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture));
                case 6:
                    return "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => RandomJson(depth - 1, validOnly))) + "]";
                default:
                    return "{" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => Property(RandomText(0, 6), RandomJson(depth - 1, validOnly)))) + "}";
            }
        }

        private string RandomText(int min, int max)
        {
            var length = _random.Next(min, max + 1);
            var text = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                switch (_random.Next(10))
                {
                    case 0:
                        text.Append((char)_random.Next(0x20));
                        break;
                    case 1:
                        text.Append((char)_random.Next(0xA0, 0x2000));
                        break;
                    case 2:
                        text.Append(char.ConvertFromUtf32(_random.Next(0x1F300, 0x1F64F)));
                        break;
                    case 3:
                        text.Append(Pick('"', '\\', '/', '+', '%', '&', '=', ' ', ':', '\u2028'));
                        break;
                    default:
                        text.Append((char)_random.Next('!', '~' + 1));
                        break;
                }
            }

            return text.ToString();
        }

        private string RandomFormText()
        {
            var text = new StringBuilder();
            for (var i = _random.Next(12); i > 0; i--)
            {
                text.Append(_random.Next(6) switch
                {
                    0 => "%" + _random.Next(256).ToString("X2", CultureInfo.InvariantCulture),
                    1 => "%" + Pick("G", "", "4", "zz", "C3", "E2%82"),
                    2 => "+",
                    3 => Pick("é", "\u0000", "😀", "=", "&"),
                    _ => ((char)_random.Next('a', 'z' + 1)).ToString(),
                });
            }

            return text.ToString();
        }

        private string Decorate(string json)
        {
            if (_random.Next(12) == 0 && json.Length > 0)
            {
                json = json.Insert(1, "/* c */ ");
            }

            if (_random.Next(10) == 0)
            {
                json = " \r\n\t" + json + "\n";
            }

            if (_random.Next(10) == 0)
            {
                json = "\uFEFF" + json;
            }

            return json;
        }

        private string Whitespace() => _random.Next(4) == 0 ? Pick(" ", "\n", "\t", "\r\n  ") : "";

        private HttpStatusCode RandomStatus() => (HttpStatusCode)(_random.Next(4) > 0 ? 200 : Pick(201, 204, 400, 401, 403, 404, 429, 500, 502, 503));

        private static bool IsStandard(string name) =>
            StandardFields.Any(field => string.Equals(field, name, StringComparison.OrdinalIgnoreCase));

        private static string Property(string name, string value) => JsonString(name) + ":" + value;

        private static string JsonString(string value) =>
            JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

        private void Shuffle<T>(IList<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}
