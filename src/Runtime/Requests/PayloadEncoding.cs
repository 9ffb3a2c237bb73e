using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Stage 5: how parameters become a body. A body is a run of segments, each the encoding of some parameters,
    /// joined by the encoding's separator inside its delimiters; a segment known before the request (grant_type, the
    /// client authentication, the declared parameters) is encoded once. The bytes are the same as encoding all the
    /// parameters at once. A query-string encoding would be a third kind here that writes the same segments into the
    /// URI instead of a body.
    /// </summary>
    internal abstract class PayloadEncoding
    {
        public static readonly PayloadEncoding Form = new FormEncoding();

        public static readonly PayloadEncoding Json = new JsonEncoding();

        public static PayloadEncoding For(BodyEncoding encoding) => encoding == BodyEncoding.Json ? Json : Form;

        /// <summary>The <c>Content-Type</c> of the body.</summary>
        public abstract string MediaType { get; }

        protected abstract byte Separator { get; }

        protected abstract byte[] Open { get; }

        protected abstract byte[] Close { get; }

        /// <summary>The bytes of <paramref name="parameters"/>, without delimiters; empty for none.</summary>
        public abstract byte[] EncodeSegment(IReadOnlyList<KeyValuePair<string, string>> parameters);

        /// <summary>The whole body: the segments that are not empty, in order.</summary>
        public byte[] Assemble(byte[] prefix, byte[] middle, byte[] suffix)
        {
            var length = Open.Length + prefix.Length + middle.Length + suffix.Length + Close.Length;
            var separators = (prefix.Length > 0 ? 1 : 0) + (middle.Length > 0 ? 1 : 0) + (suffix.Length > 0 ? 1 : 0);
            if (separators > 1)
            {
                length += separators - 1;
            }

            var body = new byte[length];
            var position = 0;
            Append(Open);
            var first = true;
            AppendSegment(prefix);
            AppendSegment(middle);
            AppendSegment(suffix);
            Append(Close);
            return body;

            void AppendSegment(byte[] segment)
            {
                if (segment.Length == 0)
                {
                    return;
                }

                if (!first)
                {
                    body[position++] = Separator;
                }

                first = false;
                Append(segment);
            }

            void Append(byte[] bytes)
            {
                Buffer.BlockCopy(bytes, 0, body, position, bytes.Length);
                position += bytes.Length;
            }
        }

        private sealed class FormEncoding : PayloadEncoding
        {
            private static readonly byte[] None = Array.Empty<byte>();

            public override string MediaType => "application/x-www-form-urlencoded";

            protected override byte Separator => (byte)'&';

            protected override byte[] Open => None;

            protected override byte[] Close => None;

            public override byte[] EncodeSegment(IReadOnlyList<KeyValuePair<string, string>> parameters) =>
                parameters.Count == 0 ? None : Encoding.ASCII.GetBytes(FormUrlEncoding.EncodeForm(parameters));
        }

        private sealed class JsonEncoding : PayloadEncoding
        {
            private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
            {
                // The body goes to a token endpoint as application/json, never into HTML, so '+', '&' and non-ASCII
                // characters are written as themselves rather than as \uXXXX escapes.
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };

            private static readonly byte[] OpenBrace = { (byte)'{' };
            private static readonly byte[] CloseBrace = { (byte)'}' };

            public override string MediaType => "application/json";

            protected override byte Separator => (byte)',';

            protected override byte[] Open => OpenBrace;

            protected override byte[] Close => CloseBrace;

            public override byte[] EncodeSegment(IReadOnlyList<KeyValuePair<string, string>> parameters)
            {
                if (parameters.Count == 0)
                {
                    return Array.Empty<byte>();
                }

                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
                {
                    writer.WriteStartObject();
                    foreach (var parameter in parameters)
                    {
                        writer.WriteString(parameter.Key, parameter.Value);
                    }

                    writer.WriteEndObject();
                }

                // The members without the braces around them: what they are inside any object.
                var written = buffer.GetBuffer();
                var segment = new byte[buffer.Length - 2];
                Buffer.BlockCopy(written, 1, segment, 0, segment.Length);
                return segment;
            }
        }
    }
}
