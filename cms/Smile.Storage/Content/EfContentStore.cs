using Microsoft.EntityFrameworkCore;
using Smile.Content.Storage;

namespace Smile.Storage.Content;

public sealed class EfContentStore(IDbContextFactory<SmileDbContext> contexts, ContentStateCache stateCache) : IContentStore
{
    public async Task<IContentSession> BeginAsync(CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            // On SQLite this is BEGIN IMMEDIATE: writers queue up front instead of deadlocking on lock upgrades.
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new EfContentSession(db, transaction, stateCache.Invalidate);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
