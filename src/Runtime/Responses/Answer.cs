using System;
using System.Collections.Generic;
using System.Net;

namespace OAuthGen.Infrastructure
{
    /// <summary>What came back: status, body (a pooled buffer) and the secrets to keep out of any message about it.</summary>
    internal readonly struct Answer
    {
        public Answer(HttpStatusCode status, bool isSuccess, byte[] bytes, int length, DateTimeOffset receivedAt, IReadOnlyList<string> secrets, TimeSpan? retryAfter, IReadOnlyList<string> secretFields, ResponseShape? shape = null)
        {
            Shape = shape;
            SecretFields = secretFields;
            RetryAfter = retryAfter;
            Status = status;
            IsSuccess = isSuccess;
            Bytes = bytes;
            Length = length;
            ReceivedAt = receivedAt;
            Secrets = secrets;
        }

        public HttpStatusCode Status { get; }

        public bool IsSuccess { get; }

        public byte[] Bytes { get; }

        public int Length { get; }

        public DateTimeOffset ReceivedAt { get; }

        public IReadOnlyList<string> Secrets { get; }

        /// <summary>The wait the answer asked for in <c>Retry-After</c>, if any.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The response fields the provider's token type marks secret.</summary>
        public IReadOnlyList<string> SecretFields { get; }

        /// <summary>Where the provider's token answers keep their fields, when not where RFC 6749 puts them.</summary>
        public ResponseShape? Shape { get; }

        /// <summary>What every text about this answer goes through: it knows the request's secrets and the answer's credentials.</summary>
        public Redactor Redactor() => new Redactor(Secrets, SecretFields).Seeing(Bytes, Length);
    }
}
