using System.Data.Common;

namespace Smile.Storage.Observations;

/// <summary>PostgreSQL: a whole batch per statement as arrays through <c>unnest</c>, so a batch costs one round trip, not one per row.</summary>
internal sealed class PostgresObservationSql : ObservationSql
{
    public override async Task<IReadOnlyList<ObservationWrite>> InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> rows, long storedAtMs, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"""
            INSERT INTO observations ({InsertColumns})
            SELECT d, p, r, v, j, k, @s FROM unnest(@d, @p, @r, @v, @j, @k) AS t(d, p, r, v, j, k)
            ON CONFLICT DO NOTHING
            RETURNING datastream_id, phenomenon_time_ms
            """);
        Parameter(command, "d", rows.Select(r => r.Observation.DatastreamId).ToArray());
        Parameter(command, "p", rows.Select(r => UnixMs.From(r.Observation.PhenomenonTime)).ToArray());
        Parameter(command, "r", rows.Select(ResultTimeMs).ToArray());
        Parameter(command, "v", rows.Select(r => r.Observation.Result).ToArray());
        Parameter(command, "j", rows.Select(ParametersJson).ToArray());
        Parameter(command, "k", rows.Select(r => r.SourceKey).ToArray());
        Parameter(command, "s", storedAtMs);
        var keys = new HashSet<(string, long)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        // The first row of the batch with an inserted key is the one that landed; later twins were duplicates.
        var inserted = new List<ObservationWrite>(keys.Count);
        foreach (var row in rows)
        {
            if (keys.Remove((row.Observation.DatastreamId, UnixMs.From(row.Observation.PhenomenonTime))))
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
            SELECT * FROM unnest(@d, @r, @b, @c, @t, @min, @max)
            ON CONFLICT (datastream_id, resolution, bucket_start_ms) DO UPDATE SET
              observation_count = observation_aggregates.observation_count + excluded.observation_count,
              total = observation_aggregates.total + excluded.total,
              minimum = LEAST(observation_aggregates.minimum, excluded.minimum),
              maximum = GREATEST(observation_aggregates.maximum, excluded.maximum)
            """);
        Parameter(command, "d", deltas.Select(d => d.DatastreamId).ToArray());
        Parameter(command, "r", deltas.Select(d => d.Resolution).ToArray());
        Parameter(command, "b", deltas.Select(d => d.BucketStartMs).ToArray());
        Parameter(command, "c", deltas.Select(d => d.Count).ToArray());
        Parameter(command, "t", deltas.Select(d => d.Total).ToArray());
        Parameter(command, "min", deltas.Select(d => d.Minimum).ToArray());
        Parameter(command, "max", deltas.Select(d => d.Maximum).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task UpsertLatestAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> latest, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            INSERT INTO latest_observations (datastream_id, phenomenon_time_ms, result_time_ms, result)
            SELECT * FROM unnest(@d, @p, @r, @v)
            ON CONFLICT (datastream_id) DO UPDATE SET
              phenomenon_time_ms = excluded.phenomenon_time_ms, result_time_ms = excluded.result_time_ms, result = excluded.result
            WHERE excluded.phenomenon_time_ms > latest_observations.phenomenon_time_ms
            """);
        Parameter(command, "d", latest.Select(r => r.Observation.DatastreamId).ToArray());
        Parameter(command, "p", latest.Select(r => UnixMs.From(r.Observation.PhenomenonTime)).ToArray());
        Parameter(command, "r", latest.Select(ResultTimeMs).ToArray());
        Parameter(command, "v", latest.Select(r => r.Observation.Result).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
