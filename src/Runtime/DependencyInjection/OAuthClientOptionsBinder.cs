using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OAuthGen.DependencyInjection
{
    /// <summary>
    /// Reads <see cref="OAuthClientOptions"/> from a configuration section key by key: no reflection, so it is safe
    /// under trimming and NativeAOT, and works the same from appsettings, environment variables and user secrets.
    /// </summary>
    internal static class OAuthClientOptionsBinder
    {
        public static void Bind(IConfiguration section, OAuthClientOptions options)
        {
            if (section[nameof(OAuthClientOptions.ClientId)] is { } clientId)
            {
                options.ClientId = clientId;
            }

            if (section[nameof(OAuthClientOptions.ClientSecret)] is { } clientSecret)
            {
                options.ClientSecret = clientSecret;
            }

            if (section[nameof(OAuthClientOptions.Scope)] is { } scope)
            {
                options.Scope = scope;
            }

            options.TokenEndpoint = ReadUri(section, nameof(OAuthClientOptions.TokenEndpoint)) ?? options.TokenEndpoint;
            options.AuthorizationEndpoint = ReadUri(section, nameof(OAuthClientOptions.AuthorizationEndpoint)) ?? options.AuthorizationEndpoint;

            foreach (var parameter in section.GetSection(nameof(OAuthClientOptions.EndpointParameters)).GetChildren())
            {
                if (parameter.Value is { } value)
                {
                    options.EndpointParameters[parameter.Key] = value;
                }
            }

            if (section[nameof(OAuthClientOptions.MaxResponseBytes)] is { Length: > 0 } maxResponseBytes)
            {
                options.MaxResponseBytes = int.TryParse(maxResponseBytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                    ? bytes
                    : throw new FormatException(Describe(section, nameof(OAuthClientOptions.MaxResponseBytes)) + " must be a positive whole number of bytes.");
            }

            options.AllowInsecureHttp = ReadBoolean(section, nameof(OAuthClientOptions.AllowInsecureHttp)) ?? options.AllowInsecureHttp;
            options.RetryTransientFailures = ReadBoolean(section, nameof(OAuthClientOptions.RetryTransientFailures)) ?? options.RetryTransientFailures;
        }

        private static bool? ReadBoolean(IConfiguration section, string key)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            return bool.TryParse(text!.Trim(), out var value)
                ? value
                : throw new FormatException(Describe(section, key) + " must be true or false.");
        }

        private static Uri? ReadUri(IConfiguration section, string key)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri)
                ? uri
                : throw new FormatException(Describe(section, key) + " is not a URI.");
        }

        private static string Describe(IConfiguration section, string key) =>
            "Configuration value '" + (section is IConfigurationSection { Path: { Length: > 0 } path } ? path + ":" : string.Empty) + key + "'";
    }
}
