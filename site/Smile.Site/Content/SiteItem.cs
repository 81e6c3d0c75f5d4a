using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Smile.Site.Content;

/// <summary>One published item as the API answered it: the common columns typed, every field as plain data.</summary>
public sealed class SiteItem
{
    private SiteItem(string json, Dictionary<string, object?> fields)
    {
        Json = json;
        Fields = fields;
        Id = (string)fields["id"]!;
        ContentType = fields.GetValueOrDefault("__typename") as string ?? (string)fields["contentType"]!;
        Culture = fields.GetValueOrDefault("culture") as string ?? "de";
        Title = fields.GetValueOrDefault("title") as string ?? "";
        Path = fields.GetValueOrDefault("path") as string;
        PublishedAt = Date(fields.GetValueOrDefault("publishedAt"));
        ModifiedAt = Date(fields.GetValueOrDefault("modifiedAt")) ?? DateTimeOffset.UnixEpoch;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
    }

    public string Id { get; }

    /// <summary>The GraphQL type name, e.g. <c>NewsArticle</c>.</summary>
    public string ContentType { get; }

    public string Culture { get; }

    public string Title { get; }

    /// <summary>Where the item has a page; null for types without pages.</summary>
    public string? Path { get; }

    public DateTimeOffset? PublishedAt { get; }

    public DateTimeOffset ModifiedAt { get; }

    /// <summary>Every field by its API name: strings, decimals, booleans, lists and objects (dictionaries).</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; }

    /// <summary>The API's answer for this item, as kept in the build state.</summary>
    public string Json { get; }

    /// <summary>Changes whenever anything the API says about the item changes.</summary>
    public string Hash { get; }

    public static SiteItem Parse(JsonElement element) =>
        new(element.GetRawText(), (Dictionary<string, object?>)ToData(element)!);

    public static SiteItem Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>The ids of the items this one points to (pickers and taxonomies), not its translations.</summary>
    public IEnumerable<string> References()
    {
        foreach (var (name, value) in Fields)
        {
            if (name == "localizations")
            {
                continue;
            }

            foreach (var reference in ReferencesIn(value))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<string> ReferencesIn(object? value) => value switch
    {
        Dictionary<string, object?> d when IsReference(d) => [(string)d["id"]!],
        List<object?> list => list.SelectMany(ReferencesIn),
        _ => [],
    };

    /// <summary>A relation as the site selects it: typed, with an id.</summary>
    public static bool IsReference(IReadOnlyDictionary<string, object?> value) => value.ContainsKey("__typename") && value.ContainsKey("id");

    private static object? ToData(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToData(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToData).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static DateTimeOffset? Date(object? value) =>
        value is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : null;
}
