using Npgsql;
using Smile.Storage.Postgres;

namespace Smile.Cms.ScaleOutTests;

/// <summary>Reads of the shared database that show what the nodes did: events, audit entries, observations, leases.</summary>
public sealed class NodeDatabase(string connectionString)
{
    public Task<long> OutboxEventsAsync(string itemId, string kind) =>
        ScalarAsync("SELECT COUNT(*) FROM content_events WHERE item_id = @a AND kind = @b", itemId, kind);

    public Task<long> AuditEntriesAsync(string itemId, string action) =>
        ScalarAsync("SELECT COUNT(*) FROM audit_entries WHERE item_id = @a AND action = @b", itemId, action);

    public Task<long> ObservationsAsync(string datastream) =>
        ScalarAsync("SELECT COUNT(*) FROM observations WHERE datastream_id = @a", datastream);

    /// <summary>How often the hourly aggregates counted a reading: more than the rows means one was stored twice.</summary>
    public Task<long> AggregatedObservationsAsync(string datastream) =>
        ScalarAsync("SELECT COALESCE(SUM(observation_count), 0) FROM observation_aggregates WHERE datastream_id = @a AND resolution = 'H'", datastream);

    /// <summary>The application names of the sessions holding a lease (an advisory lock): one name, or none.</summary>
    public async Task<IReadOnlyList<string>> LeaseHoldersAsync(string lease)
    {
        var key = AdvisoryLockLeaseProvider.KeyFor(lease);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A bigint advisory key shows in pg_locks as its high half (classid) and low half (objid), objsubid 1.
        await using var command = new NpgsqlCommand(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.classid::bigint = @high AND l.objid::bigint = @low
            """, connection);
        command.Parameters.AddWithValue("high", (key >> 32) & 0xFFFFFFFFL);
        command.Parameters.AddWithValue("low", key & 0xFFFFFFFFL);
        var holders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            holders.Add(reader.GetString(0));
        }

        return holders;
    }

    private async Task<long> ScalarAsync(string sql, string a, string? b = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("a", a);
        if (b is not null)
        {
            command.Parameters.AddWithValue("b", b);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
