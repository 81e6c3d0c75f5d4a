using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Smile.Api.GraphQL.Execution;

namespace Smile.Api.GraphQL.Transport;

/// <summary>
/// Requests per minute per caller: per client IP for anonymous callers (behind the configured proxy the
/// forwarded address), per API key for machines. Keys are partitioned only after they were verified,
/// so made-up keys cannot buy fresh buckets.
/// </summary>
public sealed class ApiRateLimiter(IOptions<ApiOptions> options) : IDisposable
{
    public const string ApiKeyPrefix = "key:";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(partition =>
        RateLimitPartition.GetFixedWindowLimiter(partition, key => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith(ApiKeyPrefix, StringComparison.Ordinal) ? options.Value.RequestsPerMinutePerApiKey : options.Value.RequestsPerMinutePerClient,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public ValueTask<RateLimitLease> AcquireAsync(string partition, int permits, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(partition, permits, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
