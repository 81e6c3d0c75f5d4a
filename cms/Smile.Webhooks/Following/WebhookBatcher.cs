using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smile.Content.Events;
using Smile.Content.Querying;
using Smile.Storage;
using Smile.Storage.Entities;
using Smile.Storage.Webhooks;

namespace Smile.Webhooks.Following;

/// <summary>
/// Turns the public events after the follower's position into deliveries, once the outbox has been quiet for
/// the debounce window: one delivery per receiver that wants any of them. The deliveries and the new position
/// are written in one transaction, so a crash either keeps both or neither, and the events are read again.
/// </summary>
public sealed class WebhookBatcher(IDbContextFactory<SmileDbContext> contexts, IContentReader reader, IOutbox outbox, IOptions<WebhookOptions> options, TimeProvider clock) : IOutboxFollower
{
    public const string FollowerName = "webhooks";
    private const int BatchSize = 1000;

    string IOutboxFollower.FollowerName => FollowerName;

    /// <summary>Reads the outbox once; returns when to look again at the latest (a burst still settling), or null.</summary>
    public async Task<BatchOutcome> CollectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var position = await PositionAsync(cancellationToken);
        var events = await reader.EventsAfterAsync(position, BatchSize, publicOnly: false, cancellationToken);
        if (events.Count == 0)
        {
            return new BatchOutcome(0, null);
        }

        var wanted = events.Where(e => e.Public && settings.Receivers.Any(r => Wants(r, e.Kind))).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        if (wanted.Count > 0)
        {
            var quietSince = now - wanted.Max(e => e.OccurredAt);
            var waitingSince = now - wanted.Min(e => e.OccurredAt);
            if (quietSince < settings.Debounce && waitingSince < settings.MaxDelay)
            {
                return new BatchOutcome(0, settings.Debounce - quietSince);
            }
        }

        var from = position + 1;
        var to = events[^1].Sequence;
        var deliveries = new List<WebhookDeliveryRow>();
        foreach (var receiver in settings.Receivers)
        {
            var mine = wanted.Where(e => Wants(receiver, e.Kind)).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var id = Guid.NewGuid().ToString("D");
            deliveries.Add(new WebhookDeliveryRow
            {
                Id = id,
                Receiver = receiver.Name,
                Payload = WebhookPayload.Build(id, receiver.Name, now, from, to, mine),
                FirstSequence = from,
                LastSequence = to,
                State = WebhookDeliveryState.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.WebhookDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        var moved = await db.OutboxFollowers.Where(f => f.Name == FollowerName && f.Position == position)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Position, to).SetProperty(f => f.UpdatedAt, now), cancellationToken);
        if (moved != 1)
        {
            // Someone else moved the position (a node that held the lease before us): their deliveries stand, ours go.
            await transaction.RollbackAsync(cancellationToken);
            return new BatchOutcome(0, null);
        }

        await transaction.CommitAsync(cancellationToken);
        return new BatchOutcome(deliveries.Count, events.Count == BatchSize ? TimeSpan.Zero : null);
    }

    public static bool Wants(WebhookReceiverOptions receiver, ContentEventKind kind) =>
        receiver.Events.Count == 0 || receiver.Events.Any(e => string.Equals(e, kind.ToString(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Where the follower stands. The first time it starts at the outbox head: a receiver configured today is told
    /// about what changes from now on, not about the whole history. Registered, it holds back pruning of what it has not read.
    /// </summary>
    public async Task<long> PositionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.OutboxFollowers.AsNoTracking().FirstOrDefaultAsync(f => f.Name == FollowerName, cancellationToken) is { } row)
        {
            return row.Position;
        }

        var head = await outbox.HeadAsync(cancellationToken);
        db.OutboxFollowers.Add(new OutboxFollowerRow { Name = FollowerName, Position = head, UpdatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return head;
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment registered first: its position stands.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            return await again.OutboxFollowers.Where(f => f.Name == FollowerName).Select(f => f.Position).FirstAsync(cancellationToken);
        }
    }
}

/// <summary>How many deliveries a look at the outbox made, and how soon to look again (null: at the next poll).</summary>
public sealed record BatchOutcome(int Created, TimeSpan? LookAgainIn);
