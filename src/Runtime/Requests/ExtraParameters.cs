using System;
using System.Collections.Generic;

namespace OAuthGen.Infrastructure
{
    /// <summary>The checks on per-call parameters, for token requests and the authorization URL alike.</summary>
    internal static class ExtraParameters
    {
        /// <summary>
        /// <paramref name="parameters"/>, in order, once each is known not to be one of <paramref name="owned"/> and to have a
        /// name and a value. The messages name the parameter, never its value.
        /// </summary>
        public static List<KeyValuePair<string, string>> Check(IEnumerable<KeyValuePair<string, string>> parameters, IReadOnlyCollection<string> owned, string argumentName)
        {
            var checkedParameters = new List<KeyValuePair<string, string>>();
            foreach (var parameter in parameters)
            {
                if (string.IsNullOrEmpty(parameter.Key))
                {
                    throw new ArgumentException("A per-call parameter has no name.", argumentName);
                }

                if (parameter.Value is null)
                {
                    throw new ArgumentException("The per-call parameter '" + parameter.Key + "' has a null value; leave it out instead.", argumentName);
                }

                foreach (var name in owned)
                {
                    if (string.Equals(name, parameter.Key, StringComparison.Ordinal))
                    {
                        throw new ArgumentException(
                            "The per-call parameter '" + parameter.Key + "' is one the client writes itself (from its declaration, options or the method's " +
                            "arguments); it cannot be overridden per call.",
                            argumentName);
                    }
                }

                checkedParameters.Add(parameter);
            }

            return checkedParameters;
        }

        /// <summary>
        /// What a caller may not pass to a request of <paramref name="grant"/>: grant_type, the client authentication and
        /// the grant's parameters under their standard and wire names, and the declared parameters.
        /// </summary>
        public static IReadOnlyCollection<string> OwnedBy(GrantDescriptor grant, OAuthProviderInfo provider, ParameterNaming naming) =>
            Owned(grant.ReservedParameters, provider, naming, grant.IsTokenRequest);

        public static IReadOnlyCollection<string> Owned(IReadOnlyList<string> standardNames, OAuthProviderInfo provider, ParameterNaming naming, bool withDeclared)
        {
            var owned = new HashSet<string>(standardNames, StringComparer.Ordinal);
            foreach (var name in standardNames)
            {
                if (naming.WireName(name) is { } wireName)
                {
                    owned.Add(wireName);
                }
            }

            if (withDeclared)
            {
                foreach (var parameter in provider.Parameters)
                {
                    owned.Add(parameter.Key);
                }
            }

            return owned;
        }
    }
}
