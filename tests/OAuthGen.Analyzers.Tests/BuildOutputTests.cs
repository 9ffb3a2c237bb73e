using System;
using System.Diagnostics;
using System.Threading.Tasks;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Analyzers.Tests
{
    /// <summary>What a user sees: `dotnet build` of samples/AnalyzerDemo, which sends its secret twice.</summary>
    public class BuildOutputTests
    {
        [Fact]
        public async Task Dotnet_build_shows_OAUTH001_with_its_help_link_on_every_build()
        {
            // Twice, touching nothing: the second build is the one a user runs after the tests, on an up-to-date project.
            foreach (var build in new[] { "first", "second" })
            {
                var text = await BuildAnalyzerDemoAsync();
                Assert.True(text.Contains("warning OAUTH001:", StringComparison.Ordinal), $"the {build} build printed no OAUTH001:\n{text}");
                Assert.Contains("Providers.cs(", text);
                Assert.Contains("(https://github.com/oauthgen/oauthgen/blob/main/docs/diagnostics/OAUTH001.md)", text);
            }
        }

        private static async Task<string> BuildAnalyzerDemoAsync()
        {
            var project = Repository.PathOf("samples", "AnalyzerDemo");
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { "build", project, "-nologo" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Repository.Root,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            // The test host's MSBuild variables would point the child build at the test run's own MSBuild.
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            start.Environment.Remove("MSBuildSDKsPath");

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet build samples/AnalyzerDemo took more than 5 minutes");
            }

            var text = await output + await error;
            Assert.True(process.ExitCode == 0, "dotnet build failed:\n" + text);
            return text;
        }
    }
}
