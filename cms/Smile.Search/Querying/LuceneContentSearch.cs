using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using Smile.Content.Searching;
using Smile.Search.Diagnostics;
using Smile.Search.Indexing;

namespace Smile.Search.Querying;

/// <summary>
/// The search port on Lucene: exact words first; when nothing matches, the same words with typos
/// forgiven. Every match is counted for the facets; only the requested page is loaded and highlighted.
/// </summary>
public sealed class LuceneContentSearch(SearchIndexes indexes, SearchIndexer indexer, IOptions<SearchOptions> options, SearchMetrics? metrics = null) : IContentSearch
{
    /// <summary>How deep paging goes: relevance past the first thousand hits is noise, and each page collects all before it.</summary>
    public const int MaxWindow = 1000;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await FindAsync(request, cancellationToken);
        metrics?.Searched(request.Scope, result, started);
        return result;
    }

    private async Task<SearchResult> FindAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var upToDate = true;
        if (request.ConsistentWith is { } position && indexes.Position < position)
        {
            indexer.Wake();
            upToDate = await indexes.WaitForAsync(position, options.Value.FreshnessWait, cancellationToken);
        }

        var index = indexes.For(request.Scope).Find(request.Culture);
        var window = Math.Min(request.Offset + request.Take, MaxWindow);
        if (index is null || request.Take <= 0 || request.Offset >= MaxWindow)
        {
            return index is null ? SearchResult.Empty : await CountOnlyAsync(index, request, upToDate);
        }

        var input = UserQuery.Parse(request.Query);
        var searcher = index.Searchers.Acquire();
        try
        {
            var outcome = Run(searcher, index.Analysis.Querying, input, request.ContentTypes, window, fuzzy: false)
                ?? Run(searcher, index.Analysis.Querying, input, request.ContentTypes, window, fuzzy: true);
            if (outcome is not { } found)
            {
                return SearchResult.Empty;
            }

            var highlighter = new HitHighlighter(found.Query, index.Analysis.Querying, index.Analysis.Dictionary);
            var hits = new List<SearchHit>(Math.Max(0, found.Top.ScoreDocs.Length - request.Offset));
            var shown = new ShownValues(searcher);
            foreach (var scored in found.Top.ScoreDocs.Skip(request.Offset))
            {
                var (id, contentType, title, path, text) = shown.Read(scored.Doc);
                hits.Add(new SearchHit(id, scored.Score, highlighter.Snippets(text))
                {
                    Indexed = new IndexedVersion(contentType, index.Culture, title, path),
                });
            }

            return new SearchResult(found.Top.TotalHits, hits, found.Facets, found.Fuzzy) { UpToDate = upToDate };
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private sealed record Found(Query Query, TopDocs Top, IReadOnlyDictionary<SearchFacet, IReadOnlyList<FacetCount>> Facets, bool Fuzzy);

    /// <summary>The page's hits and every match's facets; null when nothing matched.</summary>
    private static Found? Run(IndexSearcher searcher, Analyzer analyzer, UserQuery input, IReadOnlyCollection<string> types, int window, bool fuzzy)
    {
        if (QueryBuilder.Build(input, analyzer, fuzzy) is not { } built)
        {
            return null;
        }

        // Rewritten once (fuzzy words expand here) for both the search and the highlighter.
        var query = searcher.Rewrite(QueryBuilder.OfTypes(built, types));
        var (top, facets) = SegmentSearch.Run(searcher, query, Math.Max(window, 1));
        return top.TotalHits == 0 ? null : new Found(query, top, facets, fuzzy);
    }

    /// <summary>A page past the window: the count and facets are still true, the page is empty.</summary>
    private static Task<SearchResult> CountOnlyAsync(CultureIndex index, SearchRequest request, bool upToDate)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var input = UserQuery.Parse(request.Query);
            var found = Run(searcher, index.Analysis.Querying, input, request.ContentTypes, 1, fuzzy: false)
                ?? Run(searcher, index.Analysis.Querying, input, request.ContentTypes, 1, fuzzy: true);
            return Task.FromResult(found is null ? SearchResult.Empty : new SearchResult(found.Top.TotalHits, [], found.Facets, found.Fuzzy) { UpToDate = upToDate });
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }
}
