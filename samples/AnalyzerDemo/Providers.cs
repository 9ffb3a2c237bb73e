using OAuthGen;

namespace AnalyzerDemo
{
    // The mistake OAUTH001 is about: ClientSecretBasic (the default) already sends the secret in the Authorization
    // header, and this [OAuthParameter] sends it in the body as well (RFC 6749 §2.3.1). The parameter's value is read
    // from nowhere real: it is an empty placeholder, so OAUTH013 (a secret written in source) stays quiet.
    [OAuthProvider("https://auth.example.com/oauth/token")]
    [OAuthParameter("client_secret", "")]
    public partial class DemoAuth { }
}
