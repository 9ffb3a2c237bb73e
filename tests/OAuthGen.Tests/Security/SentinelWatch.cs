using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;

namespace OAuthGen.Tests.Security
{
    /// <summary>
    /// Watches the whole test run, from the moment the test assembly loads: every span and every measurement of the
    /// "OAuthGen" ActivitySource and Meter, and every exception OAuthGen throws (any type) or any OAuthException, first
    /// chance, caught or not. Every secret in this suite carries the marker "Sentinel"; none may appear in any of them.
    /// <see cref="SecretScanTests"/> asserts it after the parallel part of the suite has run.
    /// </summary>
    internal static class SentinelWatch
    {
        public const string Marker = "Sentinel";

        private static readonly ConcurrentQueue<string> Found = new();
        private static long _spans;
        private static long _measurements;
        private static long _exceptions;

        public static IReadOnlyCollection<string> Violations => Found.ToArray();

        public static long Spans => Interlocked.Read(ref _spans);

        public static long Measurements => Interlocked.Read(ref _measurements);

        public static long Exceptions => Interlocked.Read(ref _exceptions);

#pragma warning disable CA2255 // A module initializer in a test assembly: the watch must start before any test runs.
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void Start()
        {
            var activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "OAuthGen",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    Interlocked.Increment(ref _spans);
                    var text = new StringBuilder(activity.DisplayName).Append(' ').Append(activity.StatusDescription);
                    foreach (var tag in activity.TagObjects)
                    {
                        text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
                    }

                    foreach (var activityEvent in activity.Events)
                    {
                        text.Append(' ').Append(activityEvent.Name);
                        foreach (var tag in activityEvent.Tags)
                        {
                            text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
                        }
                    }

                    Check("span", text.ToString());
                },
            };
            ActivitySource.AddActivityListener(activities);

            var meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == "OAuthGen")
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, tags));
            meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, tags));
            meters.Start();

            AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
            {
                var exception = e.Exception;
                if (exception is OAuthException || exception.TargetSite?.DeclaringType?.Assembly == typeof(OAuthToken).Assembly)
                {
                    Interlocked.Increment(ref _exceptions);
                    Check("exception", exception.GetType().Name + ": " + string.Join(" | ", Describe(exception)));
                }
            };
        }

        /// <summary>Everything an exception shows: message, ToString, the OAuth fields, Data, and the same of every inner exception.</summary>
        public static IEnumerable<string> Describe(Exception exception)
        {
            yield return exception.ToString();
            for (var current = exception; current is not null; current = current.InnerException)
            {
                yield return current.Message;
                if (current is OAuthException oauth)
                {
                    yield return oauth.Error ?? "";
                    yield return oauth.ErrorDescription ?? "";
                    yield return oauth.ErrorUri ?? "";
                    yield return oauth.ResponseExcerpt ?? "";
                }

                foreach (System.Collections.DictionaryEntry entry in current.Data)
                {
                    yield return entry.Key + "=" + entry.Value;
                }
            }
        }

        private static void Measured(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            Interlocked.Increment(ref _measurements);
            var text = new StringBuilder(instrument.Name);
            foreach (var tag in tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }

            Check("measurement", text.ToString());
        }

        private static void Check(string kind, string text)
        {
            if (text.Contains(Marker, StringComparison.Ordinal) && Found.Count < 50)
            {
                Found.Enqueue(kind + ": " + text);
            }
        }
    }
}
