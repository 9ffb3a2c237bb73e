using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>
    /// A strict RFC 8259 reader for metadata documents, small enough to live in the generator (which cannot carry
    /// System.Text.Json into every compiler host; see docs/decisions.md). It reads the whole text into plain values:
    /// objects as ordered member lists, arrays as lists, strings, numbers kept as their text, booleans and null.
    /// Anything RFC 8259 does not allow is refused with where it was found, never half-read.
    /// </summary>
    internal sealed class MetadataJson
    {
        /// <summary>Deeper than any metadata document nests; a bound on the recursion for hostile text.</summary>
        public const int MaxDepth = 32;

        private readonly string _text;
        private int _position;

        private MetadataJson(string text)
        {
            _text = text;
        }

        /// <summary>A JSON number, kept as written.</summary>
        public sealed class Number
        {
            public Number(string text)
            {
                Text = text;
            }

            public string Text { get; }
        }

        /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> (completes "is not JSON: ...") when it is not one JSON value.</summary>
        public static object? Parse(string text, out string? error)
        {
            var reader = new MetadataJson(text);
            try
            {
                if (reader._position < text.Length && text[0] == '\uFEFF')
                {
                    reader._position++;
                }

                var value = reader.ReadValue(0);
                reader.SkipWhiteSpace();
                if (reader._position < text.Length)
                {
                    throw reader.Fail("there is more text after the value");
                }

                error = null;
                return value;
            }
            catch (FormatException e)
            {
                error = e.Message;
                return null;
            }
        }

        /// <summary>The JSON kind of a parsed value, for messages.</summary>
        public static string KindOf(object? value) => value switch
        {
            null => "null",
            string => "string",
            bool => "boolean",
            Number => "number",
            List<object?> => "array",
            _ => "object",
        };

        private object? ReadValue(int depth)
        {
            SkipWhiteSpace();
            if (_position >= _text.Length)
            {
                throw Fail("the text ends where a value should be");
            }

            switch (_text[_position])
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    return ReadString();
                case 't':
                    ReadLiteral("true");
                    return true;
                case 'f':
                    ReadLiteral("false");
                    return false;
                case 'n':
                    ReadLiteral("null");
                    return null;
                default:
                    return ReadNumber();
            }
        }

        private List<KeyValuePair<string, object?>> ReadObject(int depth)
        {
            CheckDepth(depth);
            _position++;
            var members = new List<KeyValuePair<string, object?>>();
            SkipWhiteSpace();
            if (Peek() == '}')
            {
                _position++;
                return members;
            }

            while (true)
            {
                SkipWhiteSpace();
                if (Peek() != '"')
                {
                    throw Fail("a member name must be a string in double quotes");
                }

                var name = ReadString();
                SkipWhiteSpace();
                Expect(':', "a ':' must follow a member name");
                members.Add(new KeyValuePair<string, object?>(name, ReadValue(depth)));
                SkipWhiteSpace();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                Expect('}', "a ',' or '}' must follow a member");
                return members;
            }
        }

        private List<object?> ReadArray(int depth)
        {
            CheckDepth(depth);
            _position++;
            var items = new List<object?>();
            SkipWhiteSpace();
            if (Peek() == ']')
            {
                _position++;
                return items;
            }

            while (true)
            {
                items.Add(ReadValue(depth));
                SkipWhiteSpace();
                if (Peek() == ',')
                {
                    _position++;
                    continue;
                }

                Expect(']', "a ',' or ']' must follow an array item");
                return items;
            }
        }

        private string ReadString()
        {
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw Fail("a string is not closed");
                }

                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    _position--;
                    throw Fail("a string holds a control character, which JSON requires escaped");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    throw Fail("a string is not closed");
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !ushort.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Fail("a \\u escape needs four hexadecimal digits");
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        _position--;
                        throw Fail("'\\" + escape + "' is not a JSON escape");
                }
            }
        }

        private Number ReadNumber()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            if (Peek() == '0')
            {
                _position++;
            }
            else if (!SkipDigits())
            {
                _position = start;
                throw Fail("'" + _text[start] + "' cannot start a JSON value");
            }

            if (Peek() == '.')
            {
                _position++;
                if (!SkipDigits())
                {
                    throw Fail("a number needs digits after its '.'");
                }
            }

            if (Peek() is 'e' or 'E')
            {
                _position++;
                if (Peek() is '+' or '-')
                {
                    _position++;
                }

                if (!SkipDigits())
                {
                    throw Fail("a number needs digits in its exponent");
                }
            }

            return new Number(_text.Substring(start, _position - start));
        }

        private bool SkipDigits()
        {
            var start = _position;
            while (Peek() is >= '0' and <= '9')
            {
                _position++;
            }

            return _position > start;
        }

        private void ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw Fail("'" + _text[_position] + "' cannot start a JSON value");
            }

            _position += literal.Length;
        }

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Fail("objects and arrays nest deeper than " + MaxDepth + " levels");
            }
        }

        private void Expect(char expected, string otherwise)
        {
            if (Peek() != expected)
            {
                throw Fail(otherwise);
            }

            _position++;
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void SkipWhiteSpace()
        {
            while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
        }

        private FormatException Fail(string reason)
        {
            var line = 1;
            var column = 1;
            for (var i = 0; i < _position && i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new FormatException(reason + " (line " + line + ", column " + column + ")");
        }
    }
}
