using System.Text.Json;
using Smile.Site.Content;
using Smile.Site.Sources;

namespace Smile.Site.Fetching;

/// <summary>
/// The fetch pipeline: every published item of every type and culture (paged, several at once), or, for an
/// incremental build, the change feed since a position and then only the items it names.
/// </summary>
public sealed class ContentFetcher(IContentSource source, IReadOnlyList<string> cultures, int pageSize = 100)
{
    private readonly SharedStrings _strings = new();
    private int _itemsFetched;

    /// <summary>How many items the API answered with in this fetcher's life (what "fetched only one" counts).</summary>
    public int ItemsFetched => _itemsFetched;

    public async Task<string> PositionAsync(CancellationToken cancellationToken)
    {
        var data = await source.ExecuteAsync(new ContentRequest("query SitePosition { changes(first: 1) { currentPosition } }", "SitePosition"), cancellationToken);
        return data.GetProperty("changes").GetProperty("currentPosition").GetString()!;
    }

    public Task<IReadOnlyList<SiteItem>> FetchAllAsync(SiteSchema schema, CancellationToken cancellationToken) =>
        FetchTypesAsync(schema, schema.Types, cancellationToken);

    /// <summary>Every published item of <paramref name="types"/> in every culture.</summary>
    public async Task<IReadOnlyList<SiteItem>> FetchTypesAsync(SiteSchema schema, IEnumerable<SiteType> types, CancellationToken cancellationToken)
    {
        var work = types.SelectMany(type => cultures.Select(culture => (type, culture))).ToList();
        var pages = new List<SiteItem>[work.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (index, ct) =>
        {
            pages[index] = await FetchTypeAsync(work[index].type, work[index].culture, ct);
        });
        return [.. pages.SelectMany(p => p)];
    }

    private async Task<List<SiteItem>> FetchTypeAsync(SiteType type, string culture, CancellationToken cancellationToken)
    {
        var document = $"query SiteList($culture: String, $after: String, $first: Int) {{ list: {type.ListField}(culture: $culture, after: $after, first: $first) {{ nodes {{ __typename {type.Selection} }} pageInfo {{ hasNextPage endCursor }} }} }}";
        var items = new List<SiteItem>();
        string? after = null;
        do
        {
            var data = await source.ExecuteAsync(new ContentRequest(document, "SiteList", new Dictionary<string, object?> { ["culture"] = culture, ["after"] = after, ["first"] = pageSize }), cancellationToken);
            var list = data.GetProperty("list");
            foreach (var node in list.GetProperty("nodes").EnumerateArray())
            {
                items.Add(SiteItem.Parse(node, _strings));
            }

            var pageInfo = list.GetProperty("pageInfo");
            after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Interlocked.Add(ref _itemsFetched, items.Count);
        return items;
    }

    /// <summary>The items one incremental build must look at again, and whether the schema itself changed.</summary>
    public async Task<ChangeSet> ChangesSinceAsync(string position, CancellationToken cancellationToken)
    {
        const string document = "query SiteChanges($after: String) { changes(after: $after, first: 1000) { nodes { kind itemId contentType } pageInfo { hasNextPage endCursor } } }";
        var ids = new Dictionary<string, string?>(StringComparer.Ordinal);
        var schemaChanged = false;
        var after = position;
        while (true)
        {
            var data = await source.ExecuteAsync(new ContentRequest(document, "SiteChanges", new Dictionary<string, object?> { ["after"] = after }), cancellationToken);
            var changes = data.GetProperty("changes");
            foreach (var change in changes.GetProperty("nodes").EnumerateArray())
            {
                schemaChanged |= change.GetProperty("kind").GetString() == "CONTENT_TYPE_CHANGED";
                if (change.GetProperty("itemId").GetString() is { } id)
                {
                    ids[id] = change.GetProperty("contentType").GetString();
                }
            }

            var pageInfo = changes.GetProperty("pageInfo");
            after = pageInfo.GetProperty("endCursor").GetString() ?? after;
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
            {
                return new ChangeSet(ids, schemaChanged, after);
            }
        }
    }

    /// <summary>One item as it is now; null when it is no longer published (or in none of the site's cultures).</summary>
    /// <param name="contentType">The type the change feed named; asked for when unknown.</param>
    public Task<SiteItem?> FetchItemAsync(SiteSchema schema, string id, string? contentType, CancellationToken cancellationToken) =>
        FetchItemAsync(schema, id, contentType, "PUBLISHED", cancellationToken);

    /// <summary>
    /// An item's newest version, published or not, as the site would show it once published; null when there is
    /// none (or it is in none of the site's cultures). Needs a source that may preview drafts.
    /// </summary>
    public Task<SiteItem?> FetchLatestAsync(SiteSchema schema, string id, CancellationToken cancellationToken) =>
        FetchItemAsync(schema, id, null, "LATEST", cancellationToken);

    private async Task<SiteItem?> FetchItemAsync(SiteSchema schema, string id, string? contentType, string status, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, object?> { ["id"] = id, ["status"] = status };
        if (contentType is null || schema.Find(contentType) is null)
        {
            var probe = await source.ExecuteAsync(new ContentRequest("query SiteItemType($id: ID!, $status: Status) { node(id: $id, status: $status) { __typename } }", "SiteItemType", variables), cancellationToken);
            contentType = probe.GetProperty("node") is { ValueKind: JsonValueKind.Object } found ? found.GetProperty("__typename").GetString() : null;
        }

        // One type's fragment only: fields of the same name may have other types in other content types.
        if (contentType is null || schema.Find(contentType) is not { } type)
        {
            return null;
        }

        var data = await source.ExecuteAsync(new ContentRequest($"query SiteItem($id: ID!, $status: Status) {{ node(id: $id, status: $status) {{ __typename ... on {type.Name} {{ {type.Selection} }} }} }}", "SiteItem", variables), cancellationToken);
        var node = data.GetProperty("node");
        if (node.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        Interlocked.Increment(ref _itemsFetched);
        var item = SiteItem.Parse(node, _strings);
        return cultures.Contains(item.Culture) && schema.Find(item.ContentType) is not null ? item : null;
    }
}

/// <summary>What the change feed named since the last build.</summary>
/// <param name="ItemIds">Item id to the content type the feed named for it.</param>
public sealed record ChangeSet(IReadOnlyDictionary<string, string?> ItemIds, bool SchemaChanged, string Position);
