using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace WorkerSample
{
    /// <summary>A typed client of the protected API; the bearer token is the handler's business, not its.</summary>
    public sealed class PoderoApi(HttpClient http)
    {
        public Task<string> GetUsersAsync(CancellationToken cancellationToken) => http.GetStringAsync("users", cancellationToken);
    }
}
