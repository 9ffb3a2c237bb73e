using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;

namespace OAuthGen.Infrastructure
{
    /// <summary>The span and duration measurement of one token request.</summary>
    internal sealed class TokenRequestTelemetry : IDisposable
    {
        private readonly string _provider;
        private readonly string _grantType;
        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private string _outcome = "failure";
        private string? _errorType;

        public TokenRequestTelemetry(string provider, string grantType, Uri endpoint)
        {
            _provider = provider;
            _grantType = grantType;
            _activity = OAuthGenTelemetry.ActivitySource.StartActivity("OAuthGen token request", ActivityKind.Client);
            if (_activity is not null)
            {
                _activity.SetTag("oauthgen.provider", provider);
                _activity.SetTag("oauthgen.grant_type", grantType);
                _activity.SetTag("server.address", endpoint.Host);
                _activity.SetTag("server.port", endpoint.Port);
            }
        }

        /// <summary>The telemetry of one request, or null when no one listens to the activity source or the duration histogram: then nothing is measured or tagged.</summary>
        public static TokenRequestTelemetry? StartIfObserved(string provider, string grantType, Uri endpoint) =>
            OAuthGenTelemetry.ActivitySource.HasListeners() || OAuthGenTelemetry.TokenRequestDuration.Enabled
                ? new TokenRequestTelemetry(provider, grantType, endpoint)
                : null;

        public HttpStatusCode? StatusCode { get; set; }

        public void Succeeded() => _outcome = "success";

        public Exception Failed(Exception exception)
        {
            // The OAuth error code (invalid_client, ...) or the exception type: never its message, which quotes the provider.
            _errorType = exception is OAuthException { Error: { } error } ? error : exception.GetType().Name;
            return exception;
        }

        public void Dispose()
        {
            var elapsed = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
            var tags = new TagList
            {
                { "oauthgen.provider", _provider },
                { "oauthgen.grant_type", _grantType },
                { "oauthgen.outcome", _outcome },
            };
            if (StatusCode is { } status)
            {
                tags.Add("http.response.status_code", (int)status);
            }

            OAuthGenTelemetry.TokenRequestDuration.Record(elapsed, tags);
            if (_activity is null)
            {
                return;
            }

            if (StatusCode is { } code)
            {
                _activity.SetTag("http.response.status_code", (int)code);
            }

            if (_outcome != "success")
            {
                _activity.SetTag("error.type", _errorType ?? "unknown");
                _activity.SetStatus(ActivityStatusCode.Error);
            }

            _activity.Dispose();
        }
    }
}
