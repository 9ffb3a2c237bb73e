using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OAuthGen;
using OAuthGen.Tokens;
using QuickStart;
using SeedProviders;

// Published with PublishAot=true: the generated clients, the token manager and the bearer handler, with no JIT and no
// reflection, against the same loopback emulators of the five seed providers as the QuickStart sample.
await using var server = await SeedProviderServer.StartAsync();
var credentials = new SeedCredentials();
using var http = new HttpClient();

OAuthClientOptions Options(Uri baseAddress, string path) => new()
{
    ClientId = credentials.ClientId,
    ClientSecret = credentials.ClientSecret,
    TokenEndpoint = new Uri(baseAddress, path),
};

Console.WriteLine($"native AOT: {!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported}");

var afero = await new AferoAuth(http, Options(server.AferoBaseAddress, "oauth/token"))
    .RequestPasswordTokenAsync(credentials.Username, credentials.Password);
Print("AferoAuth", afero);

using var tenantHttp = new HttpClient { BaseAddress = server.ConfigApiBaseAddress };
var configApiClient = new ConfigApiAuth(tenantHttp, new OAuthClientOptions { ClientId = credentials.ClientId, ClientSecret = credentials.ClientSecret });
Print("ConfigApiAuth", await configApiClient.RequestClientCredentialsTokenAsync(scope: "example.com"));

Print("BarApiAuth", await new BarApiAuth(http, Options(server.BarApiBaseAddress, "oauth/token"))
    .RequestPasswordTokenAsync(credentials.Username, credentials.Password));

var gateway = await new ConnectedHomeAuth(http, Options(server.ConnectedHomeBaseAddress, "oauth/token")).RequestClientCredentialsTokenAsync();
Print("ConnectedHomeAuth", gateway);
Console.WriteLine($"  typed fields: organization_name={gateway.OrganizationName}, issued_at={gateway.IssuedAt:O}, refresh_count={gateway.RefreshCount}");

Print("PoderoAuth", await new PoderoAuth(http, Options(server.PoderoBaseAddress, "oauth2/token/")).RequestClientCredentialsTokenAsync());

// Dependency injection: AddOAuthClient<T> (static abstract IOAuthClient<T>.Create, no reflection) and the bearer handler.
var services = new ServiceCollection();
services.AddOAuthClient<PoderoAuth>(options =>
{
    options.ClientId = credentials.ClientId;
    options.ClientSecret = credentials.ClientSecret;
    options.TokenEndpoint = new Uri(server.PoderoBaseAddress, "oauth2/token/");
});
services.AddHttpClient("api")
    .AddClientCredentialsToken<PoderoAuth>()
    .ConfigurePrimaryHttpMessageHandler(() => new EchoBearerApi());
await using (var provider = services.BuildServiceProvider())
{
    var api = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");
    for (var i = 0; i < 3; i++)
    {
        using var response = await api.GetAsync(new Uri("http://api.invalid/data"));
        Console.WriteLine($"API call {i + 1} through the bearer handler: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

// Throughput of the generated client against the loopback emulator, 8 callers.
const int Requests = 2000;
var remaining = Requests;
var stopwatch = Stopwatch.StartNew();
var callers = new Task[8];
for (var i = 0; i < callers.Length; i++)
{
    callers[i] = Task.Run(async () =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            _ = await configApiClient.RequestClientCredentialsTokenAsync(scope: "example.com");
        }
    });
}

await Task.WhenAll(callers);
stopwatch.Stop();
Console.WriteLine($"{Requests} client-credentials requests in {stopwatch.Elapsed.TotalSeconds:F2} s: {Requests / stopwatch.Elapsed.TotalSeconds:F0} requests/s");
Console.WriteLine($"{server.Requests.Count} token requests, each checked against its provider's document.");

static void Print(string provider, OAuthToken token) =>
    Console.WriteLine($"{provider,-18} token_type={token.TokenType,-12} bearer={(token.IsBearer ? "yes" : "no"),-4} expires_in={token.ExpiresIn?.TotalSeconds} s");

/// <summary>An API that answers with the bearer token it was sent (its first 8 characters).</summary>
internal sealed class EchoBearerApi : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bearer = request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token } ? token[..Math.Min(8, token.Length)] + "..." : "(none)";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("bearer " + bearer) });
    }
}
