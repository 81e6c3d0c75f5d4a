using Microsoft.EntityFrameworkCore;

namespace Smile.Storage.Schema;

/// <summary>
/// Brings a database to this build's schema. EF Core holds a migrations lock on the database while it migrates
/// (a lock table on SQLite, a table lock on PostgreSQL), so nodes starting together apply each migration once.
/// A database that has migrations this build does not know was made by a newer Smile: it is refused before
/// anything is written, and checked again after migrating in case a newer node migrated meanwhile.
/// </summary>
public static class SchemaMigrator
{
    public static async Task MigrateAsync(SmileDbContext db, CancellationToken cancellationToken = default)
    {
        await RefuseNewerSchemaAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await RefuseNewerSchemaAsync(db, cancellationToken);
    }

    /// <summary>Throws <see cref="DatabaseNewerThanApplicationException"/> when the database has migrations this build lacks.</summary>
    public static async Task RefuseNewerSchemaAsync(SmileDbContext db, CancellationToken cancellationToken = default)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseNewerThanApplicationException(applied.Max(StringComparer.Ordinal)!, known.LastOrDefault() ?? "(none)", unknown);
        }
    }
}
