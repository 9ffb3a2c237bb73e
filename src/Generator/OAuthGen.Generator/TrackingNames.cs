namespace OAuthGen.Generator
{
    /// <summary>Names of the incremental pipeline steps, for tests that assert what a change re-runs.</summary>
    internal static class TrackingNames
    {
        public const string Declarations = nameof(Declarations);
        public const string ProviderSpecs = nameof(ProviderSpecs);
        public const string MetadataDocuments = nameof(MetadataDocuments);
    }
}
