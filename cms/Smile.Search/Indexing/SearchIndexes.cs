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
    /// <summary>Nodes that share a data folder and a node name (two on one machine) each get a folder of their own.</summary>
    private const int MaxFolders = 16;

    private readonly Lock _gate = new();
    private readonly string _baseFolder;
    private readonly bool _splitCompounds;
    private readonly ILogger<SearchIndexes> _logger;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FileStream? _claim;
    private IndexSet? _public;
    private IndexSet? _editors;
    private long _position;

    public SearchIndexes(string folder, bool splitCompounds, ILogger<SearchIndexes> logger)
    {
        _baseFolder = folder;
        _splitCompounds = splitCompounds;
        _logger = logger;
        Folder = folder;
    }

    /// <summary>This node's index folder: the configured one, or a spare next to it while another process holds that.</summary>
    public string Folder { get; private set; }

    /// <summary>Published versions only.</summary>
    public IndexSet Public => _public ?? throw NotOpen();

    /// <summary>The latest version of every item.</summary>
    public IndexSet Editors => _editors ?? throw NotOpen();

    public long Position => Interlocked.Read(ref _position);

    public IEnumerable<CultureIndex> All => Public.All.Concat(Editors.All);

    public IndexSet For(SearchScope scope) => scope == SearchScope.Published ? Public : Editors;

    /// <summary>
    /// Opens what is on disk. Returns whether the indexes must be rebuilt from the database: on first start,
    /// when an index was unreadable, or when one never committed a position.
    /// </summary>
    /// <param name="spareFolderAllowed">Whether to use a spare folder when another process holds the configured one (a second node on the same data folder), or to refuse.</param>
    public bool Open(bool spareFolderAllowed = true)
    {
        Claim(spareFolderAllowed);
        _public = new IndexSet(Path.Combine(Folder, "public"), _splitCompounds, _logger);
        _editors = new IndexSet(Path.Combine(Folder, "editors"), _splitCompounds, _logger);
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

    /// <summary>Rewrites the segments that hold deleted documents, so an erased item's words leave the index files, not only the results.</summary>
    public void ExpungeDeletes()
    {
        foreach (var index in All)
        {
            index.Writer.ForceMergeDeletes();
        }
    }

    /// <summary>
    /// Starts merging each index into one segment, in the background: a search pays per segment for looking up its
    /// words and setting up their scorers (at 100,000 items 236 KB a search in 8 segments, 34 KB in one). Meant after
    /// a rebuild, which leaves many segments; merged segments are searched from the next commit (<see cref="CommitFinishedMerges"/>).
    /// </summary>
    public void MergeInBackground()
    {
        foreach (var index in All)
        {
            index.Writer.ForceMerge(1, doWait: false);
        }
    }

    /// <summary>
    /// Makes segments merged in the background since the last commit visible and durable, at the same position: the
    /// merges of a rebuild finish after its commit, and without this a restart would find the index unmerged again.
    /// </summary>
    public void CommitFinishedMerges()
    {
        if (All.Any(index => index.Writer.HasUncommittedChanges()))
        {
            Commit(Position);
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
        _public?.Dispose();
        _editors?.Dispose();
        _claim?.Dispose();
        _claim = null;
    }

    /// <summary>
    /// Takes the folder with an exclusive lock on <c>node.lock</c>, held while the indexes are open and
    /// released by the operating system when the process dies, however it dies.
    /// </summary>
    private void Claim(bool spareFolderAllowed)
    {
        for (var slot = 1; slot <= (spareFolderAllowed ? MaxFolders : 1); slot++)
        {
            var folder = slot == 1 ? _baseFolder : _baseFolder + "-" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Directory.CreateDirectory(folder);
            try
            {
                _claim = new FileStream(Path.Combine(folder, "node.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Folder = folder;
                return;
            }
            catch (IOException)
            {
                // held by another process (or another host in this one): try the next folder
            }
        }

        throw new InvalidOperationException(spareFolderAllowed
            ? $"The search index folders {_baseFolder} to {_baseFolder}-{MaxFolders} are all in use by other processes; give this node its own Smile:Search:NodeName."
            : $"The search index in {_baseFolder} is in use by another process (a running CMS on the same data folder?). Stop it first.");
    }

    private static InvalidOperationException NotOpen() => new("The search indexes are not open yet.");

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
