using System;
using System.Text;

namespace OAuthGen.Infrastructure
{
    /// <summary>The credentials of an <c>Authorization: Basic</c> header for client authentication.</summary>
    internal static class BasicAuthentication
    {
        public static string EncodeCredentials(string clientId, string clientSecret, BasicAuthEncoding encoding)
        {
            if (encoding == BasicAuthEncoding.Plain && clientId.IndexOf(':') >= 0)
            {
                // RFC 7617 §2: the user-id cannot contain a colon; the provider would take the id to end at the first one.
                throw new InvalidOperationException(
                    "The client id contains ':', which a Basic header with BasicAuthEncoding.Plain cannot carry (RFC 7617 §2): the provider " +
                    "would read the id only up to it. Use BasicAuthEncoding.Rfc6749 (form-encoded, as RFC 6749 §2.3.1 says) or ClientSecretPost.");
            }

            var pair = encoding == BasicAuthEncoding.Plain
                ? clientId + ":" + clientSecret
                : FormUrlEncoding.Encode(clientId) + ":" + FormUrlEncoding.Encode(clientSecret);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
        }
    }
}
