using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Storage.Leases;
using Smile.Webhooks.Following;
using Smile.Webhooks.Sending;

namespace Smile.Webhooks;

/// <summary>
/// The webhook loop, on the one node holding the lease: turn settled bursts of public events into deliveries,
/// then send what is due. Everything it knows is in the database, so another node (or this one after a restart)
/// carries on where it stopped.
/// </summary>
public sealed partial class WebhookService(
    WebhookBatcher batcher,
    WebhookDispatcher dispatcher,
    WebhookSignal signal,
    ILeaseProvider leases,
    IOptions<WebhookOptions> options,
    ILogger<WebhookService> logger) : BackgroundService
{
    public const string LeaseName = "webhooks";

    /// <summary>Registers the follower before the host has started: what is published once the CMS is up is never missed.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await batcher.PositionAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        IAsyncDisposable? lease = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = settings.PollInterval;
                try
                {
                    lease ??= await leases.TryAcquireAsync(LeaseName, stoppingToken);
                    if (lease is not null)
                    {
                        var batch = await batcher.CollectAsync(stoppingToken);
                        await dispatcher.SendDueAsync(stoppingToken);
                        if (batch.LookAgainIn is { } soon && soon < wait)
                        {
                            wait = soon;
                        }
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A database hiccup must not end webhooks for the life of the process: what is stored waits.
                    LogFailed(logger, ex);
                    wait = TimeSpan.FromSeconds(2);
                }

                await signal.WaitAsync(wait, stoppingToken);
            }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhooks: reading the outbox or sending failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
