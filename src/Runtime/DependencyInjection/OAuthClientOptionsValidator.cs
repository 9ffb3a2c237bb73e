using System.Collections.Generic;
using Microsoft.Extensions.Options;

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

            if (options.MaxResponseBytes <= 0)
            {
                failures.Add($"{client}: MaxResponseBytes must be positive.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        private static bool NeedsSecret(ClientAuthMethod? method) =>
            method is ClientAuthMethod.ClientSecretBasic or ClientAuthMethod.ClientSecretPost or ClientAuthMethod.ClientSecretJwt;
    }
}
