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

        public static readonly Meter Meter = new Meter(Name, OAuthGen.OAuthGenVersion.Value);

        public static readonly Histogram<double> TokenRequestDuration = Meter.CreateHistogram<double>(
            "oauthgen.token.request.duration", "s", "Duration of token endpoint requests.");

        public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
            "oauthgen.token.cache.hits", "{lookup}", "Token lookups answered from the cache.");

        public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>(
            "oauthgen.token.cache.misses", "{lookup}", "Token lookups that needed a token request.");
    }
}
