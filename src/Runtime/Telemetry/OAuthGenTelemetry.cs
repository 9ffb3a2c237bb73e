using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// The <c>ActivitySource</c> and <c>Meter</c> named "OAuthGen". Tags carry provider names, grant types, hosts,
    /// statuses and error codes: never a secret or a token.
    /// </summary>
    internal static class OAuthGenTelemetry
    {
        public const string Name = "OAuthGen";

        public static readonly ActivitySource ActivitySource = new ActivitySource(Name, OAuthGen.OAuthGenVersion.Value);

        /// <summary>The OpenTelemetry HTTP conventions' buckets for request durations in seconds (5 ms to 10 s).</summary>
        internal static readonly double[] DurationBuckets = { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10 };

        public static readonly Meter Meter = new Meter(Name, OAuthGen.OAuthGenVersion.Value);

        public static readonly Histogram<double> TokenRequestDuration = Meter.CreateHistogram<double>(
            "oauthgen.token.request.duration",
            "s",
            "Duration of token endpoint requests.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

        public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
            "oauthgen.token.cache.hits", "{lookup}", "Token lookups answered from the cache.");

        public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>(
            "oauthgen.token.cache.misses", "{lookup}", "Token lookups that needed a token request.");
    }
}
