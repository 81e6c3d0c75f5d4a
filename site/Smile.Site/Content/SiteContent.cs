using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Smile.Site.Content;

/// <summary>
/// All published content one build renders, read-only while pages render in parallel. Collections (a type's
/// items in one culture, in the theme's order) and back-references are computed once per build, with a
/// signature each so an incremental build can tell which of them changed.
/// </summary>
public sealed class SiteContent
{
    private static readonly StringComparer German = StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), CompareOptions.IgnoreCase);

    private readonly Dictionary<string, SiteItem> _byId;
    private readonly IReadOnlyDictionary<string, string> _orders;
    private readonly ConcurrentDictionary<string, IReadOnlyList<SiteItem>> _collections = new(StringComparer.Ordinal);
    private readonly Lazy<ILookup<string, SiteItem>> _referencedBy;
    private readonly Lazy<HashSet<string>> _paths;
    private readonly ConcurrentDictionary<string, byte> _plannedPaths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _signatures = new(StringComparer.Ordinal);

    public SiteContent(IEnumerable<SiteItem> items, IReadOnlyDictionary<string, string> orders)
    {
        _byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        _orders = orders;
        _referencedBy = new(() => _byId.Values
            .SelectMany(item => item.References().Distinct(StringComparer.Ordinal).Select(target => (target, item)))
            .OrderBy(pair => pair.item.Id, StringComparer.Ordinal)
            .ToLookup(pair => pair.target, pair => pair.item, StringComparer.Ordinal));
        _paths = new(() => _byId.Values.Where(i => i.Path is not null).Select(i => Normalized(i.Path!)).ToHashSet(StringComparer.Ordinal));
    }

    public IReadOnlyCollection<SiteItem> Items => _byId.Values;

    public bool TryGet(string id, out SiteItem item) => _byId.TryGetValue(id, out item!);

    /// <summary>Whether the site has a page at <paramref name="path"/>: an item's, or one the planner added (home, lists).</summary>
    public bool HasPage(string path) => _paths.Value.Contains(Normalized(path)) || _plannedPaths.ContainsKey(Normalized(path));

    /// <summary>Pages that are not items' (home, list pages), known once the pages are planned.</summary>
    public void AddPages(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            _plannedPaths.TryAdd(Normalized(path), 0);
        }
    }

    private static string Normalized(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    /// <summary>A type's items in one culture, in the order the theme gives for the type (default: title).</summary>
    public IReadOnlyList<SiteItem> Collection(string type, string culture) =>
        _collections.GetOrAdd(CollectionKey(type, culture), _ => Sort(_byId.Values.Where(i => i.ContentType == type && i.Culture == culture), _orders.GetValueOrDefault(type, "title")));

    /// <summary>The items that point to <paramref name="id"/> through a picker or taxonomy, by id.</summary>
    public IReadOnlyList<SiteItem> ReferencesTo(string id) => [.. _referencedBy.Value[id]];

    public static string CollectionKey(string type, string culture) => $"type:{type}:{culture}";

    public static string ReferencesKey(string id) => $"refs:{id}";

    public static string LinkKey(string path) => $"link:{path}";

    /// <summary>What a dependency key stands for right now: membership and order, or whether a link target exists.</summary>
    /// <remarks>Computed once per key and build: every list page of a section asks for the same one.</remarks>
    public string Signature(string key) => _signatures.GetOrAdd(key, k =>
    {
        var parts = k.Split(':', 3);
        IEnumerable<string> members = parts[0] switch
        {
            "type" => Collection(parts[1], parts[2]).Select(i => i.Id),
            "refs" => ReferencesTo(k[5..]).Select(i => i.Id),
            "link" => [HasPage(k[5..]) ? "1" : "0"],
            _ => [],
        };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var member in members)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(member));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash())[..16];
    });

    private static List<SiteItem> Sort(IEnumerable<SiteItem> items, string order)
    {
        var descending = order.StartsWith('-');
        var field = order.TrimStart('-');
        // Each item's key is read (and a date parsed) once, not in every comparison.
        var keyed = items.Select(i => (Item: i, Key: SortKey(i.Fields.GetValueOrDefault(field)))).ToList();
        keyed.Sort((a, b) =>
        {
            var byField = a.Key is null || b.Key is null ? CompareValues(a.Key, b.Key) : descending ? -CompareValues(a.Key, b.Key) : CompareValues(a.Key, b.Key);
            return byField != 0 ? byField : string.CompareOrdinal(a.Item.Id, b.Item.Id);
        });
        return [.. keyed.Select(k => k.Item)];
    }

    private static object? SortKey(object? value) => value is string s && IsDate(s, out var date) ? date : value;

    /// <summary>Missing values last whatever the direction would say; dates by instant, numbers by value, text the German way.</summary>
    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (decimal x, decimal y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        _ => German.Compare(a.ToString(), b.ToString()),
    };

    private static bool IsDate(string value, out DateTimeOffset date)
    {
        date = default;
        return value.Length >= 10 && char.IsAsciiDigit(value[0]) && value[4] == '-' &&
               DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }
}
