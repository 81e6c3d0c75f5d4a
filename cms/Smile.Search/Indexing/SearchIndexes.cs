using Microsoft.Extensions.Logging;
using Smile.Content.Searching;

namespace Smile.Search.Indexing;

/// <summary>
/// Both scopes' indexes and the outbox position they reflect. All of them commit together with the same
/// position, so after any crash the smallest committed position is a safe place to continue from:
/// re-applying an event reads the item's current state again, which changes nothing twice.
/// </summary>
public sealed class SearchIndexes : IDisposable
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;

    public SearchIndexes(string folder, bool splitCompounds, ILogger<SearchIndexes> logger)
    {
        Folder = folder;
        Public = new IndexSet(Path.Combine(folder, "public"), splitCompounds, logger);
        Editors = new IndexSet(Path.Combine(folder, "editors"), splitCompounds, logger);
    }

    public string Folder { get; }

    /// <summary>Published versions only.</summary>
    public IndexSet Public { get; }

    /// <summary>The latest version of every item.</summary>
    public IndexSet Editors { get; }

    public long Position => Interlocked.Read(ref _position);

    public IEnumerable<CultureIndex> All => Public.All.Concat(Editors.All);

    public IndexSet For(SearchScope scope) => scope == SearchScope.Published ? Public : Editors;

    /// <summary>
    /// Opens what is on disk. Returns whether the indexes must be rebuilt from the database: on first start,
    /// when an index was unreadable, or when one never committed a position.
    /// </summary>
    public bool Open()
    {
        Public.OpenExisting();
        Editors.OpenExisting();
        var indexes = All.ToList();
        var needsRebuild = indexes.Count == 0 || indexes.Any(i => i.Recreated || i.CommittedPosition is null);
        SetPosition(needsRebuild ? 0 : indexes.Min(i => i.CommittedPosition!.Value));
        return needsRebuild;
    }

    public void DeleteAll()
    {
        foreach (var index in All)
        {
            index.Writer.DeleteAll();
        }
    }

    /// <summary>Makes the writes visible, then durable with <paramref name="position"/>, and wakes waiting searches.</summary>
    public void Commit(long position)
    {
        foreach (var index in All)
        {
            index.Refresh();
        }

        foreach (var index in All)
        {
            index.Commit(position);
        }

        SetPosition(position);
    }

    /// <summary>Waits until the indexes reflect <paramref name="position"/>, or the time is up; true when they do.</summary>
    public async Task<bool> WaitForAsync(long position, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (Position < position)
        {
            Task advanced;
            lock (_gate)
            {
                advanced = _advanced.Task;
            }

            if (Position >= position)
            {
                break;
            }

            try
            {
                await advanced.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose()
    {
        Public.Dispose();
        Editors.Dispose();
    }

    private void SetPosition(long position)
    {
        lock (_gate)
        {
            Interlocked.Exchange(ref _position, position);
            var advanced = _advanced;
            _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
            advanced.TrySetResult();
        }
    }
}
