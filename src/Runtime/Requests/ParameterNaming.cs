using System;
using System.Collections.Generic;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// Stage 2 (parameters): the standard parameters a provider wants under other names, or not at all
    /// (<c>[OAuthParameterName]</c>: WeChat's <c>appid</c>/<c>secret</c>, a provider that refuses <c>redirect_uri</c>).
    /// Applied to what OAuthGen writes, never to declared or per-call parameters, which are sent as named.
    /// </summary>
    internal sealed class ParameterNaming
    {
        public static readonly ParameterNaming Standard = new ParameterNaming(Array.Empty<KeyValuePair<string, string?>>());

        private readonly Dictionary<string, string?> _names;

        private ParameterNaming(IReadOnlyList<KeyValuePair<string, string?>> renames)
        {
            _names = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var rename in renames)
            {
                _names[rename.Key] = rename.Value;
            }
        }

        public static ParameterNaming For(OAuthProviderInfo provider) =>
            provider.ParameterNames.Count == 0 ? Standard : new ParameterNaming(provider.ParameterNames);

        public bool IsStandard => _names.Count == 0;

        /// <summary>The wire name of <paramref name="standardName"/>; null when it is left out.</summary>
        public string? WireName(string standardName) => _names.TryGetValue(standardName, out var wireName) ? wireName : standardName;

        /// <summary>
        /// <paramref name="parameters"/> under their wire names, those left out removed unless <paramref name="keepOmitted"/>
        /// (the authorization URL: a provider that wants no redirect_uri in its token request still needs one there, as
        /// WeChat does); the same list when nothing changes.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string>> Apply(IReadOnlyList<KeyValuePair<string, string>> parameters, bool keepOmitted = false)
        {
            if (IsStandard || parameters.Count == 0)
            {
                return parameters;
            }

            var named = new List<KeyValuePair<string, string>>(parameters.Count);
            foreach (var parameter in parameters)
            {
                if (WireName(parameter.Key) is { } wireName)
                {
                    named.Add(new KeyValuePair<string, string>(wireName, parameter.Value));
                }
                else if (keepOmitted)
                {
                    named.Add(parameter);
                }
            }

            return named;
        }
    }
}
