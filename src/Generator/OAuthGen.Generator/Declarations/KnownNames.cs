namespace OAuthGen.Generator.Declarations
{
    /// <summary>Metadata names of the runtime types the generator and analyzers look for.</summary>
    internal static class KnownNames
    {
        public const string Namespace = "OAuthGen";
        public const string ProviderAttribute = "OAuthGen.OAuthProviderAttribute";
        public const string HeaderAttribute = "OAuthGen.OAuthHeaderAttribute";
        public const string ParameterAttribute = "OAuthGen.OAuthParameterAttribute";
        public const string FieldAttribute = "OAuthGen.OAuthFieldAttribute";
        public const string OAuthToken = "OAuthGen.OAuthToken";
        public const string OAuthClientInterface = "OAuthGen.IOAuthClient`1";
        public const string ClientOptions = "OAuthGen.OAuthClientOptions";
        public const string ClientCredentialsTokenClient = "OAuthGen.IClientCredentialsTokenClient";
    }
}
