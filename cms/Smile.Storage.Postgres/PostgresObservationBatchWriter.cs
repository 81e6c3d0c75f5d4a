using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Smile.Content.Observations;
using Smile.Storage.Entities;
using Smile.Storage.Observations;
using static Smile.Storage.Observations.ObservationColumns;

namespace Smile.Storage.Postgres;

/// <summary>
/// PostgreSQL: the whole batch in one prepared statement, one round trip. The rows travel as arrays; data-modifying
/// CTEs insert them, skipping duplicates, and build the aggregates, the latest values and the counter from the rows
/// that were really inserted, set-based inside the server (hash aggregates and joins: sorting the batch cost more
/// than inserting it). Round trips, not rows, are what a batch costs here.
/// </summary>
public sealed class PostgresObservationBatchWriter : IObservationBatchWriter
{
    private const string Sql = $"""
        WITH inserted AS (
          INSERT INTO observations ({InsertColumns})
          SELECT d, p, r, v, j, k, @stored FROM unnest(@d, @p, @r, @v, @j, @k) AS input(d, p, r, v, j, k)
          ON CONFLICT DO NOTHING
          RETURNING datastream_id, phenomenon_time_ms, result_time_ms, result
        ), hours AS (
          SELECT datastream_id, phenomenon_time_ms - ((phenomenon_time_ms % 3600000) + 3600000) % 3600000 AS bucket,
                 count(*) AS n, sum(result) AS total, min(result) AS low, max(result) AS high
          FROM inserted GROUP BY 1, 2
        ), buckets AS (
          SELECT datastream_id, '{ObservationAggregateRow.Hour}' AS resolution, bucket, n, total, low, high FROM hours
          UNION ALL
          SELECT h.datastream_id, '{ObservationAggregateRow.Day}', day.start, sum(h.n)::bigint, sum(h.total), min(h.low), max(h.high)
          FROM hours h JOIN unnest(@hours, @days) AS day(hour, start) ON day.hour = h.bucket
          GROUP BY h.datastream_id, day.start
        ), aggregates AS (
          INSERT INTO observation_aggregates (datastream_id, resolution, bucket_start_ms, observation_count, total, minimum, maximum)
          SELECT * FROM buckets
          ON CONFLICT (datastream_id, resolution, bucket_start_ms) DO UPDATE SET
            observation_count = observation_aggregates.observation_count + excluded.observation_count,
            total = observation_aggregates.total + excluded.total,
            minimum = LEAST(observation_aggregates.minimum, excluded.minimum),
            maximum = GREATEST(observation_aggregates.maximum, excluded.maximum)
        ), latest AS (
          INSERT INTO latest_observations (datastream_id, phenomenon_time_ms, result_time_ms, result)
          SELECT i.datastream_id, i.phenomenon_time_ms, i.result_time_ms, i.result
          FROM inserted i JOIN (SELECT datastream_id, max(phenomenon_time_ms) AS newest FROM inserted GROUP BY datastream_id) n
            ON n.datastream_id = i.datastream_id AND n.newest = i.phenomenon_time_ms
          ON CONFLICT (datastream_id) DO UPDATE SET
            phenomenon_time_ms = excluded.phenomenon_time_ms, result_time_ms = excluded.result_time_ms, result = excluded.result
          WHERE excluded.phenomenon_time_ms > latest_observations.phenomenon_time_ms
        ), counter AS (
          UPDATE counters SET value = value + 1 WHERE name = '{CounterRow.Observations}' AND EXISTS (SELECT 1 FROM inserted)
        )
        SELECT datastream_id, phenomenon_time_ms FROM inserted
        """;

    public async Task<IReadOnlyList<ObservationWrite>> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ObservationWrite> rows, long storedAtMs, CancellationToken cancellationToken)
    {
        var count = rows.Count;
        var datastreams = new string[count];
        var phenomenonTimes = new long[count];
        var resultTimes = new long?[count];
        var results = new double[count];
        var parameters = new string?[count];
        var sourceKeys = new string?[count];
        // A Berlin day always starts on a UTC hour, so the day of every hour is worked out here, where the
        // time zone rules live, and the server merely groups hours into days.
        var daysByHour = new Dictionary<long, long>();
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            datastreams[i] = row.Observation.DatastreamId;
            phenomenonTimes[i] = PhenomenonTimeMs(row);
            resultTimes[i] = ResultTimeMs(row);
            results[i] = row.Observation.Result;
            parameters[i] = ParametersJson(row);
            sourceKeys[i] = row.SourceKey;
            var hour = ObservationBuckets.HourStart(row.Observation.PhenomenonTime);
            var hourMs = UnixMs.From(hour);
            if (!daysByHour.ContainsKey(hourMs))
            {
                daysByHour[hourMs] = UnixMs.From(ObservationBuckets.DayStart(hour));
            }
        }

        await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<long>("stored", storedAtMs));
        command.Parameters.Add(new NpgsqlParameter<string[]>("d", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = datastreams });
        command.Parameters.Add(new NpgsqlParameter<long[]>("p", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = phenomenonTimes });
        command.Parameters.Add(new NpgsqlParameter<long?[]>("r", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = resultTimes });
        command.Parameters.Add(new NpgsqlParameter<double[]>("v", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = results });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("j", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = parameters });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("k", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = sourceKeys });
        command.Parameters.Add(new NpgsqlParameter<long[]>("hours", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. daysByHour.Keys] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("days", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. daysByHour.Values] });
        // Prepared once per pooled connection; later batches skip parsing and planning.
        await command.PrepareAsync(cancellationToken);

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
        for (var i = 0; i < count && keys.Count > 0; i++)
        {
            if (keys.Remove((datastreams[i], phenomenonTimes[i])))
            {
                inserted.Add(rows[i]);
            }
        }

        return inserted;
    }
}
