using SeedProviders.Protocol;

namespace SeedProviders.Emulators;

/// <summary>Doc 002: password grant with client_id and client_secret in the body.</summary>
internal sealed class BarApiEmulator(SeedCredentials credentials) : IProviderEmulator
{
    public const string ProviderName = "barapi";

    public string Name => ProviderName;

    public Reply Handle(RecordedRequest request)
    {
        var form = Require.FormTokenPost(request, "/oauth/token");
        Require.BodyClient(request, form, credentials);
        Require.GrantType(form, "password");
        Require.ResourceOwner(form, credentials);
        // Doc 002 always sends scope, empty by default (scope: ""), so presence is checked, not a value.
        if (!form.ContainsKey("scope"))
        {
            throw Require.Invalid("Missing required parameter 'scope' (it may be empty).");
        }

        return Reply.Token(SeedResponses.BarApi);
    }
}
