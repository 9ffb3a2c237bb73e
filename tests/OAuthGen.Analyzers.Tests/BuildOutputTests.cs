using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using OAuthGen.Testing;
using Xunit;

namespace OAuthGen.Analyzers.Tests
{
    /// <summary>What a user sees: `dotnet build` of samples/AnalyzerDemo, which sends its secret twice.</summary>
    public class BuildOutputTests
    {
        [Fact]
        public async Task Dotnet_build_shows_OAUTH001_with_its_help_link()
        {
            var project = Repository.PathOf("samples", "AnalyzerDemo");
            // An up-to-date project is not compiled again, and only a compilation prints diagnostics.
            File.SetLastWriteTimeUtc(Path.Combine(project, "Providers.cs"), DateTime.UtcNow);

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
            Assert.Contains("warning OAUTH001:", text);
            Assert.Contains("Providers.cs(", text);
            Assert.Contains("(https://github.com/oauthgen/oauthgen/blob/main/docs/diagnostics/OAUTH001.md)", text);
        }
    }
}
