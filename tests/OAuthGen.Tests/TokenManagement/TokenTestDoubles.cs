using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OAuthGen.Tokens;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>One log event as a structured sink keeps it.</summary>
    internal sealed record LogEvent(string Category, LogLevel Level, int Id, string? Name, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception)
    {
        public object? this[string key] => Values.TryGetValue(key, out var value) ? value : null;

        /// <summary>Everything a sink could write: the message, every structured value and the exception.</summary>
        public string Everything => Message + " " + string.Join(" ", Values.Select(v => v.Key + "=" + v.Value)) + " " + Exception;
    }

    /// <summary>Keeps every log event of every category, at every level.</summary>
    internal sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public IReadOnlyList<LogEvent> WithId(int id) => Events.Where(e => e.Id == id).ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CollectingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? pairs.ToDictionary(p => p.Key, p => p.Value)
                    : new Dictionary<string, object?>();
                provider.Events.Enqueue(new LogEvent(category, logLevel, eventId.Id, eventId.Name, formatter(state, exception), values, exception));
            }
        }
    }

    /// <summary>
    /// The synchronization context of a caller that blocks on the answer (a UI thread, classic ASP.NET): work posted to
    /// it is counted, then run by the test's own pump. Library code that resumed on it would deadlock such a caller.
    /// The answers of the test doubles are completed by the pump too, with this context current, as they would be on
    /// the caller's thread: so every await of the library finds them not yet complete, and on this context.
    /// </summary>
    internal sealed class CallerContext : SynchronizationContext
    {
        private readonly BlockingCollection<Action> _work = new();
        private int _posts;

        /// <summary>How many continuations were posted to the caller's context.</summary>
        public int Posts => Volatile.Read(ref _posts);

        public override SynchronizationContext CreateCopy() => this;

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            _work.Add(() => d(state));
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            d(state);
        }

        /// <summary>
        /// A task whose answer the pump computes once the current work has returned, and that completes off this context:
        /// completed on the pump itself, a continuation that captured this context would run inline without a post, and
        /// an await without ConfigureAwait(false) would go unseen.
        /// </summary>
        public Task<T> Later<T>(Func<T> answer)
        {
            var completion = new TaskCompletionSource<T>();
            _work.Add(() =>
            {
                T result;
                try
                {
                    result = answer();
                }
                catch (Exception e)
                {
                    ThreadPool.QueueUserWorkItem(_ => completion.SetException(e));
                    return;
                }

                ThreadPool.QueueUserWorkItem(_ => completion.SetResult(result));
            });
            return completion.Task;
        }

        public Task Later(Action answer) => Later<object?>(() =>
        {
            answer();
            return null;
        });

        /// <summary>Starts <paramref name="call"/> on this context and pumps until it completes (within ten seconds).</summary>
        public T Run<T>(Func<Task<T>> call)
        {
            var previous = Current;
            Task<T> task;
            SetSynchronizationContext(this);
            try
            {
                task = call();
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
                while (!task.IsCompleted && DateTime.UtcNow < deadline)
                {
                    if (_work.TryTake(out var work, TimeSpan.FromMilliseconds(20)))
                    {
                        work();
                    }
                }
            }
            finally
            {
                SetSynchronizationContext(previous);
            }

            if (!task.IsCompleted)
            {
                throw new TimeoutException("The call did not complete within ten seconds.");
            }

            return task.GetAwaiter().GetResult();
        }
    }

    /// <summary>An HTTP endpoint whose answers come from <see cref="Answer"/>, synchronously or through <see cref="Context"/>.</summary>
    internal sealed class ScriptedHandler : HttpMessageHandler
    {
        private int _requests;

        public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer)
        {
            Answer = answer;
        }

        public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; }

        /// <summary>When set, answers complete later, from the caller's context.</summary>
        public CallerContext? Context { get; set; }

        public int Requests => Volatile.Read(ref _requests);

        public ConcurrentQueue<string?> SeenTokens { get; } = new();

        public static HttpResponseMessage Token(string accessToken, int expiresIn = 3600) => Json(HttpStatusCode.OK,
            $"{{\"access_token\":\"{accessToken}\",\"token_type\":\"Bearer\",\"expires_in\":{expiresIn}}}");

        public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            SeenTokens.Enqueue(request.Headers.Authorization?.Parameter);
            return Context is { } context ? context.Later(() => Answer(request)) : Task.FromResult(Answer(request));
        }
    }

    /// <summary>A shared token cache in memory that counts its calls, can fail, and can answer through the caller's context.</summary>
    internal sealed class ScriptedTokenCache : IOAuthTokenCache
    {
        private readonly ConcurrentDictionary<string, OAuthToken> _entries = new(StringComparer.Ordinal);
        private int _reads;
        private int _writes;

        public int Reads => Volatile.Read(ref _reads);

        public int Writes => Volatile.Read(ref _writes);

        public ConcurrentQueue<string> Keys { get; } = new();

        /// <summary>When set, what the next reads answer instead of the entries (one a read; then the entries again).</summary>
        public ConcurrentQueue<OAuthToken?> NextReads { get; } = new();

        public Func<Exception>? ReadFailure { get; set; }

        public Func<Exception>? WriteFailure { get; set; }

        public CallerContext? Context { get; set; }

        public OAuthToken? this[string key] => _entries.TryGetValue(key, out var token) ? token : null;

        public Task<OAuthToken?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            Keys.Enqueue(key);
            return Answer(() =>
            {
                if (ReadFailure is { } failure)
                {
                    throw failure();
                }

                return NextReads.TryDequeue(out var next) ? next : this[key];
            });
        }

        public Task SetAsync(string key, OAuthToken token, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _writes);
            Keys.Enqueue(key);
            return Answer<object?>(() =>
            {
                if (WriteFailure is { } failure)
                {
                    throw failure();
                }

                _entries[key] = token;
                return null;
            });
        }

        public Task RemoveAsync(string key, CancellationToken cancellationToken)
        {
            _entries.TryRemove(key, out _);
            return Task.CompletedTask;
        }

        private Task<T> Answer<T>(Func<T> answer)
        {
            if (Context is { } context)
            {
                return context.Later(answer);
            }

            try
            {
                return Task.FromResult(answer());
            }
            catch (Exception e)
            {
                return Task.FromException<T>(e);
            }
        }
    }

    /// <summary>A request lock that grants or refuses as told, and records what it was asked.</summary>
    internal sealed class ScriptedLock : IOAuthTokenRequestLock
    {
        private int _released;

        public bool Grant { get; set; } = true;

        public Func<Exception>? AcquireFailure { get; set; }

        public Func<Exception>? ReleaseFailure { get; set; }

        public CallerContext? Context { get; set; }

        public ConcurrentQueue<(string Key, TimeSpan Duration)> Requests { get; } = new();

        public int Released => Volatile.Read(ref _released);

        public Task<IOAuthTokenLease?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
        {
            Requests.Enqueue((key, duration));
            Func<IOAuthTokenLease?> answer = () => AcquireFailure is { } failure ? throw failure() : Grant ? new Lease(this) : null;
            if (Context is { } context)
            {
                return context.Later(answer);
            }

            try
            {
                return Task.FromResult(answer());
            }
            catch (Exception e)
            {
                return Task.FromException<IOAuthTokenLease?>(e);
            }
        }

        private sealed class Lease(ScriptedLock owner) : IOAuthTokenLease
        {
            public Task ReleaseAsync()
            {
                Action release = () =>
                {
                    if (owner.ReleaseFailure is { } failure)
                    {
                        throw failure();
                    }

                    Interlocked.Increment(ref owner._released);
                };
                if (owner.Context is { } context)
                {
                    return context.Later(release);
                }

                try
                {
                    release();
                    return Task.CompletedTask;
                }
                catch (Exception e)
                {
                    return Task.FromException(e);
                }
            }
        }
    }
}
