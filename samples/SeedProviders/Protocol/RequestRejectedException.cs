using System;

namespace SeedProviders.Protocol;

/// <summary>Ends validation early; the server sends <see cref="Reply"/> instead of a success.</summary>
internal sealed class RequestRejectedException(Reply reply) : Exception(reply.Body)
{
    public Reply Reply { get; } = reply;
}
