using System;
using System.Threading;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// One deadline for the whole exchange, headers and body: <see cref="System.Net.Http.HttpClient.Timeout"/> covers only the headers
    /// when the answer is streamed (to enforce <see cref="OAuthClientOptions.MaxResponseBytes"/>), so the body read shares
    /// the same budget through this token. Its source is reused from request to request (reset once the exchange is
    /// over and disposed), and linked to the caller's token only when that one can be cancelled.
    /// </summary>
    internal sealed class RequestDeadlines
    {
        private readonly CancellationTokenSource?[] _spare = new CancellationTokenSource?[8];

        public RequestDeadline Start(TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (timeout == Timeout.InfiniteTimeSpan)
            {
                return new RequestDeadline(this, null, default, cancellationToken);
            }

            var source = Rent();
            source.CancelAfter(timeout);
            var link = cancellationToken.CanBeCanceled
                ? cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), source)
                : default;
            return new RequestDeadline(this, source, link, source.Token);
        }

        internal void Return(CancellationTokenSource source)
        {
#if NET
            if (source.TryReset())
            {
                for (var i = 0; i < _spare.Length; i++)
                {
                    if (Interlocked.CompareExchange(ref _spare[i], source, null) is null)
                    {
                        return;
                    }
                }
            }
#endif
            source.Dispose();
        }

        private CancellationTokenSource Rent()
        {
            for (var i = 0; i < _spare.Length; i++)
            {
                if (_spare[i] is not null && Interlocked.Exchange(ref _spare[i], null) is { } spare)
                {
                    return spare;
                }
            }

            return new CancellationTokenSource();
        }
    }

    /// <summary>The deadline of one exchange; dispose it after the answer (and its body) is disposed.</summary>
    internal readonly struct RequestDeadline : IDisposable
    {
        private readonly RequestDeadlines _owner;
        private readonly CancellationTokenSource? _source;
        private readonly CancellationTokenRegistration _link;

        public RequestDeadline(RequestDeadlines owner, CancellationTokenSource? source, CancellationTokenRegistration link, CancellationToken token)
        {
            _owner = owner;
            _source = source;
            _link = link;
            Token = token;
        }

        public CancellationToken Token { get; }

        public void Dispose()
        {
            if (_source is null)
            {
                return;
            }

            _link.Dispose();
            _owner.Return(_source);
        }
    }
}
