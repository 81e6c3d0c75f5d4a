using Microsoft.EntityFrameworkCore;
using Smile.Storage.Entities;

namespace Smile.Storage.Outbox;

/// <summary>
/// Reads every follower's position against the outbox head (lag = head − position) and, for followers behind,
/// when the first event they have not read occurred. A handful of rows by primary key: cheap enough for every scrape.
/// </summary>
public sealed class OutboxLagReader(IDbContextFactory<SmileDbContext> contexts, TimeProvider clock)
{
    public async Task<OutboxLag> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await db.Counters.Where(c => c.Name == CounterRow.Outbox).Select(c => c.Value).FirstOrDefaultAsync(cancellationToken);
        var followers = await db.OutboxFollowers.AsNoTracking().Select(f => new { f.Name, f.Position }).ToListAsync(cancellationToken);
        var firstUnread = followers.Where(f => f.Position < head).Select(f => f.Position + 1).Distinct().ToList();
        var occurred = firstUnread.Count == 0
            ? []
            : await db.Events.Where(e => firstUnread.Contains(e.Sequence)).Select(e => new { e.Sequence, e.OccurredAt }).ToDictionaryAsync(e => e.Sequence, e => e.OccurredAt, cancellationToken);
        var now = clock.GetUtcNow();
        return new OutboxLag(
            head,
            [.. followers.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => Lag(f.Name, f.Position, head, occurred, now))],
            now);
    }

    /// <summary>The same read without awaiting, for metric callbacks (they are synchronous and run at scrape or export time).</summary>
    public OutboxLag Read()
    {
        using var db = contexts.CreateDbContext();
        var head = db.Counters.Where(c => c.Name == CounterRow.Outbox).Select(c => c.Value).FirstOrDefault();
        var followers = db.OutboxFollowers.AsNoTracking().Select(f => new { f.Name, f.Position }).ToList();
        var firstUnread = followers.Where(f => f.Position < head).Select(f => f.Position + 1).Distinct().ToList();
        var occurred = firstUnread.Count == 0
            ? []
            : db.Events.Where(e => firstUnread.Contains(e.Sequence)).Select(e => new { e.Sequence, e.OccurredAt }).ToDictionary(e => e.Sequence, e => e.OccurredAt);
        var now = clock.GetUtcNow();
        return new OutboxLag(
            head,
            [.. followers.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => Lag(f.Name, f.Position, head, occurred, now))],
            now);
    }

    private static OutboxFollowerLag Lag(string name, long position, long head, Dictionary<long, DateTime> occurred, DateTimeOffset now)
    {
        var events = Math.Max(0, head - position);
        // An event pruned before this follower read it has no time left: the follower has a gap, not an age.
        var age = events > 0 && occurred.TryGetValue(position + 1, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (now - DateTime.SpecifyKind(at, DateTimeKind.Utc)).Ticks))
            : TimeSpan.Zero;
        return new OutboxFollowerLag(name, position, events, age);
    }
}
