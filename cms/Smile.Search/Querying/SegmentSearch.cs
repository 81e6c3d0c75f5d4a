using Lucene.Net.Index;
using Lucene.Net.Search;
using Smile.Content.Searching;

namespace Smile.Search.Querying;

/// <summary>
/// Collects a query's best hits and every match's facets. In a large index the documents are searched in pieces
/// side by side: a query matching most of 100,000 documents is bound by scoring every match, and on two cores that
/// halves the wait for the slowest queries. Pieces are ranges of documents of about equal size, not whole segments,
/// whose sizes differ too much to share the work evenly. The calling thread takes part, so when every core is
/// already busy with other requests it simply searches the pieces one after the other.
/// </summary>
internal static class SegmentSearch
{
    /// <summary>Below this many documents every query answers in about a millisecond: handing pieces to other threads would cost more than it saves.</summary>
    public const int SideBySideFrom = 20_000;

    /// <summary>Pieces per core: more than one, so a core that finishes early takes another.</summary>
    private const int PiecesPerCore = 2;

    /// <param name="sideBySideFrom">The index size from which documents are searched side by side (tests set it low).</param>
    public static (TopDocs Top, IReadOnlyDictionary<SearchFacet, IReadOnlyList<FacetCount>> Facets) Run(IndexSearcher searcher, Query query, int window, int sideBySideFrom = SideBySideFrom)
    {
        if (searcher.IndexReader.MaxDoc < sideBySideFrom)
        {
            var top = new BestHits(window);
            var facets = new FacetCounter();
            searcher.Search(query, MultiCollector.Wrap(top, facets));
            return (top.GetTopDocs(), facets.Result());
        }

        // One weight for all pieces: scores use the statistics of the whole index, as in a search one segment after the other.
        var weight = searcher.CreateNormalizedWeight(query);
        var pieces = Pieces(searcher.IndexReader, Environment.ProcessorCount * PiecesPerCore);
        var tops = new TopDocs[pieces.Count];
        var counters = new FacetCounter[pieces.Count];
        Parallel.For(0, pieces.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (leaf, start, end) = pieces[i];
            // Collected in document order: the out-of-order scorer would allocate its bucket tables for every piece of every query.
            var top = new BestHits(window);
            var facets = new FacetCounter();
            var collector = MultiCollector.Wrap(top, facets);
            collector.SetNextReader(leaf);
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer)
            {
                collector.SetScorer(scorer);
                for (var doc = scorer.Advance(start); doc < end; doc = scorer.NextDoc())
                {
                    collector.Collect(doc);
                }
            }

            tops[i] = top.GetTopDocs();
            counters[i] = facets;
        });

        // Pieces are in document order, and ties go to the earlier piece, then the earlier document: the order of a search one segment after the other.
        return (TopDocs.Merge(null, window, tops), FacetCounter.Result(counters));
    }

    /// <summary>Every segment cut into ranges of documents, about <paramref name="count"/> of equal size in all (a small segment stays whole).</summary>
    private static List<(AtomicReaderContext Leaf, int Start, int End)> Pieces(IndexReader reader, int count)
    {
        var pieces = new List<(AtomicReaderContext, int, int)>();
        var size = Math.Max(1, (reader.MaxDoc + count - 1) / count);
        foreach (var leaf in reader.Leaves)
        {
            var documents = leaf.AtomicReader.MaxDoc;
            var cuts = Math.Max(1, (int)Math.Round((double)documents / size));
            var length = (documents + cuts - 1) / cuts;
            for (var start = 0; start < documents; start += length)
            {
                pieces.Add((leaf, start, Math.Min(documents, start + length)));
            }
        }

        return pieces;
    }
}
