using System.Text;
using Microsoft.EntityFrameworkCore;
using Smile.Ingestion.Pipeline;
using Smile.Storage;
using Smile.Storage.Observations;

namespace Smile.Ingestion.DeadLetters;

/// <summary>Dead letters for editors: list them, and replay them through the pipeline once the cause is fixed.</summary>
public sealed class DeadLetterService(IDbContextFactory<SmileDbContext> contexts, IngestionPipeline pipeline)
{
    public async Task<IReadOnlyList<DeadLetterRow>> ListAsync(bool waitingOnly = true, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var letters = db.DeadLetters.AsNoTracking();
        if (waitingOnly)
        {
            letters = letters.Where(d => d.ReplayedAt == null);
        }

        return await letters.OrderByDescending(d => d.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Parses the kept payload again; stored means the letter is marked replayed, otherwise its reason is brought up to date.</summary>
    public async Task<IngestionOutcome?> ReplayAsync(long id, CancellationToken cancellationToken = default)
    {
        DeadLetterRow? letter;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            letter = await db.DeadLetters.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        }

        if (letter is null)
        {
            return null;
        }

        if (letter.ReplayedAt is not null || !Enum.TryParse<MessageFormat>(letter.Source, out var format))
        {
            return new IngestionOutcome(IngestionResult.Duplicate, 0, letter.ReplayedAt is null ? $"Unknown source '{letter.Source}'." : "Replayed before.");
        }

        var outcome = await pipeline.IngestAsync(new IngestionMessage(format, letter.Address, Encoding.UTF8.GetBytes(letter.Payload)) { ReplayOf = id, Source = IngestionSource.Replay }, cancellationToken);
        if (outcome.Result == IngestionResult.DeadLettered)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.DeadLetters.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Reason, outcome.Reason!), cancellationToken);
        }

        return outcome;
    }
}
