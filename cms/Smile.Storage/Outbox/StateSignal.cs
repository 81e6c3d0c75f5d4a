using Microsoft.EntityFrameworkCore;

namespace Smile.Storage.Outbox;

/// <summary>
/// Tells every node that the content state (outbox position, schema version, observation batches) moved. On
/// PostgreSQL a NOTIFY sent inside the writing transaction reaches the listeners only if and when it commits;
/// each node then drops its cached state, so its ETags and schema follow commits made on any node at once.
/// SQLite has one node and nothing to tell.
/// </summary>
public static class StateSignal
{
    public const string Channel = "smile_state";

    internal const string NotifySql = "SELECT pg_notify('" + Channel + "', '')";

    internal static bool IsPostgres(SmileDbContext db) =>
        db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Sends the signal inside the current transaction (delivered on commit, dropped on rollback).</summary>
    public static async Task SendAsync(SmileDbContext db, CancellationToken cancellationToken)
    {
        if (IsPostgres(db))
        {
            await db.Database.ExecuteSqlRawAsync(NotifySql, cancellationToken);
        }
    }
}
