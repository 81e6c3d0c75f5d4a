using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Benchmarks;

/// <summary>
/// The list query as plain parameterized SQL over the same tables, with the same columns, page and count
/// as <see cref="IContentReader.QueryAsync"/>: what EF Core's part of the cost is measured against.
/// </summary>
internal sealed class BaselineQueries(string provider, string connectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public const string ListSql = """
        SELECT id, item_id, number, content_type, culture, title, slug, path, document, latest, published,
               owner_id, modified_by, created_at, modified_at, published_at
        FROM content_versions
        WHERE content_type = @type AND culture = @culture AND published
        ORDER BY published_at DESC, item_id
        LIMIT @take
        """;

    public const string CountSql = """
        SELECT COUNT(*) FROM content_versions
        WHERE content_type = @type AND culture = @culture AND published
        """;

    /// <summary>The newest <paramref name="take"/> published items and their total, every column read, JSON parsed as EF's converter does.</summary>
    public async Task<ContentPage> LatestPublishedAsync(string contentType, string culture, int take)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var count = Command(connection, CountSql, contentType, culture, take);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await using var list = Command(connection, ListSql, contentType, culture, take);
        await using var reader = await list.ExecuteReaderAsync();
        var items = new List<ContentVersion>(take);
        while (await reader.ReadAsync())
        {
            items.Add(Read(reader));
        }

        return new ContentPage(items, total);
    }

    /// <summary>How the database runs the two statements (PostgreSQL: with real timings and buffers).</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(string contentType, string culture, int take)
    {
        var prefix = provider == Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
        var lines = new List<string>();
        await using var connection = Open();
        await connection.OpenAsync();
        foreach (var sql in new[] { ListSql, CountSql })
        {
            await using var command = Command(connection, prefix + sql, contentType, culture, take);
            await using var reader = await command.ExecuteReaderAsync();
            lines.Add("-- " + sql.Split('\n')[^1].Trim());
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(provider == Sqlite ? 3 : 0));
            }
        }

        return lines;
    }

    public async Task<string> ServerVersionAsync()
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == Sqlite ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT 'PostgreSQL ' || current_setting('server_version')";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Fresh statistics and visibility map, as autovacuum would leave them shortly after a bulk import.</summary>
    public async Task VacuumAnalyzeAsync()
    {
        if (provider != Postgres)
        {
            return; // SQLite has no autovacuum/autoanalyze, and Smile runs no ANALYZE: measure it as it ships
        }

        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM ANALYZE";
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private DbConnection Open() => provider == Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);

    private static DbCommand Command(DbConnection connection, string sql, string contentType, string culture, int take)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@type", contentType);
        Add(command, "@culture", culture);
        if (sql.Contains("@take", StringComparison.Ordinal))
        {
            Add(command, "@take", take);
        }

        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static ContentVersion Read(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        ItemId = row.GetString(1),
        Number = row.GetInt32(2),
        ContentType = row.GetString(3),
        Culture = row.GetString(4),
        Title = row.GetString(5),
        Slug = row.IsDBNull(6) ? null : row.GetString(6),
        Path = row.IsDBNull(7) ? null : row.GetString(7),
        Fields = JsonNode.Parse(row.GetString(8))!.AsObject(),
        Latest = row.GetBoolean(9),
        Published = row.GetBoolean(10),
        OwnerId = row.GetString(11),
        ModifiedBy = row.GetString(12),
        CreatedAt = Utc(row.GetDateTime(13)),
        ModifiedAt = Utc(row.GetDateTime(14)),
        PublishedAt = row.IsDBNull(15) ? null : Utc(row.GetDateTime(15)),
    };

    // SQLite keeps no kind; EF's converter marks every DateTime read back as UTC.
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
