using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Smile.Storage.Content;
using Smile.Storage.Outbox;

namespace Smile.Storage.Observations;

/// <summary>
/// Writes a batch of observations in one transaction: the rows (duplicates dropped by key), the hourly and
/// daily aggregates and the latest value of every datastream touched, and the batch's dead letters. The
/// aggregates grow only by rows that were really inserted, so a redelivered batch changes nothing.
/// </summary>
public sealed class ObservationStore(IDbContextFactory<SmileDbContext> contexts, IObservationBatchWriter writer, ContentStateCache state, TimeProvider clock)
{
    public async Task<StoredBatch> WriteAsync(IReadOnlyList<ObservationWrite> observations, IReadOnlyList<DeadLetter> deadLetters, IReadOnlyCollection<long>? replayedDeadLetters = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();
            var now = clock.GetUtcNow();
            var inserted = observations.Count == 0
                ? []
                : await writer.WriteAsync(connection, dbTransaction, observations, now.ToUnixTimeMilliseconds(), cancellationToken);

            foreach (var letter in deadLetters)
            {
                db.Set<DeadLetterRow>().Add(new DeadLetterRow
                {
                    Source = letter.Source,
                    Address = Truncate(letter.Address, 500),
                    Payload = letter.Payload,
                    Reason = Truncate(letter.Reason, 1000),
                    ReceivedAt = now.UtcDateTime,
                });
            }

            if (replayedDeadLetters is { Count: > 0 })
            {
                await db.Set<DeadLetterRow>().Where(d => replayedDeadLetters.Contains(d.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReplayedAt, now.UtcDateTime), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (inserted.Count > 0)
            {
                await StateSignal.SendAsync(db, cancellationToken); // the other nodes' API answers with the new readings too
            }

            await transaction.CommitAsync(cancellationToken);
            if (inserted.Count > 0)
            {
                state.Invalidate(); // this node's API answers with the new readings at once
            }

            return new StoredBatch(inserted, observations.Count - inserted.Count, deadLetters.Count);
        });
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
