using Microsoft.EntityFrameworkCore;
using Smile.Content.Events;
using Smile.Storage.Entities;

namespace Smile.Storage.Outbox;

public sealed class EfOutbox(IDbContextFactory<SmileDbContext> contexts, TimeProvider clock) : IOutbox
{
    public async Task<long> PositionAsync(string follower, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.OutboxFollowers.FindAsync([follower], cancellationToken);
        if (row is not null)
        {
            return row.Position;
        }

        // A new follower starts at the oldest event still kept, so registering never skips anything.
        db.OutboxFollowers.Add(new OutboxFollowerRow { Name = follower, Position = 0, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return 0;
    }

    public async Task AdvanceAsync(string follower, long position, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.OutboxFollowers.Where(f => f.Name == follower && f.Position < position)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Position, position).SetProperty(f => f.UpdatedAt, now), cancellationToken);
        if (updated == 0 && !await db.OutboxFollowers.AnyAsync(f => f.Name == follower, cancellationToken))
        {
            db.OutboxFollowers.Add(new OutboxFollowerRow { Name = follower, Position = position, UpdatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<long> HeadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Counters.Where(c => c.Name == CounterRow.Outbox).Select(c => c.Value).FirstAsync(cancellationToken);
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.OutboxFollowers.AnyAsync(cancellationToken))
        {
            return 0; // nobody has said what they have read: keep everything
        }

        var slowest = await db.OutboxFollowers.MinAsync(f => f.Position, cancellationToken);
        return await db.Events.Where(e => e.Sequence <= slowest).ExecuteDeleteAsync(cancellationToken);
    }
}
