using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Smile.Storage.Observations;

/// <summary>
/// The hot path in plain SQL: EF Core change tracking costs more than the insert itself at thousands of rows
/// a second. Both databases understand <c>ON CONFLICT</c>; they differ in how a batch is sent.
/// </summary>
internal abstract class ObservationSql
{
    protected const string InsertColumns = "datastream_id, phenomenon_time_ms, result_time_ms, result, parameters, source_key, stored_at_ms";

    public static ObservationSql For(DbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? new PostgresObservationSql() : new SqliteObservationSql();

    /// <summary>Inserts the rows that are new and returns them; duplicates (by either key) are left out.</summary>
    public abstract Task<IReadOnlyList<ObservationWrite>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> rows, long storedAtMs, CancellationToken cancellationToken);

    public abstract Task UpsertAggregatesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken);

    public abstract Task UpsertLatestAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> latest, CancellationToken cancellationToken);

    protected static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    protected static DbParameter Parameter(DbCommand command, string name, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    protected static string? ParametersJson(ObservationWrite row) => row.Observation.Parameters?.ToJsonString();

    protected static long? ResultTimeMs(ObservationWrite row) => row.Observation.ResultTime is { } time ? UnixMs.From(time) : null;
}
