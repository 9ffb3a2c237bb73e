using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OAuthGen.Infrastructure
{
    /// <summary>The endpoints a provider may have.</summary>
    internal enum EndpointKind
    {
        Token,
        Authorization,
        DeviceAuthorization,
        Revocation,
        Introspection,

        /// <summary>The refresh token grant's own endpoint; the token endpoint when the provider declares none.</summary>
        RefreshToken,
    }

    /// <summary>
    /// Stage 1: where a request goes. In order: the address configured in <see cref="OAuthClientOptions"/>, the one
    /// declared on the provider, the one its metadata document publishes; a relative address resolves against
    /// <see cref="HttpClient.BaseAddress"/>; a declared address's <c>{name}</c> placeholders are filled from
    /// <see cref="OAuthClientOptions.EndpointParameters"/> (<see cref="EndpointTemplate"/>), and the result must pass <see cref="EndpointSecurity.RequireSecureTransport"/>.
    /// Each result is kept with what it was made from (compared by reference, O(1)), so a request resolves nothing
    /// again until the options, the base address or the metadata document change.
    /// </summary>
    internal sealed class EndpointResolver
    {
        private readonly HttpClient _httpClient;
        private readonly OAuthClientOptions _options;
        private readonly OAuthProviderInfo _provider;
        private readonly TimeProvider _timeProvider;
        private readonly Resolution?[] _resolved = new Resolution?[6];
        private MetadataAddressResolution? _metadataAddress;

        public EndpointResolver(HttpClient httpClient, OAuthClientOptions options, OAuthProviderInfo provider, TimeProvider timeProvider)
        {
            _httpClient = httpClient;
            _options = options;
            _provider = provider;
            _timeProvider = timeProvider;
        }

        public static string Name(EndpointKind kind) => kind switch
        {
            EndpointKind.Token => "token endpoint",
            EndpointKind.Authorization => "authorization endpoint",
            EndpointKind.DeviceAuthorization => "device authorization endpoint",
            EndpointKind.Revocation => "revocation endpoint",
            EndpointKind.RefreshToken => "refresh token endpoint",
            _ => "introspection endpoint",
        };

        /// <summary>The endpoint of <paramref name="kind"/>, absolute and checked for secure transport; fetches the metadata when it is needed.</summary>
        public ValueTask<Uri> ResolveAsync(EndpointKind kind, CancellationToken cancellationToken)
        {
            kind = Effective(kind);
            var cached = _resolved[(int)kind];
            if (cached is not null && cached.Matches(this, metadata: null))
            {
                return new ValueTask<Uri>(cached.Endpoint);
            }

            if (Configured(kind) is not null || !string.IsNullOrEmpty(Declared(kind)) || MetadataAddress() is not { } metadataAddress)
            {
                return new ValueTask<Uri>(Checked(kind, metadata: null));
            }

            return new ValueTask<Uri>(ResolveFromMetadataAsync(kind, metadataAddress, cancellationToken));
        }

        /// <summary>The provider's issuer identifier: the configured one, else the metadata's when it has been fetched, else null.</summary>
        public string? Issuer() =>
            !string.IsNullOrEmpty(_options.Issuer) ? _options.Issuer
            : MetadataAddress() is { } address ? ProviderMetadata.TryGetCached(address)?.Issuer
            : null;

        /// <summary>The endpoint without fetching anything: metadata is used only when already fetched.</summary>
        public Uri ResolveWithoutFetching(EndpointKind kind) =>
            Resolve(Effective(kind), address => ProviderMetadata.TryGetCached(address));

        // A refresh goes to the token endpoint unless the provider declares an endpoint of its own for it; that one is
        // then resolved as the token endpoint is: the configured TokenEndpoint first, placeholders, base address, transport.
        private EndpointKind Effective(EndpointKind kind) =>
            kind == EndpointKind.RefreshToken && string.IsNullOrEmpty(_provider.RefreshTokenEndpoint) ? EndpointKind.Token : kind;

        private async Task<Uri> ResolveFromMetadataAsync(EndpointKind kind, Uri metadataAddress, CancellationToken cancellationToken)
        {
            // The metadata names the endpoints that get the credentials: it must come over TLS as they do.
            EndpointSecurity.RequireSecureTransport(metadataAddress, _options.AllowInsecureHttp, _provider.Name, "metadata address", checkedAtConnection: false);
            // The fetch is shared and bounded by HttpClient.Timeout; this caller may still give up on it sooner.
            var metadata = await CancellableWait.WaitAsync(
                ProviderMetadata.GetAsync(_httpClient, metadataAddress, _timeProvider, _options.MaxResponseBytes), cancellationToken).ConfigureAwait(false);
            var cached = _resolved[(int)kind];
            return cached is not null && cached.Matches(this, metadata) ? cached.Endpoint : Checked(kind, metadata);
        }

        private Uri Checked(EndpointKind kind, ProviderMetadata? metadata)
        {
            var endpoint = Resolve(kind, _ => metadata);
            EndpointSecurity.RequireSecureTransport(endpoint, _options.AllowInsecureHttp, _provider.Name, Name(kind));
            _resolved[(int)kind] = new Resolution(this, metadata, endpoint, TemplateValues.Of(Declared(kind), _options.EndpointParameters));
            return endpoint;
        }

        private Uri Resolve(EndpointKind kind, Func<Uri, ProviderMetadata?> metadataFor)
        {
            Uri? endpoint;
            if (Configured(kind) is { } configured)
            {
                endpoint = AsWebUri(configured);
            }
            else if (Declared(kind) is { Length: > 0 } declared)
            {
                endpoint = ParseWebUri(EndpointTemplate.Expand(declared, _options.EndpointParameters, _provider.Name, Name(kind)));
            }
            else if (MetadataAddress() is { } metadataAddress)
            {
                var metadata = metadataFor(metadataAddress)
                    ?? throw new InvalidOperationException(
                        "The " + Name(kind) + " of " + _provider.Name + " comes from its metadata, which has not been fetched yet: use the asynchronous method.");
                var published = FromMetadata(metadata, kind)
                    ?? throw new OAuthException(
                        "The metadata of " + _provider.Name + " at " + metadataAddress.AbsoluteUri + " publishes no " + Name(kind) + ".");
                endpoint = ParseWebUri(published);
            }
            else
            {
                throw new InvalidOperationException(_provider.Name + " declares no " + Name(kind) + "; set it in the attribute or in OAuthClientOptions.");
            }

            return MakeAbsolute(endpoint, Name(kind));
        }

        private Uri? MetadataAddress()
        {
            var cached = _metadataAddress;
            if (cached is not null && ReferenceEquals(cached.Configured, _options.MetadataAddress) && ReferenceEquals(cached.BaseAddress, _httpClient.BaseAddress)
                && TemplateValues.Match(cached.Values, _options.EndpointParameters))
            {
                return cached.Address;
            }

            Uri? address;
            if (_options.MetadataAddress is { } configured)
            {
                address = MakeAbsolute(AsWebUri(configured), "metadata address");
            }
            else
            {
                address = _provider.MetadataAddress is { Length: > 0 } declared
                    ? MakeAbsolute(ParseWebUri(EndpointTemplate.Expand(declared, _options.EndpointParameters, _provider.Name, "metadata address")), "metadata address")
                    : null;
            }

            _metadataAddress = new MetadataAddressResolution(
                _options.MetadataAddress, _httpClient.BaseAddress, address, TemplateValues.Of(_provider.MetadataAddress, _options.EndpointParameters));
            return address;
        }

        private Uri MakeAbsolute(Uri endpoint, string what)
        {
            if (endpoint.IsAbsoluteUri)
            {
                return endpoint;
            }

            var baseAddress = _httpClient.BaseAddress
                ?? throw new InvalidOperationException(
                    "The " + what + " of " + _provider.Name + " ('" + endpoint.OriginalString + "') is relative: set HttpClient.BaseAddress, or an absolute endpoint in OAuthClientOptions.");
            return new Uri(baseAddress, endpoint);
        }

        private Uri? Configured(EndpointKind kind) => kind switch
        {
            EndpointKind.Token or EndpointKind.RefreshToken => _options.TokenEndpoint,
            EndpointKind.Authorization => _options.AuthorizationEndpoint,
            _ => null,
        };

        // As written in the attribute: possibly a template such as "https://login.example.com/{tenant}/oauth/token".
        private string? Declared(EndpointKind kind) => kind switch
        {
            EndpointKind.Token => _provider.TokenEndpoint,
            EndpointKind.Authorization => _provider.AuthorizationEndpoint,
            EndpointKind.DeviceAuthorization => _provider.DeviceAuthorizationEndpoint,
            EndpointKind.Revocation => _provider.RevocationEndpoint,
            EndpointKind.RefreshToken => _provider.RefreshTokenEndpoint,
            _ => _provider.IntrospectionEndpoint,
        };

        private static string? FromMetadata(ProviderMetadata metadata, EndpointKind kind) => kind switch
        {
            EndpointKind.Token or EndpointKind.RefreshToken => metadata.TokenEndpoint,
            EndpointKind.Authorization => metadata.AuthorizationEndpoint,
            EndpointKind.DeviceAuthorization => metadata.DeviceAuthorizationEndpoint,
            EndpointKind.Revocation => metadata.RevocationEndpoint,
            _ => metadata.IntrospectionEndpoint,
        };

        // On Unix, "/oauth/token" parses as an absolute file:// URI; an endpoint is always http(s) or relative.
        private static Uri ParseWebUri(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == EndpointSecurity.ServiceDiscoveryScheme)
                ? absolute
                : new Uri(text, UriKind.Relative);

        private static Uri AsWebUri(Uri uri) =>
            uri.IsAbsoluteUri && uri.IsFile && uri.OriginalString.StartsWith("/", StringComparison.Ordinal)
                ? new Uri(uri.OriginalString, UriKind.Relative)
                : uri;

        /// <summary>One resolved endpoint and everything it was made from.</summary>
        private sealed class Resolution
        {
            private readonly Uri? _tokenEndpoint;
            private readonly Uri? _authorizationEndpoint;
            private readonly Uri? _metadataAddress;
            private readonly Uri? _baseAddress;
            private readonly bool _allowInsecureHttp;
            private readonly ProviderMetadata? _metadata;
            private readonly TemplateValues? _values;

            public Resolution(EndpointResolver resolver, ProviderMetadata? metadata, Uri endpoint, TemplateValues? values)
            {
                _values = values;
                _tokenEndpoint = resolver._options.TokenEndpoint;
                _authorizationEndpoint = resolver._options.AuthorizationEndpoint;
                _metadataAddress = resolver._options.MetadataAddress;
                _baseAddress = resolver._httpClient.BaseAddress;
                _allowInsecureHttp = resolver._options.AllowInsecureHttp;
                _metadata = metadata;
                Endpoint = endpoint;
            }

            public Uri Endpoint { get; }

            /// <summary>
            /// Whether nothing it was made from has changed. A result made from metadata is reused only for that same
            /// document (<paramref name="metadata"/>, just fetched or taken from the metadata cache), so it follows every refresh.
            /// </summary>
            public bool Matches(EndpointResolver resolver, ProviderMetadata? metadata)
            {
                var options = resolver._options;
                return ReferenceEquals(_tokenEndpoint, options.TokenEndpoint)
                    && ReferenceEquals(_authorizationEndpoint, options.AuthorizationEndpoint)
                    && ReferenceEquals(_metadataAddress, options.MetadataAddress)
                    && ReferenceEquals(_baseAddress, resolver._httpClient.BaseAddress)
                    && _allowInsecureHttp == options.AllowInsecureHttp
                    && ReferenceEquals(_metadata, metadata)
                    && TemplateValues.Match(_values, options.EndpointParameters);
            }
        }

        private sealed class MetadataAddressResolution
        {
            public MetadataAddressResolution(Uri? configured, Uri? baseAddress, Uri? address, TemplateValues? values)
            {
                Values = values;
                Configured = configured;
                BaseAddress = baseAddress;
                Address = address;
            }

            public Uri? Configured { get; }

            public Uri? BaseAddress { get; }

            public Uri? Address { get; }

            public TemplateValues? Values { get; }
        }

        /// <summary>The placeholder values a template was expanded with, so a cached result follows a change of them.</summary>
        private sealed class TemplateValues
        {
            private readonly IDictionary<string, string>? _dictionary;
            private readonly string[] _names;
            private readonly string?[] _values;

            private TemplateValues(IDictionary<string, string>? dictionary, string[] names)
            {
                _dictionary = dictionary;
                _names = names;
                _values = new string?[names.Length];
                for (var i = 0; i < names.Length; i++)
                {
                    _values[i] = dictionary is not null && dictionary.TryGetValue(names[i], out var value) ? value : null;
                }
            }

            /// <summary>The values of the template's placeholders now, or null for a template without any (nothing to follow).</summary>
            public static TemplateValues? Of(string? template, IDictionary<string, string>? dictionary)
            {
                if (!EndpointTemplate.HasPlaceholders(template))
                {
                    return null;
                }

                var names = new List<string>();
                EndpointTemplate.Parse(template!, names);
                return new TemplateValues(dictionary, names.ToArray());
            }

            public static bool Match(TemplateValues? snapshot, IDictionary<string, string>? dictionary)
            {
                if (snapshot is null)
                {
                    return true;
                }

                if (!ReferenceEquals(snapshot._dictionary, dictionary))
                {
                    return false;
                }

                for (var i = 0; i < snapshot._names.Length; i++)
                {
                    var now = dictionary is not null && dictionary.TryGetValue(snapshot._names[i], out var value) ? value : null;
                    if (!string.Equals(now, snapshot._values[i], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
