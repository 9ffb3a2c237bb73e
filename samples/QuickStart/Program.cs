using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OAuthGen;
using QuickStart;
using SeedProviders;

// Plays the five documented providers on loopback, then gets a token from each with its generated client.
await using var server = await SeedProviderServer.StartAsync();
var credentials = new SeedCredentials();
using var http = new HttpClient();

OAuthClientOptions Options(Uri baseAddress, string path) => new()
{
    ClientId = credentials.ClientId,
    ClientSecret = credentials.ClientSecret,
    TokenEndpoint = new Uri(baseAddress, path), // in production: the attribute's endpoint, or a sandbox host
};

var rows = new List<(OAuthProviderInfo Provider, string Grant, OAuthToken Token)>();

var afero = new AferoAuth(http, Options(server.AferoBaseAddress, "oauth/token"));
rows.Add((AferoAuth.Provider, "password", await afero.RequestPasswordTokenAsync(credentials.Username, credentials.Password)));

// The tenant's host is the HttpClient's base address; the declared endpoint is relative to it.
using var tenantHttp = new HttpClient { BaseAddress = server.ConfigApiBaseAddress };
var configApi = new ConfigApiAuth(tenantHttp, new OAuthClientOptions { ClientId = credentials.ClientId, ClientSecret = credentials.ClientSecret });
rows.Add((ConfigApiAuth.Provider, "client_credentials", await configApi.RequestClientCredentialsTokenAsync(scope: "example.com")));

var barApi = new BarApiAuth(http, Options(server.BarApiBaseAddress, "oauth/token"));
rows.Add((BarApiAuth.Provider, "password", await barApi.RequestPasswordTokenAsync(credentials.Username, credentials.Password)));

var connectedHome = new ConnectedHomeAuth(http, Options(server.ConnectedHomeBaseAddress, "oauth/token"));
var gatewayToken = await connectedHome.RequestClientCredentialsTokenAsync();
rows.Add((ConnectedHomeAuth.Provider, "client_credentials", gatewayToken));

// Its endpoints came from connectedhome-metadata.json at compile time; here only the host is the local server's.
var fromMetadata = new ConnectedHomeFromMetadata(http, Options(server.ConnectedHomeBaseAddress, new Uri(ConnectedHomeFromMetadata.Provider.TokenEndpoint).AbsolutePath.TrimStart('/')));
rows.Add((ConnectedHomeFromMetadata.Provider, "client_credentials", await fromMetadata.RequestClientCredentialsTokenAsync()));

var podero = new PoderoAuth(http, Options(server.PoderoBaseAddress, "oauth2/token/"));
rows.Add((PoderoAuth.Provider, "client_credentials", await podero.RequestClientCredentialsTokenAsync()));

PrintTable(
    new[] { "provider", "grant", "client auth", "body", "token type", "bearer", "expires in", "expires at (UTC)" },
    rows.Select(row => new[]
    {
        row.Provider.Name,
        row.Grant,
        row.Provider.ClientAuthName,
        row.Provider.Body == BodyEncoding.Json ? "json" : "form",
        row.Token.TokenType ?? "(none)",
        row.Token.IsBearer ? "yes" : "no",
        row.Token.ExpiresIn is { } lifetime ? lifetime.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s" : "-",
        row.Token.ExpiresAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-",
    }).ToList());

Console.WriteLine();
Console.WriteLine($"{ConnectedHomeAuth.Provider.Name} typed fields: organization_name = {gatewayToken.OrganizationName}, " +
    $"issued_at = {gatewayToken.IssuedAt:O}, refresh_count = {gatewayToken.RefreshCount}");
Console.WriteLine($"{ConnectedHomeFromMetadata.Provider.Name} endpoints, read from connectedhome-metadata.json at build time: " +
    $"token {ConnectedHomeFromMetadata.Provider.TokenEndpoint}, authorization {ConnectedHomeFromMetadata.Provider.AuthorizationEndpoint}");
Console.WriteLine($"{server.Requests.Count} token requests, each checked against its provider's document.");

static void PrintTable(string[] headers, List<string[]> rows)
{
    var widths = headers.Select((header, column) => Math.Max(header.Length, rows.Max(row => row[column].Length))).ToArray();
    void Print(string[] cells) => Console.WriteLine(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
    Print(headers);
    Print(widths.Select(width => new string('-', width)).ToArray());
    rows.ForEach(Print);
}
