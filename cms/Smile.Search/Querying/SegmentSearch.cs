using Lucene.Net.Search;
using Smile.Content.Searching;

namespace Smile.Search.Querying;

/// <summary>
/// Collects a query's best hits and every match's facets, segment by segment. In a large index the segments
/// are searched side by side: a query matching most of 100,000 documents is bound by scoring every match, and
/// on two cores that halves the wait for the slowest queries. The calling thread takes part, so when every
/// core is already busy with other requests it simply searches the segments one after the other.
/// </summary>
internal static class SegmentSearch
{
    /// <summary>Below this many documents every query answers in about a millisecond: handing segments to other threads would cost more than it saves.</summary>
    public const int SideBySideFrom = 20_000;

    /// <param name="sideBySideFrom">The index size from which segments are searched side by side (tests set it low).</param>
    public static (TopDocs Top, IReadOnlyDictionary<SearchFacet, IReadOnlyList<FacetCount>> Facets) Run(IndexSearcher searcher, Query query, int window, int sideBySideFrom = SideBySideFrom)
    {
        var leaves = searcher.IndexReader.Leaves;
        if (leaves.Count < 2 || searcher.IndexReader.MaxDoc < sideBySideFrom)
        {
            var top = TopScoreDocCollector.Create(window, docsScoredInOrder: true);
            var facets = new FacetCounter();
            searcher.Search(query, MultiCollector.Wrap(top, facets));
            return (top.GetTopDocs(), facets.Result());
        }

        // One weight for all segments: scores use the statistics of the whole index, as in a search one segment after the other.
        var weight = searcher.CreateNormalizedWeight(query);
        var tops = new TopDocs[leaves.Count];
        var counters = new FacetCounter[leaves.Count];
        Parallel.For(0, leaves.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            // Collected in document order: the out-of-order scorer would allocate its bucket tables for every segment of every query.
            var top = TopScoreDocCollector.Create(window, docsScoredInOrder: true);
            var facets = new FacetCounter();
            var collector = MultiCollector.Wrap(top, facets);
            var leaf = leaves[i];
            collector.SetNextReader(leaf);
            weight.GetBulkScorer(leaf, scoreDocsInOrder: true, leaf.AtomicReader.LiveDocs)?.Score(collector);
            tops[i] = top.GetTopDocs();
            counters[i] = facets;
        });

        // Ties go to the earlier segment, then the earlier document: the order of a search one segment after the other.
        return (TopDocs.Merge(null, window, tops), FacetCounter.Result(counters));
    }
}
