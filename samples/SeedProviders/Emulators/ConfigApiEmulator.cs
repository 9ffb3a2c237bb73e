using SeedProviders.Protocol;

namespace SeedProviders.Emulators;

/// <summary>Doc 001: client_credentials with client_id and client_secret in the body.</summary>
internal sealed class ConfigApiEmulator(SeedCredentials credentials) : IProviderEmulator
{
    public const string ProviderName = "configapi";

    public string Name => ProviderName;

    public Reply Handle(RecordedRequest request)
    {
        var form = Require.FormTokenPost(request, "/configapi/v2/oauth/token");
        Require.BodyClient(request, form, credentials);
        Require.GrantType(form, "client_credentials");
        // Doc 001 marks scope (the tenant or host URL) as required.
        Require.Parameter(form, "scope");
        return Reply.Token(SeedResponses.ConfigApi);
    }
}
