using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OAuthGen.Tests.Infrastructure
{
    /// <summary>Collects every log line (with its exception), OAuthGen span tag and OAuthGen measurement.</summary>
    internal sealed class TelemetryCapture : ILoggerProvider
    {
        private readonly ActivityListener _activities;
        private readonly MeterListener _meters = new();

        public TelemetryCapture()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "OAuthGen",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity => Spans.Add((activity.Source.Name, activity.DisplayName, activity.TagObjects.Select(t => $"{t.Key}={t.Value}").ToList())),
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "OAuthGen")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
        }

        public ConcurrentBag<(int EventId, string Text)> Logs { get; } = new();

        public ConcurrentBag<(string Source, string Name, List<string> Tags)> Spans { get; } = new();

        public ConcurrentBag<string> Measurements { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
            _activities.Dispose();
            _meters.Dispose();
        }

        private void Record(Instrument instrument, object value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var text = new StringBuilder(instrument.Name).Append(' ').Append(value);
            foreach (var tag in tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }

            Measurements.Add(text.ToString());
        }

        private sealed class Logger(TelemetryCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Logs.Add((eventId.Id, $"{category} {logLevel} {formatter(state, exception)} {exception} {StructuredValues(state)}"));

            // What a structured logging sink stores besides the message: every named value.
            private static string StructuredValues<TState>(TState state) =>
                state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(" ", values.Select(value => value.Key + "=" + value.Value)) : "";
        }
    }
}
