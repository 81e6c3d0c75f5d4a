using System.Data.Common;

namespace Smile.Storage.Observations;

/// <summary>SQLite: one prepared statement executed per row inside the transaction, which is what SQLite is fastest at.</summary>
internal sealed class SqliteObservationSql : ObservationSql
{
    public override async Task<IReadOnlyList<ObservationWrite>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> rows, long storedAtMs, CancellationToken cancellationToken)
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
            phenomenon.Value = UnixMs.From(row.Observation.PhenomenonTime);
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

    public override async Task UpsertAggregatesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AggregateDelta> deltas, CancellationToken cancellationToken)
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

    public override async Task UpsertLatestAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> latest, CancellationToken cancellationToken)
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
        foreach (var row in latest)
        {
            datastream.Value = row.Observation.DatastreamId;
            phenomenon.Value = UnixMs.From(row.Observation.PhenomenonTime);
            resultTime.Value = (object?)ResultTimeMs(row) ?? DBNull.Value;
            result.Value = row.Observation.Result;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
