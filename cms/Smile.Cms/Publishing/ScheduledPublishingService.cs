using Microsoft.Extensions.Options;
using Smile.Cms.Configuration;
using Smile.Cms.Startup;
using Smile.Content.Editing;
using Smile.Content.Security;
using Smile.Storage.Leases;

namespace Smile.Cms.Publishing;

/// <summary>
/// Publishes items whose scheduled time has come. Due times are stored, so after a restart (or on
/// another node) it catches up on everything missed. Only the node holding the lease does the work.
/// </summary>
public sealed partial class ScheduledPublishingService(
    ContentService content,
    ILeaseProvider leases,
    StartupState state,
    IOptions<SmileOptions> options,
    TimeProvider clock,
    ILogger<ScheduledPublishingService> logger,
    ScheduledPublishingMetrics? metrics = null) : BackgroundService
{
    public const string LeaseName = "scheduled-publishing";

    /// <summary>The scheduler acts as itself in the audit trail, with publishing rights only.</summary>
    public static readonly Actor SchedulerActor = new("scheduler", new HashSet<Permission> { Permission.PublishAllContent, Permission.EditAllContent });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.Ready.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Scheduler.Interval, clock);
        IAsyncDisposable? lease = null;
        try
        {
            do
            {
                lease ??= await leases.TryAcquireAsync(LeaseName, stoppingToken);
                if (lease is not null)
                {
                    await PublishDueAsync(stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }
    }

    public async Task<IReadOnlyList<string>> PublishDueAsync(CancellationToken cancellationToken)
    {
        try
        {
            var published = await content.RunAsync(SchedulerActor, e => e.PublishDueAsync(cancellationToken), cancellationToken);
            foreach (var id in published)
            {
                LogPublished(logger, id);
            }

            metrics?.Ran(published.Count);
            return published;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad item must not stop the scheduler; it retries on the next tick.
            LogFailed(logger, ex);
            metrics?.Failed();
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled item {ItemId} published")]
    private static partial void LogPublished(ILogger logger, string itemId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
