using System.Collections.Generic;
using Microsoft.Extensions.Options;
using OAuthGen.Infrastructure;

namespace OAuthGen.DependencyInjection
{
    /// <summary>Checks at start-up that a client's options can authenticate with its provider.</summary>
    internal sealed class OAuthClientOptionsValidator : IValidateOptions<OAuthClientOptions>
    {
        private readonly string _name;
        private readonly OAuthProviderInfo? _provider;
        private readonly string _source;

        public OAuthClientOptionsValidator(string name, OAuthProviderInfo? provider, string source)
        {
            _name = name;
            _provider = provider;
            _source = source;
        }

        public ValidateOptionsResult Validate(string? name, OAuthClientOptions options)
        {
            if (name != _name)
            {
                return ValidateOptionsResult.Skip;
            }

            var client = _provider?.Name ?? _name;
            var failures = new List<string>();
            if (string.IsNullOrWhiteSpace(options.ClientId))
            {
                failures.Add($"{client}: ClientId is missing. Set {_source}:ClientId to the client id the provider issued.");
            }

            if (options.ClientSecret is null && NeedsSecret(_provider?.ClientAuth))
            {
                failures.Add($"{client}: ClientSecret is missing, and the provider authenticates clients with {_provider!.ClientAuthName}. " +
                    $"Set {_source}:ClientSecret, from user secrets or the environment rather than appsettings.json.");
            }

            // Where jwt-bearer is the machine grant (docs/decisions.md), token managers sign its assertions with the key;
            // beside client credentials, the grant may only ever be used with prebuilt assertions.
            if (_provider is not null && (_provider.Grants & (OAuthGrant.JwtBearer | OAuthGrant.ClientCredentials)) == OAuthGrant.JwtBearer && options.SigningKey is null && string.IsNullOrWhiteSpace(options.SigningKeyPem))
            {
                failures.Add($"{client}: SigningKeyPem is missing, and the provider's jwt-bearer grant signs its assertion with it. " +
                    $"Set {_source}:SigningKeyPem to the private key in PEM (a Google service account's private_key), from user secrets or the environment, or set SigningKey in code.");
            }

            if (options.MaxResponseBytes <= 0)
            {
                failures.Add($"{client}: MaxResponseBytes must be positive.");
            }

            if (_provider is not null)
            {
                // The declared endpoints the options do not override: their placeholders need values.
                AddTemplateProblems(failures, options, options.TokenEndpoint is null ? _provider.TokenEndpoint : null, "token endpoint");
                AddTemplateProblems(failures, options, options.TokenEndpoint is null ? _provider.RefreshTokenEndpoint : null, "refresh token endpoint");
                AddTemplateProblems(failures, options, options.AuthorizationEndpoint is null ? _provider.AuthorizationEndpoint : null, "authorization endpoint");
                AddTemplateProblems(failures, options, _provider.DeviceAuthorizationEndpoint, "device authorization endpoint");
                AddTemplateProblems(failures, options, _provider.RevocationEndpoint, "revocation endpoint");
                AddTemplateProblems(failures, options, _provider.IntrospectionEndpoint, "introspection endpoint");
                AddTemplateProblems(failures, options, options.MetadataAddress is null ? _provider.MetadataAddress : null, "metadata address");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private void AddTemplateProblems(List<string> failures, OAuthClientOptions options, string? template, string what)
        {
            if (!EndpointTemplate.HasPlaceholders(template))
            {
                return;
            }

            foreach (var problem in EndpointTemplate.Problems(template!, options.EndpointParameters, _provider!.Name, what))
            {
                var sourced = problem.Replace("(configuration: EndpointParameters:", "(configuration: " + _source + ":EndpointParameters:");
                if (!failures.Contains(sourced))
                {
                    failures.Add(sourced);
                }
            }
        }

        private static bool NeedsSecret(ClientAuthMethod? method) =>
            method is ClientAuthMethod.ClientSecretBasic or ClientAuthMethod.ClientSecretPost or ClientAuthMethod.ClientSecretJwt;
    }
}
