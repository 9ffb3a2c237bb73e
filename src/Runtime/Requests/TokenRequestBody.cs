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
