using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WorkerSample
{
    /// <summary>Calls the protected API a few times, concurrently, then stops the app.</summary>
    public sealed class Worker(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<Worker> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            for (var round = 1; round <= 3; round++)
            {
                var calls = new Task<string>[4];
                for (var i = 0; i < calls.Length; i++)
                {
                    calls[i] = services.GetRequiredService<PoderoApi>().GetUsersAsync(stoppingToken);
                }

                var answers = await Task.WhenAll(calls);
                logger.LogInformation("Round {Round}: {Count} API calls answered: {Answer}", round, answers.Length, answers[0]);
            }

            lifetime.StopApplication();
        }
    }
}
