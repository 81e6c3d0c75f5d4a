using System.Data.Common;

namespace Smile.Storage.Observations;

/// <summary>
/// The hot path of ingestion in each database's own SQL: EF Core change tracking costs more than the insert
/// itself at thousands of rows a second, and the fastest way to send a batch differs between SQLite and PostgreSQL.
/// </summary>
public interface IObservationBatchWriter
{
    /// <summary>
    /// Inside the caller's transaction: inserts the rows that are new (a duplicate by datastream and phenomenon
    /// time, or by datastream and source key, is left out, also within the batch) and, for those alone, adds to
    /// the hourly and daily aggregates, moves the latest value forward and counts the batch in the observations
    /// counter. Returns the new rows (the same instances as given, in batch order).
    /// </summary>
    Task<IReadOnlyList<ObservationWrite>> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> rows, long storedAtMs, CancellationToken cancellationToken);
}
