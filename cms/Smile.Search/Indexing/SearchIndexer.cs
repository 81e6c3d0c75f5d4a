using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Content.Definitions;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Search.Indexing;

/// <summary>
/// Follows the content events outbox by sequence number and keeps both scopes' indexes in step: each
/// batch of events names items, whose current published and latest versions are read and written; then
/// everything commits with the position of the last event. On start it catches up from the committed
/// position, or rebuilds from the database when there is nothing to catch up from.
/// </summary>
public sealed partial class SearchIndexer(
    SearchIndexes indexes,
    IContentReader reader,
    IOutbox outbox,
    IOptions<SearchOptions> options,
    ILogger<SearchIndexer> logger) : IHostedService, IDisposable, IOutboxFollower
{
    private const int BatchSize = 500;

    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private int _stopped;
    private Dictionary<string, ContentTypeDefinition>? _types;

    /// <summary>The name this node follows the outbox under; pruning keeps the events it has not read.</summary>
    public string FollowerName => "search@" + Path.GetFileName(indexes.Folder);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var needsRebuild = indexes.Open();
        _loop = Task.Run(() => RunAsync(needsRebuild, _stopping.Token), CancellationToken.None);
        // Serve searches that reflect the content from the start when catching up is quick; a long rebuild goes on in the background.
        await Task.WhenAny(_caughtUp.Task, _loop, Task.Delay(options.Value.StartupCatchUp, cancellationToken));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _stopped, 1, 0) != 0)
        {
            return; // a host that runs itself stops (and disposes) its services while a test host stops them too
        }

        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Reads the outbox now rather than at the next poll (a search is waiting for fresh results).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already awake
        }
    }

    /// <summary>
    /// Recreates every index from the database. The outbox head is read first: events after it are applied
    /// afterwards and, being idempotent, repeat nothing that the rebuild already holds.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        var head = await outbox.HeadAsync(cancellationToken);
        _types = null;
        var types = await TypesAsync(cancellationToken);
        indexes.DeleteAll();
        var count = 0;
        ContentTypeDefinition? TypeOf(ContentVersion version) => types.GetValueOrDefault(version.ContentType);

        // Each page is analysed on every core while the next one is read from the database.
        var working = Task.CompletedTask;
        try
        {
            foreach (var (scope, status) in new[] { (indexes.Public, VersionStatus.Published), (indexes.Editors, VersionStatus.Latest) })
            {
                if (options.Value.SplitCompounds)
                {
                    await foreach (var page in PagesAsync(status, cancellationToken))
                    {
                        await working;
                        working = Task.Run(() => ScopeWriter.LearnAll(scope, page, TypeOf), cancellationToken);
                    }

                    await working;
                }

                await foreach (var page in PagesAsync(status, cancellationToken))
                {
                    var titles = await TermTitlesAsync(page, status, types, cancellationToken);
                    await working;
                    working = Task.Run(() => ScopeWriter.AddAll(scope, page, TypeOf, titles), cancellationToken);
                    count += page.Count;
                }

                await working;
            }
        }
        finally
        {
            // When reading a page failed, the page before is still being written: a retried rebuild must not start
            // (and delete everything) until it is done, or that page would land in the new index twice.
            await working.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        indexes.Commit(head);
        indexes.MergeInBackground();
        await outbox.AdvanceAsync(FollowerName, head, cancellationToken);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        LogRebuilt(logger, count, head, elapsed.TotalMilliseconds);
        return count;
    }

    public void Dispose()
    {
        // Disposed without being stopped: end the loop before the indexes it writes to are disposed after this.
        if (Interlocked.CompareExchange(ref _stopped, 1, 0) == 0)
        {
            _stopping.Cancel();
        }

        _loop?.Wait(TimeSpan.FromSeconds(30));

        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync(bool needsRebuild, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (needsRebuild)
                {
                    await RebuildAsync(stopping);
                    needsRebuild = false;
                }

                var outcome = await CatchUpOnceAsync(stopping);
                if (outcome == Outcome.Gap)
                {
                    LogGap(logger, indexes.Position);
                    needsRebuild = true;
                    continue;
                }

                if (outcome == Outcome.UpToDate)
                {
                    if (!_caughtUp.Task.IsCompleted)
                    {
                        // Indexes that were already current on start never advanced the stored position: say where they are.
                        await outbox.AdvanceAsync(FollowerName, indexes.Position, stopping);
                    }

                    _caughtUp.TrySetResult();
                    indexes.CommitFinishedMerges();
                    await _wake.WaitAsync(options.Value.PollInterval, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A database hiccup must not end indexing for the life of the process: try again shortly.
                LogFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private enum Outcome
    {
        UpToDate,
        Applied,
        Gap,
    }

    private async Task<Outcome> CatchUpOnceAsync(CancellationToken cancellationToken)
    {
        var position = indexes.Position;
        var events = await reader.EventsAfterAsync(position, BatchSize, publicOnly: false, cancellationToken);
        if (events.Count == 0)
        {
            return Outcome.UpToDate;
        }

        // Sequences are gapless: a jump means events were pruned before this node read them.
        if (events[0].Sequence != position + 1)
        {
            return Outcome.Gap;
        }

        await ApplyAsync(events, cancellationToken);
        var last = events[^1].Sequence;
        indexes.Commit(last);
        await outbox.AdvanceAsync(FollowerName, last, cancellationToken);
        return Outcome.Applied;
    }

    private async Task ApplyAsync(IReadOnlyList<ContentEvent> events, CancellationToken cancellationToken)
    {
        if (events.Any(e => e.Kind == ContentEventKind.ContentTypeChanged))
        {
            _types = null;
        }

        var types = await TypesAsync(cancellationToken);
        var ids = events.Select(e => e.ItemId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var (scope, status) in new[] { (indexes.Public, VersionStatus.Published), (indexes.Editors, VersionStatus.Latest) })
        {
            var versions = (await reader.GetVersionsAsync(ids, status, cancellationToken)).ToDictionary(v => v.ItemId, StringComparer.Ordinal);
            var titles = await TermTitlesAsync([.. versions.Values], status, types, cancellationToken);
            foreach (var id in ids)
            {
                if (versions.TryGetValue(id, out var version))
                {
                    ScopeWriter.Put(scope, version, types.GetValueOrDefault(version.ContentType), titles);
                }
                else
                {
                    ScopeWriter.Remove(scope, id);
                }
            }
        }

        if (events.Any(e => e.Kind == ContentEventKind.Purged))
        {
            indexes.ExpungeDeletes();
        }
    }

    /// <summary>Every version in pages by id, each page after the last id of the one before (an offset re-read every skipped row).</summary>
    private async IAsyncEnumerable<IReadOnlyList<ContentVersion>> PagesAsync(VersionStatus status, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var page = await reader.QueryAsync(new ContentQuery
            {
                ContentType = null,
                Culture = null,
                Status = status,
                Where = after is null ? null : new Compare(CommonField.Id, FilterOperator.GreaterThan, after),
                OrderBy = [new SortKey(CommonField.Id)],
                Take = BatchSize,
                IncludeTotalCount = false,
            }, cancellationToken);
            yield return page.Items;
            if (!page.HasMore || page.Items.Count == 0)
            {
                yield break;
            }

            after = page.Items[^1].ItemId;
        }
    }

    /// <summary>Titles of the taxonomy terms the versions refer to, read in the same scope (public terms for the public index).</summary>
    private async Task<IReadOnlyDictionary<string, string>> TermTitlesAsync(IReadOnlyList<ContentVersion> versions, VersionStatus status, Dictionary<string, ContentTypeDefinition> types, CancellationToken cancellationToken)
    {
        var ids = versions.SelectMany(v => SearchDocumentBuilder.TermIds(v, types.GetValueOrDefault(v.ContentType))).Distinct(StringComparer.Ordinal).ToList();
        var terms = await reader.GetVersionsAsync(ids, status, cancellationToken);
        return terms.ToDictionary(t => t.ItemId, t => t.Title, StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, ContentTypeDefinition>> TypesAsync(CancellationToken cancellationToken) =>
        _types ??= (await reader.ListTypesAsync(cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search indexes rebuilt from the database: {Versions} versions, outbox position {Position}, {Milliseconds:F0} ms")]
    private static partial void LogRebuilt(ILogger logger, int versions, long position, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search indexes at outbox position {Position} missed pruned events; rebuilding from the database")]
    private static partial void LogGap(ILogger logger, long position);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search indexing failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
