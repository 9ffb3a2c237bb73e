using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace OAuthGen.Tests.Infrastructure
{
    /// <summary>Runs the dotnet CLI as a user would, with a time limit, and keeps what it printed.</summary>
    internal static class DotnetCli
    {
        public static string RepositoryRoot { get; } = FindRepositoryRoot();

        public static async Task<(int ExitCode, string Output)> RunAsync(string arguments, string workingDirectory, TimeSpan timeout)
        {
            var start = new ProcessStartInfo("dotnet", arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = new Process { StartInfo = start };
            var output = new StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {arguments} did not finish in {timeout}:\n{output}");
            }

            await exited;
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "OAuthGen.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("OAuthGen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
