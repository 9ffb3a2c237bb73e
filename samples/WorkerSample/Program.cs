using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OAuthGen;
using OAuthGen.Tokens;
using WorkerSample;

// appsettings.json sits beside the app, whichever directory it is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Local demo only: a loopback Podero emulator and a protected API stand in for the real hosts, so the
// configured endpoints are pointed at them. The secret comes from the environment or user secrets in real use
// (OAuth__Podero__ClientSecret); here the emulator's.
var localServers = await LocalServers.StartAsync();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["OAuth:Podero:TokenEndpoint"] = new Uri(localServers.Podero.PoderoBaseAddress, "oauth2/token/").AbsoluteUri,
    ["OAuth:Podero:ClientSecret"] = new SeedProviders.SeedCredentials().ClientSecret,
    ["PoderoApi:BaseAddress"] = localServers.ApiBaseAddress.AbsoluteUri,
});

builder.Services.AddOAuthClient<PoderoAuth>("OAuth:Podero");
builder.Services.Configure<TokenManagementOptions>(options => options.RefreshBeforeExpiry = TimeSpan.FromMinutes(2));
builder.Services
    .AddHttpClient<PoderoApi>(client => client.BaseAddress = new Uri(builder.Configuration["PoderoApi:BaseAddress"]!))
    .AddClientCredentialsToken<PoderoAuth>();
builder.Services.AddHostedService<Worker>();

using var host = builder.Build();
await host.RunAsync();
await localServers.DisposeAsync();

namespace WorkerSample
{
    [OAuthProvider("https://app.podero.com/oauth2/token/", Body = BodyEncoding.Json)]
    [OAuthHeader("Cache-Control", "no-cache")]
    public partial class PoderoAuth { }
}
