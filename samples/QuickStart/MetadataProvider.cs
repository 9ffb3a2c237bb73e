using OAuthGen;

namespace QuickStart
{
    // Seed 003 again, with no endpoint in the attribute: the generator reads them from connectedhome-metadata.json, an
    // RFC 8414 document bound to this class in QuickStart.csproj, and the analyzers check the grants, the client
    // authentication and PKCE against what it publishes (OAUTH050 to OAUTH056). No discovery request at run time.
    // (The seed gateway publishes no metadata; the document is the one it would publish for its documented behaviour.)
    // Apart from Providers.cs, which the AOT sample and the benchmarks compile too: only this project binds the document.
    [OAuthProvider(
        Grants = OAuthGrant.ClientCredentials | OAuthGrant.AuthorizationCode | OAuthGrant.RefreshToken,
        BasicEncoding = BasicAuthEncoding.Plain,
        TokenType = typeof(ConnectedHomeToken))]
    public partial class ConnectedHomeFromMetadata { }
}
