using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Finds the credential values of an answer for the <see cref="Redactor"/>: every member whose name
    /// <see cref="Redactor.IsCredentialName"/> accepts, at any depth, whatever the type of its value, in valid, broken
    /// or truncated JSON, in form-encoded text and in JSON quoted inside anything else (an HTML error page). It runs
    /// only when something about an answer is to be shown, never on the way to a token, and on its own, because the
    /// token reader stops at the first fault and a credential may come after it.
    /// </summary>
    internal static class AnswerCredentials
    {
        private const int MinBareLength = 8;

        private static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        };

        /// <summary>
        /// Adds to <paramref name="values"/> the decoded credential values of <paramref name="body"/>, to be hidden wherever they
        /// appear, and to <paramref name="texts"/> the values as written, each with what replaces it; the start of the body
        /// that an excerpt is cut from is <paramref name="excerptWindow"/>.
        /// </summary>
        public static void Collect(ReadOnlySpan<byte> body, string excerptWindow, Redactor redactor, List<string> values, List<KeyValuePair<string, string>> texts)
        {
            ReadJson(body, redactor, values, texts);
            var text = Encoding.UTF8.GetString(body.ToArray());
            ScanQuotedMembers(text, redactor, values, texts);
            ReadForm(text, redactor, values, texts);

            // A credential the window cuts in two: its start, as the window shows it.
            if (excerptWindow.Length < text.Length)
            {
                ScanQuotedMembers(excerptWindow, redactor, values, texts);
            }

            texts.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        }

        // Decodes escaped names ("acc\u0065ss_token") and values; stops where the JSON breaks, the text scan goes on.
        private static void ReadJson(ReadOnlySpan<byte> body, Redactor redactor, List<string> values, List<KeyValuePair<string, string>> texts)
        {
            var reader = new Utf8JsonReader(body, ReaderOptions);
            var start = -1;
            try
            {
                while (reader.Read())
                {
                    if (reader.TokenType != JsonTokenType.PropertyName)
                    {
                        continue;
                    }

                    var isCredential = TryGetString(ref reader) is { } name && redactor.IsCredentialName(name);
                    if (!reader.Read() || !isCredential)
                    {
                        continue;
                    }

                    start = (int)reader.TokenStartIndex;
                    if (reader.TokenType == JsonTokenType.String && TryGetString(ref reader) is { } value)
                    {
                        values.Add(value);
                    }

                    if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }

                    AddText(texts, body.Slice(start, (int)reader.BytesConsumed - start));
                    start = -1;
                }
            }
            catch (JsonException)
            {
                // A credential whose value the JSON broke in the middle of: hidden from its start to the end.
                if (start >= 0)
                {
                    AddText(texts, body.Slice(start));
                }
            }
        }

        private static string? TryGetString(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        private static void AddText(List<KeyValuePair<string, string>> texts, ReadOnlySpan<byte> written)
        {
            var text = Encoding.UTF8.GetString(written.ToArray());
            var replacement = text.Length > 0 && text[0] == '"' ? "\"" + Redactor.Mask + (text.Length > 1 && text[text.Length - 1] == '"' ? "\"" : "") : Redactor.Mask;
            AddText(texts, text, replacement);
        }

        private static void AddText(List<KeyValuePair<string, string>> texts, string text, string replacement)
        {
            // "x" (with its quotes), an object or an array is worth hiding whole. A bare number or true is hidden only
            // when long: 400 or 3600 would be hidden wherever it appears, in "HTTP 400" too.
            var isBare = text.Length > 0 && text[0] != '"' && text[0] != '{' && text[0] != '[' && text.IndexOf('=') < 0;
            if (text.Length >= (isBare ? MinBareLength : 3))
            {
                texts.Add(new KeyValuePair<string, string>(text, replacement));
            }
        }

        // "name" : value, anywhere in the text: past the point where the JSON broke, and in bodies that are not JSON.
        private static void ScanQuotedMembers(string text, Redactor redactor, List<string> values, List<KeyValuePair<string, string>> texts)
        {
            // The end of the last credential object or array measured: one inside it is hidden with it and not measured
            // again, and no other is measured, so that nesting costs linear time.
            var measured = 0;
            for (var i = text.IndexOf('"'); i >= 0 && i < text.Length; i = text.IndexOf('"', i + 1))
            {
                var nameEnd = EndOfString(text, i);
                if (nameEnd >= text.Length)
                {
                    return;
                }

                var colon = SkipSpace(text, nameEnd + 1);
                if (colon >= text.Length || text[colon] != ':')
                {
                    // Not a member name: go on from its closing quote, which may open the next string.
                    ScanQuotedJson(text, i, nameEnd, redactor, values, texts);
                    i = nameEnd - 1;
                    continue;
                }

                var name = text.Substring(i + 1, nameEnd - i - 1);
                var valueStart = SkipSpace(text, colon + 1);
                if (valueStart >= text.Length)
                {
                    return;
                }

                var isString = text[valueStart] == '"';
                var isCredential = redactor.IsCredentialName(name);
                var stringEnd = isString ? EndOfString(text, valueStart) : valueStart;
                var valueEnd = isString ? Math.Min(stringEnd + 1, text.Length)
                    : isCredential && valueStart >= measured ? measured = EndOfValue(text, valueStart)
                    : valueStart;
                if (valueEnd > valueStart && isCredential)
                {
                    var written = text.Substring(valueStart, valueEnd - valueStart);
                    if (written[0] == '"')
                    {
                        var closed = written.Length > 1 && written[written.Length - 1] == '"';
                        values.Add(written.Substring(1, written.Length - (closed ? 2 : 1)));
                        AddText(texts, written, "\"" + Redactor.Mask + (closed ? "\"" : ""));
                    }
                    else
                    {
                        AddText(texts, written, Redactor.Mask);
                    }
                }
                else if (isString)
                {
                    ScanQuotedJson(text, valueStart, stringEnd, redactor, values, texts);
                }

                // Past a string value; into an object or array value, whose members are looked at too.
                i = isString ? valueEnd - 1 : nameEnd;
            }
        }

        // JSON quoted in the string opened at start and closed at end (or cut off there), as in an upstream answer a
        // gateway wraps ("{\"access_token\":\"...\"}"): its members, read with \" and \\ unescaped. Each level of quoting
        // doubles the backslashes, so there are few levels.
        private static void ScanQuotedJson(string text, int start, int end, Redactor redactor, List<string> values, List<KeyValuePair<string, string>> texts)
        {
            if (text.IndexOf("\\\"", start, end - start, StringComparison.Ordinal) < 0)
            {
                return;
            }

            var unquoted = new StringBuilder(end - start);
            for (var i = start + 1; i < end; i++)
            {
                if (text[i] == '\\' && i + 1 < end && (text[i + 1] == '"' || text[i + 1] == '\\'))
                {
                    i++;
                }

                unquoted.Append(text[i]);
            }

            ScanQuotedMembers(unquoted.ToString(), redactor, values, texts);
        }

        // The index of the quote that closes the string opened at start, or the text's length.
        private static int EndOfString(string text, int start)
        {
            for (var i = start + 1; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == '"')
                {
                    return i;
                }
            }

            return text.Length;
        }

        // The end (exclusive) of the JSON value starting at start that is not a string: a balanced object or array, or a
        // scalar.
        private static int EndOfValue(string text, int start)
        {
            if (text[start] != '{' && text[start] != '[')
            {
                var end = start;
                while (end < text.Length && text[end] != ',' && text[end] != '}' && text[end] != ']' && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                return end;
            }

            var depth = 0;
            for (var i = start; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '"':
                        i = EndOfString(text, i);
                        break;
                    case '{':
                    case '[':
                        depth++;
                        break;
                    case '}':
                    case ']':
                        if (--depth == 0)
                        {
                            return i + 1;
                        }

                        break;
                }
            }

            return text.Length;
        }

        private static int SkipSpace(string text, int i)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i;
        }

        // name=value&...: the form-encoded answers some providers send.
        private static void ReadForm(string text, Redactor redactor, List<string> values, List<KeyValuePair<string, string>> texts)
        {
            if (text.IndexOf('=') < 0 || text.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                return;
            }

            foreach (var pair in text.Split('&', '\n', '?', ' ', '"'))
            {
                var separator = pair.IndexOf('=');
                if (separator <= 0)
                {
                    continue;
                }

                var name = pair.Substring(0, separator).Trim();
                if (!redactor.IsCredentialName(FormUrlEncoding.Decode(name)))
                {
                    continue;
                }

                var value = pair.Substring(separator + 1).Trim();
                values.Add(value);
                values.Add(FormUrlEncoding.Decode(value));

                AddText(texts, name + "=" + value, name + "=" + Redactor.Mask);
            }
        }
    }
}
