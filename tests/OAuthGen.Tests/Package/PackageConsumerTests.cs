using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using OAuthGen.Tests.Infrastructure;
using Xunit;

namespace OAuthGen.Tests.Package
{
    /// <summary>The path a user takes with dotnet add package: pack, restore from a folder feed, build, run.</summary>
    public class PackageConsumerTests
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

        [Fact]
        public async Task The_package_restores_into_a_fresh_project_that_builds_without_warnings_and_runs()
        {
            var work = Directory.CreateTempSubdirectory("oauthgen-package-").FullName;
            var version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            var feed = Path.Combine(work, "feed");
            try
            {
                // Its own artifacts path, so that packing does not touch the build the tests run from.
                var pack = await DotnetCli.RunAsync(
                    $"pack \"{Path.Combine(DotnetCli.RepositoryRoot, "src", "Runtime", "OAuthGen.csproj")}\" -c Release -o \"{feed}\" -p:Version={version} -p:ArtifactsPath=\"{Path.Combine(work, "artifacts")}\"",
                    work, Limit);
                Assert.True(pack.ExitCode == 0, pack.Output);

                var package = Path.Combine(feed, $"OAuthGen.{version}.nupkg");
                using (var zip = ZipFile.OpenRead(package))
                {
                    var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
                    Assert.Contains("lib/netstandard2.0/OAuthGen.dll", entries);
                    Assert.Contains("lib/net8.0/OAuthGen.dll", entries);
                    Assert.Contains("lib/net8.0/OAuthGen.xml", entries);
                    Assert.Contains("analyzers/dotnet/cs/OAuthGen.Generator.dll", entries);
                    Assert.Contains("README.md", entries);
                    Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generator", StringComparison.Ordinal));
                }

                var consumer = Path.Combine(work, "consumer");
                Directory.CreateDirectory(consumer);
                File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <packageSources>
                        <add key="local" value="{feed}" />
                      </packageSources>
                    </configuration>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <OutputType>Exe</OutputType>
                        <TargetFramework>net10.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <ImplicitUsings>enable</ImplicitUsings>
                        <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                        <GenerateDocumentationFile>true</GenerateDocumentationFile>
                        <NoWarn>$(NoWarn);CS1591</NoWarn>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="OAuthGen" Version="{version}" />
                        <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

                var build = await DotnetCli.RunAsync("build -c Release", consumer, Limit);
                Assert.True(build.ExitCode == 0, build.Output);
                Assert.Contains("0 Warning(s)", build.Output);

                var run = await DotnetCli.RunAsync("run -c Release --no-build", consumer, Limit);
                Assert.True(run.ExitCode == 0, run.Output);
                Assert.Contains("token-from-package Bearer 3600 json client_secret_basic", run.Output);
            }
            finally
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        private const string ConsumerProgram = """
            using System.Net;
            using System.Net.Http.Headers;
            using System.Text;
            using Microsoft.Extensions.DependencyInjection;
            using OAuthGen;

            var services = new ServiceCollection();
            services.AddOAuthClient<PackagedAuth>(options =>
                {
                    options.ClientId = "package-client";
                    options.ClientSecret = Environment.GetEnvironmentVariable("PACKAGE_TEST_SECRET") ?? "from-the-environment";
                })
                .ConfigurePrimaryHttpMessageHandler(() => new TokenEndpoint());
            using var provider = services.BuildServiceProvider();

            var token = await provider.GetRequiredService<PackagedAuth>().RequestClientCredentialsTokenAsync();
            Console.WriteLine($"{token.AccessToken} {token.TokenType} {token.ExpiresIn?.TotalSeconds} {(PackagedAuth.Provider.Body == BodyEncoding.Json ? "json" : "form")} {PackagedAuth.Provider.ClientAuthName}");

            [OAuthProvider("https://auth.example/oauth2/token/", Body = BodyEncoding.Json)]
            public partial class PackagedAuth { }

            sealed class TokenEndpoint : HttpMessageHandler
            {
                protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                {
                    var body = await request.Content!.ReadAsStringAsync(cancellationToken);
                    var ok = request.Headers.Authorization?.Scheme == "Basic" && body == "{\"grant_type\":\"client_credentials\"}";
                    var json = ok ? "{\"access_token\":\"token-from-package\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}" : "{\"error\":\"invalid_request\"}";
                    return new HttpResponseMessage(ok ? HttpStatusCode.OK : HttpStatusCode.BadRequest) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                }
            }
            """;
    }
}
