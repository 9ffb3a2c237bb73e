using SeedProviders.Protocol;

namespace SeedProviders.Emulators;

/// <summary>Doc 000: password grant, client authenticated with HTTP Basic.</summary>
internal sealed class AferoEmulator(SeedCredentials credentials) : IProviderEmulator
{
    public const string ProviderName = "afero";

    public string Name => ProviderName;

    public Reply Handle(RecordedRequest request)
    {
        var form = Require.FormTokenPost(request, "/oauth/token");
        Require.BasicClient(request, form, credentials);
        Require.GrantType(form, "password");
        Require.ResourceOwner(form, credentials);
        return Reply.Token(SeedResponses.Afero);
    }
}
