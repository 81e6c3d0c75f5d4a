using Microsoft.Extensions.Options;
using Smile.Cms.Configuration;
using Smile.Cms.Startup;
using Smile.Content.Events;
using Smile.Content.Querying;
using Smile.Search;
using Smile.Site;
using Smile.Site.Building;
using Smile.Site.Searching;
using Smile.Site.Sources;

namespace Smile.Cms.Site;

/// <summary>
/// Builds the public site from the CMS's own content when the CMS starts, and again (incrementally) whenever
/// the outbox moves, so the site at <c>/</c> shows what is published within a moment. Each node builds its own.
/// </summary>
public sealed partial class SitePreviewService : BackgroundService, IOutboxFollower
{
    private readonly SiteBuilder _builder;
    private readonly IContentReader _reader;
    private readonly StartupState _startup;
    private readonly SitePreviewOptions _options;
    private readonly ILogger<SitePreviewService> _logger;
    private readonly IOutbox _outbox;
    private readonly SitePreviewMetrics? _metrics;
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<BuildReport> _changes = new();

    public SitePreviewService(IContentSource source, IContentReader reader, IOutbox outbox, StartupState startup, IOptions<SitePreviewOptions> options, IOptions<SmileOptions> smile, IOptions<SearchOptions> search, IHostEnvironment environment, ILogger<SitePreviewService> logger, SitePreviewMetrics? metrics = null)
    {
        _outbox = outbox;
        _metrics = metrics;
        FollowerName = "site-preview@" + search.Value.NodeNameOrMachine;
        _reader = reader;
        _startup = startup;
        _options = options.Value;
        _logger = logger;
        OutputFolder = SitePreviewOptions.OutputFolderUnder(smile.Value.DataPath, environment.ContentRootPath);
        _builder = new SiteBuilder(source, _options.ToSiteOptions(OutputFolder));
    }

    public string OutputFolder { get; }

    /// <summary>Each node builds its own preview, so each follows the outbox under its own name.</summary>
    public string FollowerName { get; }

    /// <summary>Completes when the first build succeeded (failed builds are logged and tried again at the next tick).</summary>
    public Task FirstBuild => _firstBuild.Task;

    /// <summary>The last builds that changed the site (at most 20), oldest first.</summary>
    public IReadOnlyList<BuildReport> Changes
    {
        get
        {
            lock (_changes)
            {
                return [.. _changes];
            }
        }
    }

    public override void Dispose()
    {
        _builder.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _startup.Ready.WaitAsync(stoppingToken);
            (long, long) built = (-1, -1);
            using var timer = new PeriodicTimer(_options.Interval);
            do
            {
                // New sensor readings change station pages without any content event.
                var state = await _reader.StateAsync(stoppingToken);
                var position = (state.OutboxPosition, state.ObservationBatches);
                if (position != built && await BuildAsync(stoppingToken))
                {
                    if (position.OutboxPosition != built.Item1)
                    {
                        await ReportPositionAsync(position.OutboxPosition, stoppingToken);
                    }

                    built = position;
                    _firstBuild.TrySetResult();
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
            _firstBuild.TrySetResult();
        }
    }

    /// <summary>Stores how far the preview has built, for the outbox lag; a database hiccup here must not stop the preview.</summary>
    private async Task ReportPositionAsync(long position, CancellationToken cancellationToken)
    {
        try
        {
            await _outbox.AdvanceAsync(FollowerName, position, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPositionNotStored(_logger, e);
        }
    }

    private async Task<bool> BuildAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var report = await _builder.BuildAsync(cancellationToken);
            if (report.FilesWritten.Count == 0 && report.FilesRemoved.Count == 0)
            {
                _metrics?.Built("unchanged", System.Diagnostics.Stopwatch.GetElapsedTime(started), 0);
                return true;
            }

            lock (_changes)
            {
                _changes.Enqueue(report);
                while (_changes.Count > 20)
                {
                    _changes.Dequeue();
                }
            }

            foreach (var warning in report.Warnings)
            {
                LogWarning(_logger, warning);
            }

            var search = await Pagefind.IndexAsync(OutputFolder, _options.PagefindPath, report, quiet: true, cancellationToken);
            _metrics?.Built("changed", System.Diagnostics.Stopwatch.GetElapsedTime(started), report.PagesWritten);
            LogBuilt(_logger, report.PagesWritten, report.FilesRemoved.Count, report.ItemsFetched, (long)report.Duration.TotalMilliseconds, search);
            return true;
        }
        catch (Exception e) when (e is SiteBuildException or ContentSourceException)
        {
            // The site stays as it was; the next publish tries again. Editors see why in the log.
            LogFailed(_logger, e.Message);
            _metrics?.Built("failed", System.Diagnostics.Stopwatch.GetElapsedTime(started), 0);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken preview must never take the CMS down with it.
            LogCrashed(_logger, e);
            _metrics?.Built("failed", System.Diagnostics.Stopwatch.GetElapsedTime(started), 0);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site preview built: {Written} pages written, {Removed} files removed, {Fetched} items fetched in {Milliseconds} ms ({Search})")]
    private static partial void LogBuilt(ILogger logger, int written, int removed, int fetched, long milliseconds, string search);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site preview: its outbox position could not be stored; the lag metrics lag behind until the next build")]
    private static partial void LogPositionNotStored(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site preview: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site preview build failed unexpectedly")]
    private static partial void LogCrashed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site preview not built: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
