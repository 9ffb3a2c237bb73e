using System;
using System.Collections.Generic;

namespace OAuthGen.Infrastructure
{
    /// <summary>
    /// The parameters of one request that are known only when it is made (the grant's own: a scope, a code, a
    /// password), in wire order, and which of them are secret. What is known before (grant_type, the client
    /// authentication, the declared parameters) is in its <see cref="RequestTemplate"/>.
    /// </summary>
    internal sealed class TokenRequestBody
    {
        private List<KeyValuePair<string, string>>? _parameters;
        private List<string>? _secrets;
        private int _extraStart = -1;

        public TokenRequestBody(GrantDescriptor grant)
        {
            Grant = grant;
        }

        public GrantDescriptor Grant { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
            (IReadOnlyList<KeyValuePair<string, string>>?)_parameters ?? System.Array.Empty<KeyValuePair<string, string>>();

        /// <summary>The secret values among <see cref="Parameters"/>.</summary>
        public IReadOnlyList<string> Secrets => (IReadOnlyList<string>?)_secrets ?? System.Array.Empty<string>();

        public void Add(string name, string value) =>
            (_parameters ??= new List<KeyValuePair<string, string>>(4)).Add(new KeyValuePair<string, string>(name, value));

        public void AddSecret(string name, string value)
        {
            Add(name, value);
            (_secrets ??= new List<string>(2)).Add(value);
        }

        /// <summary>An optional parameter: sent only when it has a value.</summary>
        public void AddOptional(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                Add(name, value!);
            }
        }

        /// <summary>
        /// Adds the caller's own parameters (<c>resource</c>, <c>audience</c>...), sent as named after the grant's. One
        /// that the client writes itself (<paramref name="owned"/>: grant_type, the client authentication, the grant's
        /// parameters, the declared ones) is refused with an <see cref="ArgumentException"/> naming it, never its value.
        /// </summary>
        public void AddExtra(IEnumerable<KeyValuePair<string, string>>? parameters, IReadOnlyCollection<string> owned)
        {
            if (parameters is null)
            {
                return;
            }

            _extraStart = Parameters.Count;
            foreach (var parameter in ExtraParameters.Check(parameters, owned, "parameters"))
            {
                Add(parameter.Key, parameter.Value);
            }
        }

        /// <summary>The parameters as sent: those OAuthGen writes under their wire names, the caller's as given.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> OnTheWire(ParameterNaming naming)
        {
            if (naming.IsStandard)
            {
                return Parameters;
            }

            if (_extraStart < 0)
            {
                return naming.Apply(Parameters);
            }

            var own = new List<KeyValuePair<string, string>>(_extraStart);
            var extra = new List<KeyValuePair<string, string>>(Parameters.Count - _extraStart);
            for (var i = 0; i < Parameters.Count; i++)
            {
                (i < _extraStart ? own : extra).Add(Parameters[i]);
            }

            var wire = new List<KeyValuePair<string, string>>(naming.Apply(own));
            wire.AddRange(extra);
            return wire;
        }

        /// <summary>The scope this request asks for, when it asks for one (what a token answer without <c>scope</c> granted).</summary>
        public string? Scope { get; private set; }

        public void AddScope(string? scope)
        {
            // An empty scope is sent as "scope=": some providers (seed 002) document it that way.
            if (scope is not null)
            {
                Add("scope", scope);
                Scope = scope.Length > 0 ? scope : null;
            }
        }
    }
}
