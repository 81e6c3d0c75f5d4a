using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Smile.Cms.Configuration;

/// <summary><c>Smile:Health</c>: when readiness counts a follower of the outbox as too far behind.</summary>
public sealed class HealthOptions
{
    /// <summary>Events a follower may be behind the outbox head; 0 for no limit.</summary>
    public long MaxOutboxLag { get; set; } = 10_000;

    /// <summary>How long the oldest event a follower has not read may wait; zero for no limit.</summary>
    public TimeSpan MaxOutboxLagAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>What readiness reports beyond a limit: Unhealthy (503, out of the load balancer) or Degraded (200, reported only).</summary>
    public HealthStatus OutboxLagStatus { get; set; } = HealthStatus.Unhealthy;
}
