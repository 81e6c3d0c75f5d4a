using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Smile.Site.Content;

/// <summary>One published item as the API answered it: the common columns typed, every field as plain data.</summary>
public sealed class SiteItem
{
    private static readonly object True = true;
    private static readonly object False = false;

    private SiteItem(Dictionary<string, object?> fields, string hash)
    {
        Fields = fields;
        Hash = hash;
        Id = (string)fields["id"]!;
        ContentType = fields.GetValueOrDefault("__typename") as string ?? (string)fields["contentType"]!;
        Culture = fields.GetValueOrDefault("culture") as string ?? "de";
        Title = fields.GetValueOrDefault("title") as string ?? "";
        Path = fields.GetValueOrDefault("path") as string;
        PublishedAt = Date(fields.GetValueOrDefault("publishedAt"));
        ModifiedAt = Date(fields.GetValueOrDefault("modifiedAt")) ?? DateTimeOffset.UnixEpoch;
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

    /// <summary>Changes whenever anything the API says about the item changes: a hash of the API's answer, byte for byte.</summary>
    public string Hash { get; }

    public static SiteItem Parse(JsonElement element) => Parse(element, null);

    /// <param name="strings">Where names and short values repeated across items (field names, types, tags) are shared.</param>
    internal static SiteItem Parse(JsonElement element, SharedStrings? strings) =>
        new((Dictionary<string, object?>)ToData(element, strings)!, Convert.ToHexStringLower(SHA256.HashData(JsonMarshal.GetRawUtf8Value(element)))[..16]);

    public static SiteItem Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>An item as <see cref="WriteTo"/> kept it, with the hash of the API's answer it was read from.</summary>
    internal static SiteItem Restore(JsonElement fields, string hash, SharedStrings? strings) =>
        new((Dictionary<string, object?>)ToData(fields, strings)!, hash);

    /// <summary>The item's fields as JSON: what the build state keeps instead of the API's answer (no second copy in memory).</summary>
    internal void WriteTo(Utf8JsonWriter writer) => Write(writer, Fields);

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

    private static object? ToData(JsonElement element, SharedStrings? strings) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => strings?.Share(p.Name) ?? p.Name, p => ToData(p.Value, strings), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(e => ToData(e, strings)).ToList(),
        JsonValueKind.String => strings?.Share(element.GetString()!) ?? element.GetString(),
        JsonValueKind.Number => element.GetDecimal(),
        JsonValueKind.True => True,
        JsonValueKind.False => False,
        _ => null,
    };

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> fields:
                writer.WriteStartObject();
                foreach (var (name, field) in fields)
                {
                    writer.WritePropertyName(name);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var entry in list)
                {
                    Write(writer, entry);
                }

                writer.WriteEndArray();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static DateTimeOffset? Date(object? value) =>
        value is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : null;
}
