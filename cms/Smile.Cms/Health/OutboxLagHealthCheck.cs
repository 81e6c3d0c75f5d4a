using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Smile.Cms.Configuration;
using Smile.Cms.Startup;
using Smile.Content.Events;
using Smile.Storage.Outbox;

namespace Smile.Cms.Health;

/// <summary>
/// Readiness by outbox lag: a follower this node runs (its search indexes, its site preview, the deployment's
/// webhooks) that is more events behind than <c>Smile:Health:MaxOutboxLag</c>, or whose oldest unread event is older
/// than <c>MaxOutboxLagAge</c>, makes the node <c>OutboxLagStatus</c> and is named in the description. Followers
/// stored by nodes that are gone are left to the metrics: they must not take this node out of service.
/// </summary>
public sealed class OutboxLagHealthCheck(OutboxLagReader reader, IEnumerable<IOutboxFollower> followers, StartupState startup, IOptionsMonitor<SmileOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.IsReady)
        {
            return HealthCheckResult.Healthy("Not checked before start-up work is done.");
        }

        var limits = options.CurrentValue.Health;
        var mine = followers.Select(f => f.FollowerName).ToHashSet(StringComparer.Ordinal);
        var lag = await reader.ReadAsync(cancellationToken);
        var watched = lag.Followers.Where(f => mine.Contains(f.Follower)).ToList();
        var data = watched.ToDictionary(f => f.Follower, f => (object)f.Events, StringComparer.Ordinal);
        var behind = watched
            .Where(f => (limits.MaxOutboxLag > 0 && f.Events > limits.MaxOutboxLag) || (limits.MaxOutboxLagAge > TimeSpan.Zero && f.OldestUnreadAge > limits.MaxOutboxLagAge))
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Follower} is {f.Events} events behind (position {f.Position} of {lag.Head}, oldest unread {f.OldestUnreadAge.TotalSeconds:F0} s old)"))
            .ToList();
        if (behind.Count == 0)
        {
            var summary = watched.Count == 0 ? "No outbox followers registered yet." : string.Join("; ", watched.Select(f => $"{f.Follower}: {f.Events} behind"));
            return HealthCheckResult.Healthy(summary, data);
        }

        var description = string.Join("; ", behind) + string.Create(CultureInfo.InvariantCulture, $". Limits: {limits.MaxOutboxLag} events, {limits.MaxOutboxLagAge.TotalSeconds:F0} s.");
        return new HealthCheckResult(limits.OutboxLagStatus, description, data: data);
    }
}
