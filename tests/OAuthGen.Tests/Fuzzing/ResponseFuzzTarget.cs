using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen.Infrastructure;
using OAuthGen.Tokens;

namespace OAuthGen.Tests.Fuzzing
{
    /// <summary>What became of one fuzzed answer.</summary>
    internal enum FuzzOutcome
    {
        Token,
        OAuthException,
        Failure,
    }

    /// <summary>
    /// Feeds answers to the lenient reader and to a generated client (typed token, in-memory handler, no retries), and
    /// checks: the reader never throws; the client returns a token or throws an <see cref="OAuthException"/>, nothing
    /// else; generated valid tokens and errors come back exactly; a token survives the cache serializer; the reader
    /// allocates in proportion to its input.
    /// </summary>
    internal sealed class ResponseFuzzTarget
    {
        /// <summary>The reader may allocate this many bytes per input byte, plus <see cref="AllocationAllowance"/>.</summary>
        public const int AllocationFactor = 16;

        public const long AllocationAllowance = 256 * 1024;

        private readonly ReplayHandler _handler = new();
        private readonly FuzzAuth _client;

        public ResponseFuzzTarget()
        {
            var options = new OAuthClientOptions
            {
                ClientId = "fuzz",
                ClientSecret = "fuzz-Sentinel-secret",
                RetryTransientFailures = false,
            };
            _client = new FuzzAuth(new HttpClient(_handler) { Timeout = Timeout.InfiniteTimeSpan }, options);
        }

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        public List<string> Failures { get; } = new();

        /// <summary>The most the reader allocated for one input, and that input's size.</summary>
        public (long Allocated, int InputBytes) PeakAllocation { get; private set; }

        public FuzzOutcome Run(FuzzInput input)
        {
            var outcome = RunCore(input, out var problem);
            var key = outcome + " " + Category(input.Kind);
            Counts[key] = Counts.TryGetValue(key, out var count) ? count + 1 : 1;
            if (outcome == FuzzOutcome.Failure && Failures.Count < 20)
            {
                Failures.Add(problem + "\n  input: " + input.Describe());
            }

            return outcome;
        }

        private static string Category(string kind) => kind.StartsWith("mutation:", StringComparison.Ordinal) ? "mutation" : kind;

        private FuzzOutcome RunCore(FuzzInput input, out string? problem)
        {
            // 1. The reader alone: a result or a reason, never an exception; memory in proportion to the input.
            try
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                TokenResponseReader.Read(input.Body, out _);
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated > PeakAllocation.Allocated)
                {
                    PeakAllocation = (allocated, input.Body.Length);
                }

                if (allocated > (long)AllocationFactor * input.Body.Length + AllocationAllowance)
                {
                    problem = $"the reader allocated {allocated} bytes for {input.Body.Length}";
                    return FuzzOutcome.Failure;
                }
            }
            catch (Exception e)
            {
                problem = "the reader threw " + e;
                return FuzzOutcome.Failure;
            }

            // 2. The generated client: a token or an OAuthException.
            _handler.Next = input;
            FuzzToken token;
            try
            {
                token = _client.RequestClientCredentialsTokenAsync().GetAwaiter().GetResult();
            }
            catch (OAuthException e)
            {
                if (input.ExpectedAccessToken is not null)
                {
                    problem = "a valid token was refused: " + e.Message;
                    return FuzzOutcome.Failure;
                }

                if (input.ExpectedError is not null && e.Error != input.ExpectedError)
                {
                    problem = $"the error '{input.ExpectedError}' came back as '{e.Error}': {e.Message}";
                    return FuzzOutcome.Failure;
                }

                if (string.IsNullOrWhiteSpace(e.Message) || e.Message.Contains("fuzz-Sentinel-secret", StringComparison.Ordinal))
                {
                    problem = "an OAuthException without a useful, secret-free message: " + e.Message;
                    return FuzzOutcome.Failure;
                }

                problem = null;
                return FuzzOutcome.OAuthException;
            }
            catch (Exception e)
            {
                problem = "the client threw " + e;
                return FuzzOutcome.Failure;
            }

            if (input.ExpectedError is not null)
            {
                problem = $"the error '{input.ExpectedError}' came back as a token";
                return FuzzOutcome.Failure;
            }

            if (input.ExpectedAccessToken is not null)
            {
                if (token.AccessToken != input.ExpectedAccessToken)
                {
                    problem = "the access token came back as " + token.AccessToken;
                    return FuzzOutcome.Failure;
                }

                var expected = input.ExpectedExpiresIn;
                var actual = token.ExpiresIn?.TotalSeconds;
                if (expected.HasValue != actual.HasValue || (expected is { } e && Math.Abs(e - actual!.Value) > Math.Max(1e-6, e * 1e-12)))
                {
                    problem = $"expires_in {expected} came back as {actual}";
                    return FuzzOutcome.Failure;
                }
            }

            if (string.IsNullOrEmpty(token.AccessToken))
            {
                problem = "a token without an access token";
                return FuzzOutcome.Failure;
            }

            // 3. What the caches keep must read back.
            try
            {
                var copy = OAuthTokenSerializer.Deserialize(OAuthTokenSerializer.Serialize(token));
                if (copy is null || copy.AccessToken != token.AccessToken || copy.ExpiresIn.HasValue != token.ExpiresIn.HasValue
                    || (copy.ExpiresIn is { } lifetime && Math.Abs((lifetime - token.ExpiresIn!.Value).TotalMilliseconds) > 1))
                {
                    problem = "the token did not survive the cache serializer";
                    return FuzzOutcome.Failure;
                }
            }
            catch (Exception e)
            {
                problem = "the cache serializer threw " + e;
                return FuzzOutcome.Failure;
            }

            problem = null;
            return FuzzOutcome.Token;
        }

        /// <summary>Answers every request with the current input, synchronously.</summary>
        private sealed class ReplayHandler : HttpMessageHandler
        {
            public FuzzInput Next { get; set; } = null!;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var content = new ByteArrayContent(Next.Body);
                content.Headers.TryAddWithoutValidation("Content-Type", Next.MediaType);
                return Task.FromResult(new HttpResponseMessage(Next.Status) { Content = content, RequestMessage = request });
            }
        }
    }
}
