using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OAuthGen;
using OAuthGen.Tests.Seeds;

namespace Net8Consumer;

/// <summary>Calls every generated member with its documented signature, so that a change to one breaks this build.</summary>
public static class GeneratedClientUsage
{
    /// <summary>The password and refresh token grants, and the static provider description.</summary>
    public static async Task<OAuthToken> AferoAsync(HttpClient httpClient, OAuthClientOptions options, string username, string password, CancellationToken cancellationToken)
    {
        OAuthProviderInfo provider = AferoAuth.Provider;
        var client = new AferoAuth(httpClient, options);
        OAuthToken token = await client.RequestPasswordTokenAsync(username, password, provider.Scope, cancellationToken);
        return await client.RefreshTokenAsync(token.RefreshToken ?? string.Empty, scope: null, cancellationToken: cancellationToken);
    }

    /// <summary>The client credentials grant with a required scope, and the constructor with a clock.</summary>
    public static Task<OAuthToken> ConfigApiAsync(HttpClient httpClient, OAuthClientOptions options, string tenant, CancellationToken cancellationToken)
    {
        var client = new ConfigApiAuth(httpClient, options, TimeProvider.System);
        return client.RequestClientCredentialsTokenAsync(tenant, cancellationToken);
    }

    /// <summary>The password grant with the optional parameters left out.</summary>
    public static Task<OAuthToken> BarApiAsync(HttpClient httpClient, OAuthClientOptions options, string username, string password) =>
        new BarApiAuth(httpClient, options, timeProvider: null).RequestPasswordTokenAsync(username, password);

    /// <summary>Every method of the authorization code flow, typed with the custom token.</summary>
    public static async Task<ConnectedHomeToken> ConnectedHomeAsync(HttpClient httpClient, OAuthClientOptions options, Uri redirectUri, string code, CancellationToken cancellationToken)
    {
        var client = new ConnectedHomeAuth(httpClient, options);
        ConnectedHomeToken service = await client.RequestClientCredentialsTokenAsync(cancellationToken: cancellationToken);
        AuthorizationRequest request = client.CreateAuthorizationRequest(redirectUri, scope: service.Scope, state: null);
        ConnectedHomeToken token = await client.ExchangeAuthorizationCodeAsync(code, redirectUri, request.CodeVerifier, cancellationToken);
        return await client.RefreshTokenAsync(token.RefreshToken ?? string.Empty, token.Scope, cancellationToken);
    }

    /// <summary>The client credentials grant through the generated interface implementation.</summary>
    public static Task<OAuthToken> PoderoAsync(HttpClient httpClient, OAuthClientOptions options, CancellationToken cancellationToken)
    {
        IClientCredentialsTokenClient client = new PoderoAuth(httpClient, options);
        return client.Provider.Name == client.Options.ClientId
            ? new PoderoAuth(httpClient, options).RequestClientCredentialsTokenAsync()
            : client.RequestClientCredentialsTokenAsync(null, cancellationToken);
    }
}
