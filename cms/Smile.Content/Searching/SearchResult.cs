namespace Smile.Content.Searching;

/// <param name="TotalCount">Every match, not only this page.</param>
/// <param name="Fuzzy">Whether nothing matched as typed and these hits forgive typos.</param>
/// <param name="Facets">Counts over every match, by facet (content type, district, field of action).</param>
public sealed record SearchResult(int TotalCount, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<SearchFacet, IReadOnlyList<FacetCount>> Facets, bool Fuzzy)
{
    /// <summary>
    /// Whether the index had read as far as <see cref="SearchRequest.ConsistentWith"/> when it answered: only then
    /// do the hits' indexed titles and paths match the content state the caller asked about.
    /// </summary>
    public bool UpToDate { get; init; } = true;

    public static SearchResult Empty { get; } = new(0, [], new Dictionary<SearchFacet, IReadOnlyList<FacetCount>>
    {
        [SearchFacet.ContentType] = [],
        [SearchFacet.District] = [],
        [SearchFacet.FieldOfAction] = [],
    }, Fuzzy: false);
}

/// <param name="Snippets">Passages with the matched words in <c>&lt;mark&gt;</c>; everything else HTML-escaped.</param>
public sealed record SearchHit(string ItemId, float Score, IReadOnlyList<string> Snippets)
{
    /// <summary>What the index holds of the hit's version, enough to list it without reading the database; null when unknown.</summary>
    public IndexedVersion? Indexed { get; init; }
}

/// <summary>The few fields of a version that a search index keeps beside its words.</summary>
public sealed record IndexedVersion(string ContentType, string Culture, string Title, string? Path);

/// <param name="Value">The content type name or the taxonomy term's id.</param>
/// <param name="Label">What people read: the type's display name or the term's title.</param>
public sealed record FacetCount(string Value, string Label, int Count);

public enum SearchFacet
{
    ContentType,
    District,
    FieldOfAction,
}
