using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OAuthGen.Infrastructure
{
    /// <summary>The parameters of one token request, in the order they go on the wire, and which of them are secret.</summary>
    internal sealed class TokenRequestBody
    {
        private static readonly JsonWriterOptions JsonOptions = new JsonWriterOptions
        {
            // The body goes to a token endpoint as application/json, never into HTML, so '+', '&' and non-ASCII
            // characters are written as themselves rather than as \uXXXX escapes.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private readonly List<KeyValuePair<string, string>> _parameters = new List<KeyValuePair<string, string>>();
        private readonly List<string> _secrets = new List<string>();

        private readonly bool _authenticationFirst;

        private TokenRequestBody(string operation, string? grantType, bool authenticationFirst = false)
        {
            Operation = operation;
            _authenticationFirst = authenticationFirst;
            if (grantType is not null)
            {
                Add("grant_type", grantType);
            }
        }

        public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

        /// <summary>A token request: grant_type first, the client's authentication right after it.</summary>
        public static TokenRequestBody ForGrant(string grantType) => new TokenRequestBody(grantType, grantType);

        /// <summary>
        /// A request to another endpoint: the client's authentication first (device authorization, RFC 8628 §3.1) or
        /// last (revocation and introspection, RFC 7009 §2.1 and RFC 7662 §2.1), as each RFC's example has it.
        /// </summary>
        public static TokenRequestBody ForOperation(string operation, bool authenticationFirst) => new TokenRequestBody(operation, grantType: null, authenticationFirst);

        /// <summary>The grant type, or the name of the endpoint's operation: for telemetry.</summary>
        public string Operation { get; }

        private bool IsTokenRequest => _parameters.Count > 0 && _parameters[0].Key == "grant_type";

        /// <summary>Every secret value the request carries, in the body or its headers.</summary>
        public IReadOnlyList<string> Secrets => _secrets;

        public void Add(string name, string value) => _parameters.Add(new KeyValuePair<string, string>(name, value));

        public void AddSecret(string name, string value)
        {
            Add(name, value);
            AddSecretValue(value);
        }

        public void AddSecretValue(string value) => _secrets.Add(value);

        /// <summary>Puts the client's authentication parameters where providers document them: after grant_type, or last.</summary>
        public void AddClientAuthentication(IReadOnlyList<KeyValuePair<string, string>> parameters)
        {
            var index = IsTokenRequest ? 1 : _authenticationFirst ? 0 : _parameters.Count;
            _parameters.InsertRange(index, parameters);
        }

        public HttpContent ToContent(BodyEncoding encoding)
        {
            byte[] bytes;
            string mediaType;
            if (encoding == BodyEncoding.Json)
            {
                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
                {
                    writer.WriteStartObject();
                    foreach (var parameter in _parameters)
                    {
                        writer.WriteString(parameter.Key, parameter.Value);
                    }

                    writer.WriteEndObject();
                }

                bytes = buffer.ToArray();
                mediaType = "application/json";
            }
            else
            {
                bytes = Encoding.ASCII.GetBytes(FormUrlEncoding.EncodeForm(_parameters));
                mediaType = "application/x-www-form-urlencoded";
            }

            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return content;
        }
    }
}
