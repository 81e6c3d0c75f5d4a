using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Smile.Storage;

namespace Smile.Benchmarks.Api;

/// <summary>
/// What the GraphQL query costs without GraphQL: the same two SQL statements a hand-written endpoint
/// would run (the page, then the tags of the page), written as the same JSON with Utf8JsonWriter.
/// </summary>
internal static class BaselineEndpoint
{
    private const string PageSql = """
        SELECT v.id, v.title, v.path, v.document FROM content_versions v
        WHERE v.content_type = @type AND v.culture = @culture AND v.published
        ORDER BY v.published_at DESC, v.item_id LIMIT 20
        """;

    private const string TagsSql = """
        SELECT r.version_id, t.title, t.path FROM relations r
        JOIN content_versions t ON t.item_id = r.target_id AND t.published
        WHERE r.field = 'tags' AND r.version_id IN (@ids)
        ORDER BY r.version_id, r.position
        """;

    public static async Task WriteAsync(HttpContext http, IDbContextFactory<SmileDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(http.RequestAborted);
        var rows = new List<(long Id, string Title, string? Path, JsonObject Document)>(20);
        await using (var page = Command(connection, PageSql, ("@type", "NewsArticle"), ("@culture", "de")))
        await using (var reader = await page.ExecuteReaderAsync(http.RequestAborted))
        {
            while (await reader.ReadAsync(http.RequestAborted))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), JsonNode.Parse(reader.GetString(3))!.AsObject()));
            }
        }

        var tags = new Dictionary<long, List<(string Title, string? Path)>>();
        if (rows.Count > 0)
        {
            var names = rows.Select((_, i) => "@v" + i).ToArray();
            await using var tagCommand = Command(connection, TagsSql.Replace("@ids", string.Join(',', names), StringComparison.Ordinal), [.. rows.Select((r, i) => (names[i], (object)r.Id))]);
            await using var reader = await tagCommand.ExecuteReaderAsync(http.RequestAborted);
            while (await reader.ReadAsync(http.RequestAborted))
            {
                var list = tags.TryGetValue(reader.GetInt64(0), out var existing) ? existing : tags[reader.GetInt64(0)] = [];
                list.Add((reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteStartObject("data");
        json.WriteStartObject("newsArticles");
        json.WriteStartArray("nodes");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("title", row.Title);
            json.WriteString("path", row.Path);
            json.WriteString("teaser", row.Document["teaser"]?.GetValue<string>());
            if (row.Document["heroImage"]?["mediaId"]?.GetValue<string>() is { } mediaId)
            {
                json.WriteStartObject("heroImage");
                json.WriteString("url", $"/media/{Uri.EscapeDataString(mediaId)}/640.webp");
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("heroImage");
            }

            json.WriteStartArray("tags");
            foreach (var (title, path) in tags.GetValueOrDefault(row.Id) ?? [])
            {
                json.WriteStartObject();
                json.WriteString("title", title);
                json.WriteString("path", path);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
