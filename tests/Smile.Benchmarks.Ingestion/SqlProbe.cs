using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Smile.Storage.Sqlite;

namespace Smile.Benchmarks.Ingestion;

/// <summary>Plain SQL beside Smile: counting what arrived, the raw INSERT baseline, GROUP BY on the fly.</summary>
internal sealed class SqlProbe(string provider, IReadOnlyDictionary<string, string?> settings)
{
    private bool Postgres => provider == "postgres";

    public async Task<long> CountAsync(string datastream)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM observations WHERE datastream_id = '{datastream}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<long> WaitForFirstAsync(string datastream)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        long stored;
        while ((stored = await CountAsync(datastream)) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10); // an empty table costs nothing to count
        }

        return stored;
    }

    public async Task<long> WaitForAsync(string datastream, int expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        long stored;
        while ((stored = await CountAsync(datastream)) < expected && DateTime.UtcNow < deadline)
        {
            // Not faster: each COUNT(*) over the growing table takes CPU from the ingestion being measured. The
            // rate comes from the commits' own times, so a later look does not change it.
            await Task.Delay(250);
        }

        return stored;
    }

    /// <summary>Rows over the time between the first and the last commit that stored them.</summary>
    public async Task<double> StoredRateAsync(string datastream)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*), MIN(stored_at_ms), MAX(stored_at_ms) FROM observations WHERE datastream_id = '{datastream}'";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var milliseconds = Math.Max(1, reader.GetInt64(2) - reader.GetInt64(1));
        return reader.GetInt64(0) / (milliseconds / 1000.0);
    }

    /// <summary>Rows per second for the same number of rows, batched, without aggregates.</summary>
    public async Task<double> RawInsertAsync(int rows)
    {
        await using var connection = await OpenAsync();
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < rows; offset += 2000)
        {
            var count = Math.Min(2000, rows - offset);
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (Postgres)
            {
                command.CommandText = "INSERT INTO observations (datastream_id, phenomenon_time_ms, result, stored_at_ms) SELECT 'baseline', p, v, 0 FROM unnest(@p, @v) AS t(p, v)";
                command.Parameters.Add(new NpgsqlParameter("p", Enumerable.Range(offset, count).Select(i => (long)i).ToArray()));
                command.Parameters.Add(new NpgsqlParameter("v", Enumerable.Range(offset, count).Select(i => i * 0.1).ToArray()));
                await command.ExecuteNonQueryAsync();
            }
            else
            {
                command.CommandText = "INSERT INTO observations (datastream_id, phenomenon_time_ms, result, stored_at_ms) VALUES ('baseline', $p, $v, 0)";
                var p = command.CreateParameter();
                p.ParameterName = "$p";
                var v = command.CreateParameter();
                v.ParameterName = "$v";
                command.Parameters.Add(p);
                command.Parameters.Add(v);
                for (var i = offset; i < offset + count; i++)
                {
                    p.Value = (long)i;
                    v.Value = i * 0.1;
                    await command.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    public async Task HourlyGroupByAsync(DateTime from, DateTime to)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT phenomenon_time_ms / 3600000 AS hour, COUNT(*), MIN(result), MAX(result), AVG(result)
            FROM observations WHERE datastream_id = 'datastream-dierkow-bodentemperatur'
              AND phenomenon_time_ms >= {new DateTimeOffset(from).ToUnixTimeMilliseconds()} AND phenomenon_time_ms < {new DateTimeOffset(to).ToUnixTimeMilliseconds()}
            GROUP BY hour ORDER BY hour
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var hours = 0;
        while (await reader.ReadAsync())
        {
            hours++;
        }

        if (hours != 720)
        {
            throw new InvalidOperationException($"GROUP BY found {hours} hours, not 720.");
        }
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Postgres
            ? new NpgsqlConnection(settings["ConnectionStrings:Smile"])
            : new SqliteConnection(SqliteStorage.ConnectionStringFor(settings["Smile:DataPath"]!));
        await connection.OpenAsync();
        return connection;
    }
}
