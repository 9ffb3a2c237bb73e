using System;
using System.Net;

namespace OAuthGen
{
    /// <summary>
    /// A token request failed at the protocol level: the provider answered with an error (RFC 6749 §5.2), an
    /// unexpected status, or a response that is not a token; or it could not be reached. The message never
    /// contains a secret.
    /// </summary>
    public class OAuthException : Exception
    {
        /// <summary>Creates an exception with a message.</summary>
        public OAuthException(string message)
            : base(message)
        {
        }

        /// <summary>Creates an exception with a message and the exception that caused it.</summary>
        public OAuthException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }

        /// <summary>Creates an exception describing a provider's answer.</summary>
        public OAuthException(
            string message,
            string? error,
            string? errorDescription,
            string? errorUri,
            HttpStatusCode? statusCode,
            string? responseExcerpt,
            Exception? innerException = null)
            : base(message, innerException)
        {
            Error = error;
            ErrorDescription = errorDescription;
            ErrorUri = errorUri;
            StatusCode = statusCode;
            ResponseExcerpt = responseExcerpt;
        }

        /// <summary>The RFC 6749 §5.2 <c>error</c> code, such as <c>invalid_client</c>, when the provider sent one.</summary>
        public string? Error { get; }

        /// <summary>The provider's <c>error_description</c>.</summary>
        public string? ErrorDescription { get; }

        /// <summary>The provider's <c>error_uri</c>.</summary>
        public string? ErrorUri { get; }

        /// <summary>The HTTP status of the answer, or null when there was none.</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>The start of the response body, with any secret of the request removed.</summary>
        public string? ResponseExcerpt { get; }

        /// <summary>The wait the provider asked for in a <c>Retry-After</c> header (with a 503 or a 429, say), or null.</summary>
        public TimeSpan? RetryAfter { get; internal set; }
    }
}
