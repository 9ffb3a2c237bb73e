using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace OAuthGen.Tests.Hostile
{
    /// <summary>One hostile server per test class; the tests of a class run one at a time, so each may reset it.</summary>
    public sealed class HostileServerFixture : IAsyncLifetime
    {
        internal HostileTokenServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await HostileTokenServer.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();

        /// <summary>Waits, up to <paramref name="limit"/>, for <paramref name="condition"/>; false if it never held.</summary>
        public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan limit)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed > limit)
                {
                    return false;
                }

                await Task.Delay(10);
            }

            return true;
        }
    }
}
