using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Storage.Leases;

namespace Smile.Ingestion.Calendar;

/// <summary>Polls the configured feeds on a schedule, on the one node holding the lease. A broken feed is logged and tried again next time; the others go on.</summary>
public sealed partial class CalendarFeedService(
    CalendarImporter importer,
    ILeaseProvider leases,
    IOptions<CalendarOptions> options,
    TimeProvider clock,
    ILogger<CalendarFeedService> logger) : BackgroundService
{
    public const string LeaseName = "calendar-feeds";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.Interval, clock);
        IAsyncDisposable? lease = null;
        try
        {
            do
            {
                lease ??= await leases.TryAcquireAsync(LeaseName, stoppingToken);
                if (lease is not null)
                {
                    await PollAllAsync(settings, stoppingToken);
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

    public async Task PollAllAsync(CalendarOptions settings, CancellationToken cancellationToken)
    {
        foreach (var feed in settings.Feeds)
        {
            try
            {
                var ics = await FetchAsync(feed, cancellationToken);
                var report = await importer.ImportAsync(feed, ics, settings.WindowPast, settings.WindowAhead, cancellationToken);
                LogImported(logger, feed, report.Created, report.Updated, report.Unchanged, report.Unpublished, report.KeptEdited.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFeedFailed(logger, feed, ex);
            }
        }
    }

    private async Task<string> FetchAsync(string feed, CancellationToken cancellationToken)
    {
        var uri = new Uri(feed);
        if (uri.IsFile)
        {
            return await File.ReadAllTextAsync(uri.LocalPath, cancellationToken);
        }

        return await _http.GetStringAsync(uri, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar feed {Feed}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Unpublished} unpublished, {KeptEdited} kept as edited")]
    private static partial void LogImported(ILogger logger, string feed, int created, int updated, int unchanged, int unpublished, int keptEdited);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calendar feed {Feed} could not be imported; trying again next time")]
    private static partial void LogFeedFailed(ILogger logger, string feed, Exception exception);
}
