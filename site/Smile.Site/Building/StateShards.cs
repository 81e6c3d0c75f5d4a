using System.Text.Json;
using Smile.Site.Content;

namespace Smile.Site.Building;

/// <summary>
/// The shard files of the build state: which shard a key (item id, page file) belongs to, and reading and writing
/// one shard of items (the API's answers, byte for byte) or of page records.
/// </summary>
internal static class StateShards
{
    /// <summary>Enough that one edit rewrites a few hundred KiB of 10,000 items' state, few enough to list at a glance.</summary>
    public const int Count = 64;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>A hash that stays the same from process to process (unlike <see cref="string.GetHashCode()"/>): FNV-1a.</summary>
    public static int Of(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    public static List<T>[] Group<T>(IEnumerable<T> values, Func<T, string> key)
    {
        var shards = new List<T>[Count];
        for (var i = 0; i < Count; i++)
        {
            shards[i] = [];
        }

        foreach (var value in values)
        {
            shards[Of(key(value))].Add(value);
        }

        return shards;
    }

    public static async Task WriteItemsAsync(string file, List<SiteItem> items, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false);
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writer.WriteString("hash", item.Hash);
            writer.WritePropertyName("item");
            item.WriteTo(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    public static async Task<List<SiteItem>> ReadItemsAsync(string file, SharedStrings strings, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return [.. document.RootElement.EnumerateArray().Select(e => SiteItem.Restore(e.GetProperty("item"), e.GetProperty("hash").GetString()!, strings))];
    }

    public static async Task WritePagesAsync(string file, List<KeyValuePair<string, PageRecord>> pages, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false);
        await JsonSerializer.SerializeAsync(stream, pages.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), Json, cancellationToken);
    }

    public static async Task<Dictionary<string, PageRecord>> ReadPagesAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var pages = await JsonSerializer.DeserializeAsync<Dictionary<string, PageRecord>>(stream, Json, cancellationToken) ?? [];
        // Every page names the same few templates: one string each, not one per page.
        return pages.ToDictionary(p => p.Key, p => p.Value with { Templates = [.. p.Value.Templates.Select(string.Intern)] }, StringComparer.Ordinal);
    }
}
