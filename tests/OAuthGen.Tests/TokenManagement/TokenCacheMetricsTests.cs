using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthGen.Tests.Seeds;
using OAuthGen.Tokens;
using Xunit;

namespace OAuthGen.Tests.TokenManagement
{
    /// <summary>Cache hits and misses as a metrics pipeline counts them, and what serving a cached token costs.</summary>
    [Collection(nameof(ObservabilityTests))] // listens to the process-wide Meter, and measures this thread's allocations
    public class TokenCacheMetricsTests
    {
        [Fact]
        public async Task Hits_from_memory_and_from_the_shared_cache_and_misses_are_counted_per_provider()
        {
            var measurements = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
            using var listener = new MeterListener
            {
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name == "OAuthGen" && instrument.Name.StartsWith("oauthgen.token.cache.", StringComparison.Ordinal))
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
                measurements.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => t.Key + "=" + t.Value)))));
            listener.Start();
            var cache = new ScriptedTokenCache();
            using var first = new TokenSetup(s => s.AddSingleton<IOAuthTokenCache>(cache));
            using var second = new TokenSetup(s => s.AddSingleton<IOAuthTokenCache>(cache));

            await first.Tokens.GetTokenAsync();  // a miss
            await second.Tokens.GetTokenAsync(); // a hit in the shared cache
            await second.Tokens.GetTokenAsync(); // a hit in memory

            Assert.Equal(
                new[]
                {
                    ("oauthgen.token.cache.misses", 1L, "oauthgen.provider=PoderoAuth"),
                    ("oauthgen.token.cache.hits", 1L, "oauthgen.provider=PoderoAuth"),
                    ("oauthgen.token.cache.hits", 1L, "oauthgen.provider=PoderoAuth"),
                },
                measurements.ToArray());
        }

        [Fact]
        public async Task Serving_a_cached_token_allocates_nothing_but_what_a_listener_to_its_cache_hit_does()
        {
            var endpoint = new CountingTokenEndpoint();
            using var services = TokenManagementHarness.Build(endpoint);
            var tokens = services.GetRequiredService<ClientCredentialsTokenManager<PoderoAuth>>();
            await tokens.GetTokenAsync();
            await tokens.GetTokenAsync("read");
            Serve(tokens);

            CountHits();

            var (served, allocated) = Serve(tokens);
            var listening = CountHits();

            // The test assembly's SentinelWatch listens to every measurement: what it allocates for 2000 hits is allowed.
            Assert.Equal((2000, 2), (served, endpoint.Requests));
            Assert.True(allocated <= listening + 1024, $"{allocated} bytes for 2000 cached tokens, where 2000 cache hits alone cost {listening}");
        }

        // What 2000 cache hits cost, as the manager counts them, with whatever listens to them.
        private static long CountHits()
        {
            var tag = new KeyValuePair<string, object?>("oauthgen.provider", nameof(PoderoAuth));
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 2000; i++)
            {
                OAuthGen.Infrastructure.OAuthGenTelemetry.CacheHits.Add(1, tag);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // A thousand tokens of the default scope and a thousand of another, all from memory: how many, and the bytes allocated meanwhile.
        private static (int Served, long Allocated) Serve(ClientCredentialsTokenManager<PoderoAuth> tokens)
        {
            var served = 0;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                var byDefault = tokens.GetTokenAsync();
                var read = tokens.GetTokenAsync("read");
                served += (byDefault.IsCompletedSuccessfully ? 1 : 0) + (read.IsCompletedSuccessfully ? 1 : 0);
            }

            return (served, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
