using OAuthGen.Generator.Linked;

namespace OAuthGen.Generator.Declarations
{
    /// <summary>Names of the runtime types and attribute parameters the generator and analyzers look for.</summary>
    internal static class KnownNames
    {
        public const string Namespace = "OAuthGen";
        public const string ProviderAttribute = Namespace + "." + nameof(OAuthProviderAttribute);
        public const string HeaderAttribute = Namespace + "." + nameof(OAuthHeaderAttribute);
        public const string ParameterAttribute = Namespace + "." + nameof(OAuthParameterAttribute);
        public const string ParameterNameAttribute = Namespace + "." + nameof(OAuthParameterNameAttribute);
        public const string FieldAttribute = Namespace + "." + nameof(OAuthFieldAttribute);
        public const string OAuthToken = Namespace + ".OAuthToken";
        public const string OAuthClientInterface = Namespace + ".IOAuthClient`1";
        public const string ClientOptions = Namespace + ".OAuthClientOptions";
        public const string ClientCredentialsTokenClient = Namespace + ".IClientCredentialsTokenClient";

        // Constructor parameters have no nameof from outside the constructor; these are the linked attributes' own.

        /// <summary>The parameter of <c>OAuthProviderAttribute(string tokenEndpoint)</c>.</summary>
        public const string TokenEndpointParameter = "tokenEndpoint";

        /// <summary>The first parameter of <c>OAuthHeaderAttribute(string name, string value)</c> and <c>OAuthParameterAttribute</c>.</summary>
        public const string NameParameter = "name";

        /// <summary>The second parameter of <c>OAuthHeaderAttribute(string name, string value)</c> and <c>OAuthParameterAttribute</c>.</summary>
        public const string ValueParameter = "value";

        /// <summary>The parameter of <c>OAuthFieldAttribute(string jsonName)</c>.</summary>
        public const string JsonNameParameter = "jsonName";
    }
}
