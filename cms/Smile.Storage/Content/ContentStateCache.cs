using Smile.Content.Querying;

namespace Smile.Storage.Content;

/// <summary>
/// The outbox position, schema version and observation batches, read at most once per <see cref="MaxAge"/>.
/// Every API request keys its caching on them, and a 304 should cost no database round trip. Commits on this
/// node clear it at once; on PostgreSQL commits on other nodes clear it through their state signal (see
/// <c>StateSignal</c>), and the age limit is the safety net while that signal cannot be heard.
/// </summary>
public sealed class ContentStateCache(TimeProvider clock)
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(1);

    private volatile Entry? _entry;
    private readonly Lock _gate = new();
    private long _invalidations;

    private sealed record Entry(ContentState State, long ReadAt);

    /// <summary>How long a read state is trusted without a signal (setting <c>Smile:Database:StateMaxAge</c>).</summary>
    public TimeSpan MaxAge { get; set; } = DefaultMaxAge;

    public async Task<ContentState> GetAsync(Func<CancellationToken, Task<ContentState>> read, CancellationToken cancellationToken)
    {
        var entry = _entry;
        if (entry is not null && clock.GetElapsedTime(entry.ReadAt) < MaxAge)
        {
            return entry.State;
        }

        var invalidations = Interlocked.Read(ref _invalidations);
        var started = clock.GetTimestamp();
        var state = await read(cancellationToken);
        // A commit signalled while reading may not be in what was read: answer with it, but do not keep it.
        lock (_gate)
        {
            if (_invalidations == invalidations)
            {
                _entry = new Entry(state, started);
            }
        }

        return state;
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _invalidations++;
            _entry = null;
        }
    }
}
