using Smile.Content.Querying;

namespace Smile.Storage.Content;

/// <summary>
/// The outbox position and schema version, read at most once a second. Every API request keys its
/// caching on them, and a 304 should cost no database round trip. Commits on this node clear it at once;
/// commits on other nodes show within the second.
/// </summary>
public sealed class ContentStateCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private volatile Entry? _entry;

    private sealed record Entry(ContentState State, long ReadAt);

    public async Task<ContentState> GetAsync(Func<CancellationToken, Task<ContentState>> read, CancellationToken cancellationToken)
    {
        var entry = _entry;
        if (entry is not null && clock.GetElapsedTime(entry.ReadAt) < MaxAge)
        {
            return entry.State;
        }

        var started = clock.GetTimestamp();
        var state = await read(cancellationToken);
        // Stamped with the time the read began: a commit that cleared the cache meanwhile is not hidden for long.
        _entry = new Entry(state, started);
        return state;
    }

    public void Invalidate() => _entry = null;
}
