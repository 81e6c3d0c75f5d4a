using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Smile.Cms.Startup;
using Smile.Storage;

namespace Smile.Cms.Health;

/// <summary>Ready means: start-up work done, database reachable, no migration pending.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<SmileDbContext> contexts, StartupState state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsReady)
        {
            return HealthCheckResult.Unhealthy(state.Ready.IsFaulted ? "Start-up failed: " + state.Ready.Exception!.GetBaseException().Message : "Start-up work is still running.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.");
        }

        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return pending.Any()
            ? HealthCheckResult.Unhealthy($"Migrations pending: {string.Join(", ", pending)}")
            : HealthCheckResult.Healthy();
    }
}
