using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using System.Threading;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// The stages of one provider's requests, in the order a request flows (docs/decisions.md, "The runtime engine"):
    /// endpoint (<see cref="EndpointResolver"/>) → parameters (<see cref="GrantDescriptor"/>, <see cref="TokenRequestBody"/>)
    /// → client authentication (<see cref="ClientAuthenticationStrategy"/>) → headers (<see cref="RequestHeaders"/>)
    /// → payload (<see cref="PayloadEncoding"/>, <see cref="RequestTemplate"/>) → transport (<see cref="TokenRequestSender"/>,
    /// <see cref="OriginGuard"/>, <see cref="TokenRetry"/>) → answer (<see cref="BoundedContent"/>) → meaning
    /// (<see cref="ResponseMapping"/>). Everything known before a request is made once per client and reused while what
    /// it was made from stays the same.
    /// </summary>
    internal sealed class TokenRequestPipeline
    {
        private readonly HttpClient _httpClient;
        private readonly OAuthClientOptions _options;
        private readonly OAuthProviderInfo _provider;
        private readonly TimeProvider _timeProvider;
        private readonly ClientAuthenticationStrategy _authentication;
        private readonly PayloadEncoding _payload;
        private readonly RequestHeaders _headers;
        private readonly ParameterNaming _naming;
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly IReadOnlyCollection<string>?[] _owned = new IReadOnlyCollection<string>?[GrantDescriptor.All.Count];
        private readonly RequestDeadlines _deadlines = new RequestDeadlines();
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private readonly RequestTemplate?[] _templates = new RequestTemplate?[GrantDescriptor.All.Count];
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        private ClientCredentials? _credentials;

        public TokenRequestPipeline(HttpClient httpClient, OAuthClientOptions options, OAuthProviderInfo provider, TimeProvider timeProvider)
        {
            _httpClient = httpClient;
            _options = options;
            _provider = provider;
            _timeProvider = timeProvider;
            Endpoints = new EndpointResolver(httpClient, options, provider, timeProvider);
            _authentication = ClientAuthenticationStrategy.For(provider.ClientAuth);
            // A query string is form-encoded whatever the body would have been.
            _payload = provider.ParameterLocation == ParameterLocation.Query ? PayloadEncoding.Form : PayloadEncoding.For(provider.Body);
            _naming = ParameterNaming.For(provider);
            _headers = new RequestHeaders(provider.Headers);
        }

        public EndpointResolver Endpoints { get; }

        public ClientAuthenticationStrategy Authentication => _authentication;

        public ParameterNaming Naming => _naming;

        /// <summary>The parameter names a caller may not pass to a request of <paramref name="grant"/>.</summary>
        public IReadOnlyCollection<string> OwnedParameters(GrantDescriptor grant) =>
            _owned[grant.Index] ??= ExtraParameters.OwnedBy(grant, _provider, _naming);

        /// <summary>Sends <paramref name="body"/> and reads the answer with <paramref name="read"/>.</summary>
        public async Task<TResult> SendAsync<TState, TResult>(
            TokenRequestBody body,
            Func<Answer, TState, TResult> read,
            TState state,
            CancellationToken cancellationToken)
        {
            var grant = body.Grant;
            var endpoint = await Endpoints.ResolveAsync(grant.Endpoint, cancellationToken).ConfigureAwait(false);
            var prepared = Prepare(body, endpoint);
            using var telemetry = TokenRequestTelemetry.StartIfObserved(_provider.Name, grant.Operation, endpoint);
            using var deadline = _deadlines.Start(_httpClient.Timeout, cancellationToken);
            try
            {
                using var exchange = await TokenRequestSender.SendAsync(_httpClient, prepared, _timeProvider, deadline.Token).ConfigureAwait(false);
                var response = exchange.Response;
                var receivedAt = _timeProvider.GetUtcNow();
                if (telemetry is not null)
                {
                    telemetry.StatusCode = response.StatusCode;
                }

                var (bytes, length) = await BoundedContent.ReadAsync(response.Content, _options.MaxResponseBytes, deadline.Token).ConfigureAwait(false);
                try
                {
                    var answer = new Answer(response.StatusCode, response.IsSuccessStatusCode, bytes, length, receivedAt, prepared.Secrets, TokenRetry.RetryAfter(response, receivedAt), _provider.SecretFields, _provider.ResponseShape);
                    var result = read(answer, state);
                    telemetry?.Succeeded();
                    return result;
                }
                finally
                {
                    BoundedContent.Return(bytes, length);
                }
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw Failed(telemetry, new OAuthException(
                    "The request to " + endpoint.GetLeftPart(UriPartial.Path) + " timed out after " + _httpClient.Timeout.TotalSeconds + " s (HttpClient.Timeout).", e));
            }
            catch (HttpRequestException e)
            {
                throw Failed(telemetry, new OAuthException(
                    "The request to " + endpoint.GetLeftPart(UriPartial.Path) + " failed: " + Redaction.Redact(FailureText.Of(e), prepared.Secrets), e));
            }
            catch (System.IO.IOException e)
            {
                // The answer broke off while its body was read (HttpIOException: the connection closed or was reset).
                throw Failed(telemetry, new OAuthException(
                    "The answer from " + endpoint.GetLeftPart(UriPartial.Path) + " broke off before its end: " + Redaction.Redact(FailureText.Of(e), prepared.Secrets), e));
            }
            catch (Exception e)
            {
                telemetry?.Failed(e);
                throw;
            }
        }

        private static Exception Failed(TokenRequestTelemetry? telemetry, Exception exception) => telemetry?.Failed(exception) ?? exception;

        /// <summary>Client authentication, payload and headers: all but the grant's own parameters taken from what was made before.</summary>
        internal PreparedRequest Prepare(TokenRequestBody body, Uri endpoint)
        {
            var grant = body.Grant;
            var template = Template(grant, endpoint);
            var credentials = template.Credentials;
            return new PreparedRequest(
                grant,
                endpoint,
                template.Body(body.OnTheWire(_naming), holdsSecrets: body.Secrets.Count > 0),
                template.MediaType,
                credentials.BasicParameter,
                _headers.For(_options, _provider),
                Concat(body.Secrets, credentials.Secrets),
                TokenRetry.For(grant, _provider.ClientAuth, _options.RetryTransientFailures),
                singleUse: TokenRetry.For(grant, _provider.ClientAuth, enabled: true) == TokenRetryPolicy.Never,
                allowInsecureHttp: _options.AllowInsecureHttp,
                inQuery: _provider.ParameterLocation == ParameterLocation.Query,
                method: _provider.Method);
        }

        private RequestTemplate Template(GrantDescriptor grant, Uri endpoint)
        {
            if (_authentication.PerRequest)
            {
                return new RequestTemplate(grant, _authentication.Create(_options, _provider, endpoint, Endpoints.Issuer(), _timeProvider.GetUtcNow()), _provider, _payload, _naming);
            }

            var credentials = _credentials;
            if (credentials is null || !credentials.MadeFrom(_options))
            {
                _credentials = credentials = _authentication.Create(_options, _provider, endpoint, Endpoints.Issuer(), _timeProvider.GetUtcNow());
            }

            var template = _templates[grant.Index];
            if (template is null || !ReferenceEquals(template.Credentials, credentials))
            {
                _templates[grant.Index] = template = new RequestTemplate(grant, credentials, _provider, _payload, _naming);
            }

            return template;
        }

        // The request's own secrets first, then the client authentication's: the order they were always redacted in.
        private static IReadOnlyList<string> Concat(IReadOnlyList<string> first, IReadOnlyList<string> second)
        {
            if (first.Count == 0)
            {
                return second;
            }

            var all = new string[first.Count + second.Count];
            for (var i = 0; i < first.Count; i++)
            {
                all[i] = first[i];
            }

            for (var i = 0; i < second.Count; i++)
            {
                all[first.Count + i] = second[i];
            }

            return all;
        }
    }
}
