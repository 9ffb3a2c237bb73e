using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace SeedProviders;

/// <summary>
/// Replaces the default ConsoleLifetime, which would cancel Ctrl+C and SIGTERM for the whole test or
/// sample process and turn them into a shutdown of one emulator.
/// </summary>
public sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
