using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// The span and duration measurement of one token request, with the OpenTelemetry HTTP client conventions
    /// (<c>http.request.method</c>, <c>server.address</c>, <c>server.port</c>, <c>url.full</c>,
    /// <c>http.response.status_code</c>, <c>error.type</c>) beside OAuthGen's own <c>oauthgen.*</c> tags.
    /// </summary>
    internal sealed class TokenRequestTelemetry : IDisposable
    {
        private readonly string _provider;
        private readonly string _grantType;
        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private string _outcome = "failure";
        private Exception? _failure;

        public TokenRequestTelemetry(string provider, string grantType, Uri endpoint)
        {
            _provider = provider;
            _grantType = grantType;
            _activity = OAuthGenTelemetry.ActivitySource.StartActivity("OAuthGen token request", ActivityKind.Client);
            if (_activity is not null)
            {
                AddRequestTags(_activity, provider, grantType, endpoint);
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
            _failure = exception;
            return exception;
        }

        public void Dispose()
        {
            var elapsed = (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency;
            var errorType = _outcome == "success" ? null : ErrorType(StatusCode, _failure);
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

            if (errorType is not null)
            {
                tags.Add("error.type", errorType);
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

            if (errorType is not null)
            {
                _activity.SetTag("error.type", errorType);
                if (_failure is OAuthException { Error: { } oauthError })
                {
                    _activity.SetTag("oauthgen.error", oauthError);
                }

                _activity.SetStatus(ActivityStatusCode.Error);
            }

            _activity.Dispose();
        }

        /// <summary>The request's tags, all in one place: hosts, ports, the method and the address without its query.</summary>
        private static void AddRequestTags(Activity activity, string provider, string grantType, Uri endpoint)
        {
            activity.SetTag("oauthgen.provider", provider);
            activity.SetTag("oauthgen.grant_type", grantType);
            activity.SetTag("http.request.method", "POST");
            activity.SetTag("server.address", endpoint.Host);
            activity.SetTag("server.port", endpoint.Port);
            activity.SetTag("url.full", FullUrl(endpoint));
        }

        /// <summary>
        /// The endpoint with no user information and its query values replaced by <c>*</c>, as .NET's own HttpClient
        /// telemetry does: a provider may take a key or a tenant secret in the query.
        /// </summary>
        internal static string FullUrl(Uri endpoint)
        {
            var address = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            return endpoint.Query.Length > 1 ? address + "?*" : address;
        }

        /// <summary>
        /// <c>error.type</c> as the HTTP conventions define it: the status code of an error answer, otherwise the full
        /// name of the exception type of the cause (a timeout, a refused connection), otherwise of the failure itself
        /// (an answer that is not a token). The OAuth error code goes in <c>oauthgen.error</c>.
        /// </summary>
        internal static string ErrorType(HttpStatusCode? status, Exception? failure)
        {
            if (status is { } code && (int)code >= 400)
            {
                return ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var cause = failure is OAuthException { InnerException: { } inner } ? inner : failure;
            return cause?.GetType().FullName ?? "_OTHER";
        }
    }
}
