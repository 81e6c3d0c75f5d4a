using System.Data.Common;
using System.Text.Json.Nodes;
using Smile.Content.Items;

namespace Smile.Benchmarks;

/// <summary>
/// Reads content_versions rows into <see cref="ContentVersion"/> the way EF's materializer does: every
/// column, the JSON document parsed with <c>JsonNode.Parse</c>, dates marked UTC. Columns are found by
/// name, so hand-written SQL and EF's own SQL (columns in another order) read alike.
/// </summary>
internal static class VersionRows
{
    public static async Task<List<ContentVersion>> ReadAllAsync(DbDataReader reader, int capacity)
    {
        var items = new List<ContentVersion>(capacity);
        if (!await reader.ReadAsync())
        {
            return items;
        }

        var at = Ordinals(reader);
        do
        {
            items.Add(Read(reader, at));
        }
        while (await reader.ReadAsync());
        return items;
    }

    private static Dictionary<string, int> Ordinals(DbDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.Ordinal);

    private static ContentVersion Read(DbDataReader row, Dictionary<string, int> at) => new()
    {
        Id = row.GetInt64(at["id"]),
        ItemId = row.GetString(at["item_id"]),
        Number = row.GetInt32(at["number"]),
        ContentType = row.GetString(at["content_type"]),
        Culture = row.GetString(at["culture"]),
        LocalizationSet = row.GetString(at["localization_set"]),
        Title = row.GetString(at["title"]),
        Slug = row.IsDBNull(at["slug"]) ? null : row.GetString(at["slug"]),
        Path = row.IsDBNull(at["path"]) ? null : row.GetString(at["path"]),
        Fields = JsonNode.Parse(row.GetString(at["document"]))!.AsObject(),
        Latest = row.GetBoolean(at["latest"]),
        Published = row.GetBoolean(at["published"]),
        OwnerId = row.GetString(at["owner_id"]),
        ModifiedBy = row.GetString(at["modified_by"]),
        CreatedAt = Utc(row.GetDateTime(at["created_at"])),
        ModifiedAt = Utc(row.GetDateTime(at["modified_at"])),
        PublishedAt = row.IsDBNull(at["published_at"]) ? null : Utc(row.GetDateTime(at["published_at"])),
    };

    // SQLite keeps no kind; EF's converter marks every DateTime read back as UTC.
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
