using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>The endpoints an authorization server publishes (RFC 8414 §2, OpenID Connect Discovery §3).</summary>
    internal sealed class ProviderMetadata
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(1);
        private static readonly ConcurrentDictionary<string, CacheEntry> Cache = new ConcurrentDictionary<string, CacheEntry>(StringComparer.Ordinal);

        public string? Issuer { get; private set; }

        public string? TokenEndpoint { get; private set; }

        public string? AuthorizationEndpoint { get; private set; }

        public string? DeviceAuthorizationEndpoint { get; private set; }

        public string? RevocationEndpoint { get; private set; }

        public string? IntrospectionEndpoint { get; private set; }

        /// <summary>The metadata at <paramref name="address"/>, fetched once an hour per address; a failed fetch is not remembered.</summary>
        public static Task<ProviderMetadata> GetAsync(HttpClient httpClient, Uri address, TimeProvider timeProvider, int maxBytes)
        {
            var now = timeProvider.GetUtcNow();
            var key = address.AbsoluteUri;
            if (Cache.TryGetValue(key, out var cached) && cached.Expires > now && !cached.Metadata.IsFaulted && !cached.Metadata.IsCanceled)
            {
                return cached.Metadata;
            }

            // Not the caller's cancellation: others may wait for the same fetch. HttpClient.Timeout bounds it.
            var fetch = FetchAsync(httpClient, address, maxBytes, CancellationToken.None);
            Cache[key] = new CacheEntry(fetch, now + CacheLifetime);
            return fetch;
        }

        /// <summary>The metadata already fetched for <paramref name="address"/>, if any.</summary>
        public static ProviderMetadata? TryGetCached(Uri address) =>
            Cache.TryGetValue(address.AbsoluteUri, out var cached) && cached.Metadata.Status == TaskStatus.RanToCompletion ? cached.Metadata.Result : null;

        private static async Task<ProviderMetadata> FetchAsync(HttpClient httpClient, Uri address, int maxBytes, CancellationToken cancellation)
        {
            // HttpClient.Timeout covers only the headers when streaming: the body gets the same budget, or a stalled
            // server would hold every caller of this shared fetch for ever.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (httpClient.Timeout != Timeout.InfiniteTimeSpan)
            {
                timeout.CancelAfter(httpClient.Timeout);
            }

            var cancellationToken = timeout.Token;
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Accept.ParseAdd("application/json");
            HttpResponseMessage response;
            try
            {
                response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " could not be fetched: " + FailureText.Of(e), e);
            }
            catch (OperationCanceledException e)
            {
                // Not a caller's cancellation (the fetch has none): HttpClient.Timeout.
                throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " did not answer within " + httpClient.Timeout.TotalSeconds + " s (HttpClient.Timeout).", e);
            }

            using (response)
            {
                // The issuer check below compares with the address asked for: a document served by another origin after a
                // redirect could claim that issuer and name its own endpoints, so it is not read at all.
                if (response.RequestMessage?.RequestUri is { } answeredFrom && !EndpointSecurity.SameOrigin(answeredFrom, address))
                {
                    throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " was redirected to another origin (" +
                        EndpointSecurity.Describe(answeredFrom) + "); metadata is read only from the origin of its address.");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " answered HTTP " + (int)response.StatusCode + ".", null, null, null, response.StatusCode, null);
                }

                (byte[] Bytes, int Length) body;
                try
                {
                    body = await BoundedContent.ReadAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException e)
                {
                    throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " did not arrive within " + httpClient.Timeout.TotalSeconds + " s (HttpClient.Timeout).", e);
                }
                catch (Exception e) when (e is System.IO.IOException or HttpRequestException)
                {
                    throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " broke off before its end: " + FailureText.Of(e), e);
                }

                var (bytes, length) = body;
                try
                {
                    return Parse(new ReadOnlyMemory<byte>(bytes, 0, length), address);
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
                }
            }
        }

        internal static ProviderMetadata Parse(ReadOnlyMemory<byte> bytes, Uri address)
        {
            try
            {
                using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " is not a JSON object.");
                }

                var metadata = new ProviderMetadata
                {
                    Issuer = Read(root, "issuer"),
                    TokenEndpoint = Read(root, "token_endpoint"),
                    AuthorizationEndpoint = Read(root, "authorization_endpoint"),
                    DeviceAuthorizationEndpoint = Read(root, "device_authorization_endpoint"),
                    RevocationEndpoint = Read(root, "revocation_endpoint"),
                    IntrospectionEndpoint = Read(root, "introspection_endpoint"),
                };
                metadata.CheckIssuer(address);
                return metadata;
            }
            catch (JsonException)
            {
                throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " is not valid JSON.");
            }
        }

        // RFC 8414 §3.3 / OIDC Discovery §4.3: the issuer must be the one the address was made from, or an attacker's
        // metadata could point the client at its own endpoints.
        private void CheckIssuer(Uri address)
        {
            var expected = ExpectedIssuer(address);
            if (expected is not null && Issuer is not null && !string.Equals(Issuer.TrimEnd('/'), expected.TrimEnd('/'), StringComparison.Ordinal))
            {
                throw new OAuthException("The provider metadata at " + address.AbsoluteUri + " names the issuer '" + Issuer + "', not '" + expected + "'.");
            }
        }

        private static string? ExpectedIssuer(Uri address)
        {
            const string OpenIdSuffix = "/.well-known/openid-configuration";
            const string OAuthPrefix = "/.well-known/oauth-authorization-server";
            var path = address.AbsolutePath;
            var origin = address.GetLeftPart(UriPartial.Authority);
            if (path.EndsWith(OpenIdSuffix, StringComparison.Ordinal))
            {
                return origin + path.Substring(0, path.Length - OpenIdSuffix.Length);
            }

            if (path.StartsWith(OAuthPrefix, StringComparison.Ordinal))
            {
                return origin + path.Substring(OAuthPrefix.Length);
            }

            return null;
        }

        private static string? Read(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

        private sealed class CacheEntry
        {
            public CacheEntry(Task<ProviderMetadata> metadata, DateTimeOffset expires)
            {
                Metadata = metadata;
                Expires = expires;
            }

            public Task<ProviderMetadata> Metadata { get; }

            public DateTimeOffset Expires { get; }
        }
    }
}
