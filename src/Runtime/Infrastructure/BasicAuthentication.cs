using System;
using System.Text;

namespace OAuthGen.Infrastructure
{
    /// <summary>The credentials of an <c>Authorization: Basic</c> header for client authentication.</summary>
    internal static class BasicAuthentication
    {
        public static string EncodeCredentials(string clientId, string clientSecret, BasicAuthEncoding encoding)
        {
            var pair = encoding == BasicAuthEncoding.Plain
                ? clientId + ":" + clientSecret
                : FormUrlEncoding.Encode(clientId) + ":" + FormUrlEncoding.Encode(clientSecret);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
        }
    }
}
