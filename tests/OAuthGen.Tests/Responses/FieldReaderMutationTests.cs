using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OAuthGen.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Responses
{
    /// <summary>
    /// The typed field conversions (<see cref="TokenFieldReader"/>) value by value, each read both ways generated code
    /// reads it: captured in the reading pass and from AdditionalFields. Comparing the two ways alone cannot catch a
    /// conversion broken in both (the survivors of the first mutation run, issue 15), so each result is asserted.
    /// </summary>
    public class FieldReaderMutationTests
    {
        private static readonly TokenFieldSet<OAuthToken> One = new(new[] { "v" }, _ => new OAuthToken());

        private static string Unreadable(string type) => "The token response field 'v' could not be read as " + type + ".";

        // Both ways of reading member "v" of {"access_token":"a","v":<json>} (no member for null), which must agree.
        private static T Value<T>(string? json, Func<IReadOnlyDictionary<string, JsonElement>, string, T> byName, Func<TokenFieldValues, T> captured)
        {
            var read = Answer(json);
            var fromCapture = captured(read.ValuesOf(One));
            var fromDictionary = byName(read.AdditionalFields, "v");
            Assert.Equal(fromDictionary, fromCapture);
            return fromCapture;
        }

        private static string Failure<T>(string json, Func<IReadOnlyDictionary<string, JsonElement>, string, T> byName, Func<TokenFieldValues, T> captured)
        {
            var read = Answer(json);
            var fromCapture = Assert.Throws<OAuthException>(() => captured(read.ValuesOf(One)));
            var fromDictionary = Assert.Throws<OAuthException>(() => byName(read.AdditionalFields, "v"));
            Assert.Equal(fromDictionary.Message, fromCapture.Message);
            return fromCapture.Message;
        }

        private static TokenResponse Answer(string? json)
        {
            var body = "{\"access_token\":\"a\"" + (json is null ? "" : ",\"v\":" + json) + "}";
            var read = TokenResponseReader.Read(Encoding.UTF8.GetBytes(body), out var problem, One);
            Assert.True(read is not null, problem);
            return read!;
        }

        [Theory]
        [InlineData("\" text \"", " text ")]
        [InlineData("12.50", "12.50")]
        [InlineData("true", "true")]
        [InlineData("false", "false")]
        [InlineData("{\"a\":[1, \"b\"]}", "{\"a\":[1, \"b\"]}")]
        [InlineData("[]", "[]")]
        [InlineData("\"\"", "")]
        [InlineData("null", null)]
        [InlineData(null, null)]
        public void Strings(string? json, string? expected)
        {
            Assert.Equal(expected, Value(json, TokenFieldReader.GetString, v => v.GetString(0)));
        }

        [Theory]
        [InlineData("true", true)]
        [InlineData("\"TRUE\"", true)]
        [InlineData("\" True \"", true)]
        [InlineData("1", true)]
        [InlineData("\"1\"", true)]
        [InlineData("false", false)]
        [InlineData("\"FALSE\"", false)]
        [InlineData("0", false)]
        [InlineData("\" 0\"", false)]
        [InlineData("\"\"", null)]
        [InlineData("\"  \"", null)]
        [InlineData("null", null)]
        [InlineData(null, null)]
        public void Booleans(string? json, bool? expected)
        {
            Assert.Equal(expected, Value(json, TokenFieldReader.GetBoolean, v => v.GetBoolean(0)));
        }

        [Theory]
        [InlineData("2")]
        [InlineData("1.0")]
        [InlineData("\"yes\"")]
        [InlineData("\"t\"")]
        [InlineData("{}")]
        [InlineData("[true]")]
        public void What_is_no_boolean(string json)
        {
            Assert.Equal(Unreadable("a Boolean"), Failure(json, TokenFieldReader.GetBoolean, v => v.GetBoolean(0)));
        }

        [Theory]
        [InlineData("2147483647", int.MaxValue)]
        [InlineData("-2147483648", int.MinValue)]
        [InlineData("\"42\"", 42)]
        [InlineData("\" -7 \"", -7)]
        [InlineData("2.0", 2)]
        [InlineData("1e3", 1000)]
        [InlineData("\"\"", null)]
        [InlineData("null", null)]
        [InlineData(null, null)]
        public void Int32s(string? json, int? expected)
        {
            Assert.Equal(expected, Value(json, TokenFieldReader.GetInt32, v => v.GetInt32(0)));
        }

        [Theory]
        [InlineData("2147483648")]
        [InlineData("-2147483649")]
        [InlineData("1.5")]
        [InlineData("\"many\"")]
        [InlineData("true")]
        [InlineData("{}")]
        [InlineData("1e400")]
        public void What_is_no_int32(string json)
        {
            Assert.Equal(Unreadable("an Int32"), Failure(json, TokenFieldReader.GetInt32, v => v.GetInt32(0)));
        }

        [Theory]
        [InlineData("9007199254740993", 9007199254740993L)]
        [InlineData("\"-12\"", -12L)]
        [InlineData("9223372036854775807", long.MaxValue)]
        [InlineData("-9223372036854775808", long.MinValue)]
        [InlineData("1e3", 1000L)]
        [InlineData("\"2.0\"", 2L)]
        [InlineData("-9.223372036854775808e18", long.MinValue)]
        [InlineData("\"\"", null)]
        [InlineData("null", null)]
        [InlineData(null, null)]
        public void Int64s(string? json, long? expected)
        {
            Assert.Equal(expected, Value(json, TokenFieldReader.GetInt64, v => v.GetInt64(0)));
        }

        [Theory]
        [InlineData("9223372036854775808")]
        [InlineData("9.223372036854775807e18")]
        [InlineData("1.5")]
        [InlineData("\"x\"")]
        [InlineData("[1]")]
        [InlineData("1e400")]
        public void What_is_no_int64(string json)
        {
            Assert.Equal(Unreadable("an Int64"), Failure(json, TokenFieldReader.GetInt64, v => v.GetInt64(0)));
        }

        [Theory]
        [InlineData("1.5", 1.5)]
        [InlineData("\"2e3\"", 2000d)]
        [InlineData("-0.25", -0.25)]
        [InlineData("\"\"", null)]
        [InlineData(null, null)]
        public void Doubles(string? json, double? expected)
        {
            Assert.Equal(expected, Value(json, TokenFieldReader.GetDouble, v => v.GetDouble(0)));
        }

        [Theory]
        [InlineData("\"NaN\"")]
        [InlineData("\"Infinity\"")]
        [InlineData("1e400")]
        [InlineData("\"1,5\"")]
        [InlineData("[1]")]
        [InlineData("false")]
        public void What_is_no_double(string json)
        {
            Assert.Equal(Unreadable("a Double"), Failure(json, TokenFieldReader.GetDouble, v => v.GetDouble(0)));
        }

        [Theory]
        [InlineData("90", 900_000_000L)]
        [InlineData("\"0.5\"", 5_000_000L)]
        [InlineData("-5", -50_000_000L)]
        [InlineData("\"\"", null)]
        [InlineData(null, null)]
        public void TimeSpans(string? json, long? ticks)
        {
            Assert.Equal(ticks is null ? null : TimeSpan.FromTicks(ticks.Value), Value(json, TokenFieldReader.GetTimeSpan, v => v.GetTimeSpan(0)));
        }

        [Fact]
        public void A_timespan_just_below_the_largest_is_read_and_the_largest_is_not()
        {
            var max = TimeSpan.MaxValue.TotalSeconds;
            var below = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(max) - 1);

            Assert.True(Value(below.ToString("R", CultureInfo.InvariantCulture), TokenFieldReader.GetTimeSpan, v => v.GetTimeSpan(0)) > TimeSpan.FromDays(10_000_000));
            Assert.True(Value("-" + below.ToString("R", CultureInfo.InvariantCulture), TokenFieldReader.GetTimeSpan, v => v.GetTimeSpan(0)) < TimeSpan.FromDays(-10_000_000));
            foreach (var json in new[] { max.ToString("R", CultureInfo.InvariantCulture), "-" + max.ToString("R", CultureInfo.InvariantCulture), "1e300", "\"soon\"", "{}" })
            {
                Assert.Equal(Unreadable("a TimeSpan in seconds"), Failure(json, TokenFieldReader.GetTimeSpan, v => v.GetTimeSpan(0)));
            }
        }

        [Theory]
        [InlineData("1700000000", "2023-11-14T22:13:20+00:00")]
        [InlineData("\"1700000000\"", "2023-11-14T22:13:20+00:00")]
        [InlineData("1700000000000", "2023-11-14T22:13:20+00:00")]
        [InlineData("1700000000.5", "2023-11-14T22:13:20.5+00:00")]
        [InlineData("99999999999", "5138-11-16T09:46:39+00:00")]
        [InlineData("100000000000", "1973-03-03T09:46:40+00:00")]
        [InlineData("-100000000000", "1966-10-31T14:13:20+00:00")]
        [InlineData("-62135596800", "0001-01-01T00:00:00+00:00")]
        [InlineData("253402300799999", "9999-12-31T23:59:59.999+00:00")]
        [InlineData("\"2026-11-22T12:00:00Z\"", "2026-11-22T12:00:00+00:00")]
        [InlineData("\"2026-11-22T12:00:00\"", "2026-11-22T12:00:00+00:00")]
        [InlineData("\"2026-11-22T13:00:00+01:00\"", "2026-11-22T13:00:00+01:00")]
        [InlineData("\"\"", null)]
        [InlineData(null, null)]
        public void DateTimeOffsets(string? json, string? expected)
        {
            var value = Value(json, TokenFieldReader.GetDateTimeOffset, v => v.GetDateTimeOffset(0));

            Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
            Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).Offset, value?.Offset);
        }

        [Theory]
        [InlineData("-62135596801")]
        [InlineData("253402300800000")]
        [InlineData("1e300")]
        [InlineData("\"NaN\"")]
        [InlineData("\"soon\"")]
        [InlineData("true")]
        [InlineData("{}")]
        [InlineData("[1700000000]")]
        public void What_is_no_point_in_time(string json)
        {
            Assert.Equal(Unreadable("a DateTimeOffset"), Failure(json, TokenFieldReader.GetDateTimeOffset, v => v.GetDateTimeOffset(0)));
        }

        [Theory]
        [InlineData("[\"x\",1,{\"k\":\"v\"},null,true,\" y \"]", new[] { "x", "1", "{\"k\":\"v\"}", "null", "true", " y " })]
        [InlineData("\" a b  c \"", new[] { "a", "b", "c" })]
        [InlineData("\"\"", new string[0])]
        [InlineData("[]", new string[0])]
        [InlineData("7", new[] { "7" })]
        [InlineData("null", null)]
        [InlineData(null, null)]
        public void String_arrays(string? json, string[]? expected)
        {
            Assert.Equal(expected, Value(json, TokenFieldReader.GetStringArray, v => v.GetStringArray(0)));
        }

        [Fact]
        public void An_object_is_no_list_of_strings()
        {
            Assert.Equal(Unreadable("a list of strings"), Failure("{\"a\":\"b\"}", TokenFieldReader.GetStringArray, v => v.GetStringArray(0)));
        }

        [Fact]
        public void Reading_from_no_dictionary_is_an_argument_error()
        {
            Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => TokenFieldReader.GetString(null!, "v")).ParamName);
            Assert.Equal("fields", Assert.Throws<ArgumentNullException>(() => TokenFieldReader.GetInt64(null!, "v")).ParamName);
        }
    }
}
