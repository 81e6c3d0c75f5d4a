using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Smile.Content.Items;
using Smile.Content.Querying;

namespace Smile.Benchmarks;

/// <summary>
/// The list query as plain parameterized SQL over the same tables, with the same columns, page and count
/// as <see cref="IContentReader.QueryAsync"/>: what EF Core's part of the cost is measured against. Also
/// replays the SQL EF itself sent, to tell EF's own overhead from the shape of its SQL.
/// </summary>
internal sealed class BaselineQueries(string provider, string connectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public const string ListSql = """
        SELECT id, item_id, number, content_type, culture, title, slug, path, document, latest, published,
               owner_id, modified_by, created_at, modified_at, published_at, localization_set
        FROM content_versions
        WHERE content_type = @type AND culture = @culture AND published
        ORDER BY published_at DESC, item_id
        LIMIT @take OFFSET 0
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
        var total = await CountAsync(connection, contentType, culture);
        return new ContentPage(await PageAsync(connection, contentType, culture, take), total, HasMore: false);
    }

    /// <summary>EF's own statements (COUNT and page, as captured) run through plain ADO.NET with EF's parameter values.</summary>
    public async Task<ContentPage> ReplayAsync(IReadOnlyList<CapturedCommand> commands, int take)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        var total = 0;
        List<ContentVersion> items = [];
        foreach (var captured in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = captured.Sql;
            foreach (var (name, value, type) in captured.Parameters)
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value, parameter.DbType) = (name, value ?? DBNull.Value, type);
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync();
            if (reader.FieldCount == 1)
            {
                await reader.ReadAsync();
                total = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                items = await VersionRows.ReadAllAsync(reader, take);
            }
        }

        return new ContentPage(items, total, HasMore: false);
    }

    /// <summary>Only the COUNT behind totalCount.</summary>
    public async Task<int> CountAsync(string contentType, string culture)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        return await CountAsync(connection, contentType, culture);
    }

    /// <summary>How the database runs the statements (PostgreSQL: with real timings and buffers).</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(string contentType, string culture, int take)
    {
        var prefix = provider == Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
        var lines = new List<string>();
        await using var connection = Open();
        await connection.OpenAsync();
        foreach (var (name, sql) in new[] { ("page", ListSql), ("count", CountSql) })
        {
            await using var command = Command(connection, prefix + sql, contentType, culture, take);
            await using var reader = await command.ExecuteReaderAsync();
            lines.Add("-- " + name);
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

    private static async Task<int> CountAsync(DbConnection connection, string contentType, string culture)
    {
        await using var count = Command(connection, CountSql, contentType, culture, take: 0);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<ContentVersion>> PageAsync(DbConnection connection, string contentType, string culture, int take)
    {
        await using var list = Command(connection, ListSql, contentType, culture, take);
        await using var reader = await list.ExecuteReaderAsync();
        return await VersionRows.ReadAllAsync(reader, take);
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
}
