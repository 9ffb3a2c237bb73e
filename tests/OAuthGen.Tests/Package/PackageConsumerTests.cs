using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
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
            // The version is the one property of Directory.Build.props; a suffix of this run's makes it a fresh pack.
            var suffix = "test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            var version = ProductVersion() + "-" + suffix;
            var feed = Path.Combine(work, "feed");
            var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            try
            {
                // Its own artifacts path, so that packing does not touch the build the tests run from.
                var pack = await DotnetCli.RunAsync(
                    $"pack \"{Path.Combine(DotnetCli.RepositoryRoot, "src", "Runtime", "OAuthGen.csproj")}\" -c Release -o \"{feed}\" -p:VersionSuffix={suffix} -p:ArtifactsPath=\"{Path.Combine(work, "artifacts")}\"",
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
                    Assert.Contains("build/OAuthGen.props", entries);
                    Assert.Contains("buildTransitive/OAuthGen.props", entries);
                    Assert.Contains("README.md", entries);
                    Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generator", StringComparison.Ordinal));

                    // The help links of the diagnostics have a home that the package declares.
                    var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
                    var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
                    var projectUrl = metadata.Elements().Single(e => e.Name.LocalName == "projectUrl").Value;
                    var repositoryUrl = metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value;
                    Assert.Equal(projectUrl, repositoryUrl);
                    var helpLink = OAuthGen.Generator.Diagnostics.DiagnosticDescriptors.SecretSentTwice.HelpLinkUri;
                    Assert.StartsWith(projectUrl + "/", helpLink, StringComparison.Ordinal);

                    // The package's own README names every grant and every client authentication method.
                    using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
                    var text = readme.ReadToEnd();
                    foreach (var name in Enum.GetNames<OAuthGrant>().Where(n => n != nameof(OAuthGrant.None)).Concat(Enum.GetNames<ClientAuthMethod>()))
                    {
                        Assert.True(text.Contains("`" + name + "`", StringComparison.Ordinal), $"the package README does not mention {name}");
                    }
                }

                var consumer = Path.Combine(work, "consumer");
                Directory.CreateDirectory(consumer);
                // OAuthGen only from this run's feed, restored into a packages folder of its own: nothing is left in the
                // machine's global packages folder, and no package cached there can stand in for the one just packed.
                // Everything else comes from the machine's cache used as a feed (no download), or from nuget.org.
                File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <packageSources>
                        <clear />
                        <add key="fresh-pack" value="{feed}" />
                        <add key="machine-cache" value="{globalPackages}" />
                        <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                      </packageSources>
                      <packageSourceMapping>
                        <packageSource key="fresh-pack"><package pattern="OAuthGen" /></packageSource>
                        <packageSource key="machine-cache"><package pattern="*" /></packageSource>
                        <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                      </packageSourceMapping>
                    </configuration>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Directory.Build.props"), $"""
                    <Project>
                      <PropertyGroup>
                        <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                      </PropertyGroup>
                    </Project>
                    """);
                // A consumer stands alone: no Directory.Packages.props of a folder above it (central package management
                // in /tmp, say) may reach its restore.
                File.WriteAllText(Path.Combine(consumer, "Directory.Packages.props"), """
                    <Project>
                      <PropertyGroup>
                        <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                      </PropertyGroup>
                    </Project>
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
                        <!-- The package's build/OAuthGen.props lets the generator see the binding. -->
                        <AdditionalFiles Include="idp.json" OAuthGenProvider="PackagedAuth" />
                        <PackageReference Include="OAuthGen" Version="{version}" />
                        <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.0" />
                      </ItemGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
                File.WriteAllText(Path.Combine(consumer, "idp.json"), """
                    { "issuer": "https://auth.example", "token_endpoint": "https://auth.example/oauth2/token/", "token_endpoint_auth_methods_supported": ["client_secret_basic"] }
                    """);

                var build = await DotnetCli.RunAsync("build -c Release", consumer, Limit);
                Assert.True(build.ExitCode == 0, build.Output);
                Assert.Contains("0 Warning(s)", build.Output);

                var run = await DotnetCli.RunAsync("run -c Release --no-build", consumer, Limit);
                Assert.True(run.ExitCode == 0, run.Output);
                Assert.Contains("token-from-package Bearer 3600 json client_secret_basic https://auth.example/oauth2/token/", run.Output);
                Assert.Contains("runtime " + version, run.Output);
                Assert.True(Directory.Exists(Path.Combine(work, "packages", "oauthgen", version)), "the consumer did not restore into its own packages folder");
                Assert.False(Directory.Exists(Path.Combine(globalPackages, "oauthgen", version)), "the test package reached the global packages folder");
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

        private static string ProductVersion() =>
            XDocument.Load(Path.Combine(DotnetCli.RepositoryRoot, "Directory.Build.props")).Descendants("OAuthGenVersion").Single().Value;

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
            Console.WriteLine($"{token.AccessToken} {token.TokenType} {token.ExpiresIn?.TotalSeconds} {(PackagedAuth.Provider.Body == BodyEncoding.Json ? "json" : "form")} {PackagedAuth.Provider.ClientAuthName} {PackagedAuth.Provider.TokenEndpoint}");
            // The assembly that ran, so that the test knows it is the one just packed (the informational version may end in +commit).
            Console.WriteLine("runtime " + System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(OAuthToken).Assembly)!.InformationalVersion.Split('+')[0]);

            // The token endpoint comes from idp.json, bound to the class in Consumer.csproj.
            [OAuthProvider(Body = BodyEncoding.Json)]
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
