using System.Data.Common;
using Smile.Storage.Entities;
using Smile.Storage.Observations;
using static Smile.Storage.Observations.ObservationColumns;

namespace Smile.Storage.Sqlite;

/// <summary>
/// SQLite runs in the process: one prepared statement executed per row inside the transaction costs no round
/// trip and is what it is fastest at. Aggregates are summed up in memory first, so each is written once per batch.
/// </summary>
public sealed class SqliteObservationBatchWriter : IObservationBatchWriter
{
    public async Task<IReadOnlyList<ObservationWrite>> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> rows, long storedAtMs, CancellationToken cancellationToken)
    {
        var inserted = await InsertAsync(connection, transaction, rows, storedAtMs, cancellationToken);
        if (inserted.Count > 0)
        {
            await UpsertAggregatesAsync(connection, transaction, AggregateDelta.From(inserted), cancellationToken);
            await UpsertLatestAsync(connection, transaction, inserted, cancellationToken);
            await using var counter = Command(connection, transaction, $"UPDATE counters SET value = value + 1 WHERE name = '{CounterRow.Observations}'");
            await counter.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    private static async Task<List<ObservationWrite>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> rows, long storedAtMs, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"INSERT INTO observations ({InsertColumns}) VALUES ($d, $p, $r, $v, $j, $k, $s) ON CONFLICT DO NOTHING");
        var datastream = Parameter(command, "$d");
        var phenomenon = Parameter(command, "$p");
        var resultTime = Parameter(command, "$r");
        var result = Parameter(command, "$v");
        var parameters = Parameter(command, "$j");
        var sourceKey = Parameter(command, "$k");
        Parameter(command, "$s", storedAtMs);
        var inserted = new List<ObservationWrite>(rows.Count);
        foreach (var row in rows)
        {
            datastream.Value = row.Observation.DatastreamId;
            phenomenon.Value = PhenomenonTimeMs(row);
            resultTime.Value = (object?)ResultTimeMs(row) ?? DBNull.Value;
            result.Value = row.Observation.Result;
            parameters.Value = (object?)ParametersJson(row) ?? DBNull.Value;
            sourceKey.Value = (object?)row.SourceKey ?? DBNull.Value;
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                inserted.Add(row);
            }
        }

        return inserted;
    }

    private static async Task UpsertAggregatesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            INSERT INTO observation_aggregates (datastream_id, resolution, bucket_start_ms, observation_count, total, minimum, maximum)
            VALUES ($d, $r, $b, $c, $t, $min, $max)
            ON CONFLICT (datastream_id, resolution, bucket_start_ms) DO UPDATE SET
              observation_count = observation_count + excluded.observation_count,
              total = total + excluded.total,
              minimum = min(minimum, excluded.minimum),
              maximum = max(maximum, excluded.maximum)
            """);
        var datastream = Parameter(command, "$d");
        var resolution = Parameter(command, "$r");
        var bucket = Parameter(command, "$b");
        var count = Parameter(command, "$c");
        var total = Parameter(command, "$t");
        var minimum = Parameter(command, "$min");
        var maximum = Parameter(command, "$max");
        foreach (var delta in deltas)
        {
            datastream.Value = delta.DatastreamId;
            resolution.Value = delta.Resolution;
            bucket.Value = delta.BucketStartMs;
            count.Value = delta.Count;
            total.Value = delta.Total;
            minimum.Value = delta.Minimum;
            maximum.Value = delta.Maximum;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task UpsertLatestAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> inserted, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            INSERT INTO latest_observations (datastream_id, phenomenon_time_ms, result_time_ms, result) VALUES ($d, $p, $r, $v)
            ON CONFLICT (datastream_id) DO UPDATE SET
              phenomenon_time_ms = excluded.phenomenon_time_ms, result_time_ms = excluded.result_time_ms, result = excluded.result
            WHERE excluded.phenomenon_time_ms > latest_observations.phenomenon_time_ms
            """);
        var datastream = Parameter(command, "$d");
        var phenomenon = Parameter(command, "$p");
        var resultTime = Parameter(command, "$r");
        var result = Parameter(command, "$v");
        foreach (var row in inserted.GroupBy(o => o.Observation.DatastreamId, StringComparer.Ordinal).Select(g => g.MaxBy(o => o.Observation.PhenomenonTime)!))
        {
            datastream.Value = row.Observation.DatastreamId;
            phenomenon.Value = PhenomenonTimeMs(row);
            resultTime.Value = (object?)ResultTimeMs(row) ?? DBNull.Value;
            result.Value = row.Observation.Result;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
