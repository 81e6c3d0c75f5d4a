using System.Diagnostics;
using Lucene.Net.Search;
using Smile.Search.Indexing;
using Smile.Search.Querying;

namespace Smile.Benchmarks.Search;

/// <summary>
/// The search port's scorers and page collector against Lucene's own boolean queries and collector (<c>--scorers</c>),
/// on the two-word queries that match the most documents. Each query runs every way in turn, so that a slow spell of
/// the machine hits all ways alike; the hits must be the same, and the times count as ratios to Lucene's.
/// </summary>
internal static class ScorerComparison
{
    private const int Heaviest = 60;
    private const int Rounds = 6;

    public static void Run(CultureIndex index, IReadOnlyList<BenchmarkQuery> queries)
    {
        var searcher = index.Searchers.Acquire();
        try
        {
            var heaviest = queries.Where(q => q.Kind == QueryKind.TwoWords)
                .Select(q => QueryBuilder.Build(UserQuery.Parse(q.Typed), index.Analysis.Querying, fuzzy: false))
                .OfType<Query>()
                .Select(searcher.Rewrite)
                .Select(query => (Query: query, Matches: Count(searcher, query)))
                .OrderByDescending(q => q.Matches)
                .Take(Heaviest)
                .ToList();
            var ways = new (string Name, Func<Query, TopDocs> Search)[]
            {
                ("Lucene's queries and collector", query =>
                {
                    var top = TopScoreDocCollector.Create(20, docsScoredInOrder: true);
                    searcher.Search(QueryBuilder.AsLucenesOwn(query), MultiCollector.Wrap(top, new FacetCounter()));
                    return top.GetTopDocs();
                }),
                ("ours, one thread", query => SegmentSearch.Run(searcher, query, 20, sideBySideFrom: int.MaxValue).Top),
                ("ours, in pieces side by side", query => SegmentSearch.Run(searcher, query, 20).Top),
            };

            var timings = ways.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var (query, _) in heaviest)
                {
                    TopDocs? expected = null;
                    for (var way = 0; way < ways.Length; way++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        var found = ways[way].Search(query);
                        // The first round warms up.
                        if (round > 0)
                        {
                            timings[way].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }

                        expected ??= found;
                        if (found.TotalHits != expected.TotalHits || !found.ScoreDocs.Select(d => (d.Doc, d.Score)).SequenceEqual(expected.ScoreDocs.Select(d => (d.Doc, d.Score))))
                        {
                            throw new InvalidOperationException($"{ways[way].Name} found other hits than {ways[0].Name} for {query}");
                        }
                    }
                }
            }

            Console.WriteLine(FormattableString.Invariant($"  the {heaviest.Count} heaviest two-word queries ({heaviest[^1].Matches:N0}–{heaviest[0].Matches:N0} matches), with facets, {Rounds - 1} rounds:"));
            for (var way = 0; way < ways.Length; way++)
            {
                Console.WriteLine(FormattableString.Invariant($"  {ways[way].Name,-32} p50 / p99 {Timings.Of(timings[way])} ms, average {timings[way].Average():0.00} ms, {timings[way].Average() / timings[0].Average():0.00} of Lucene's"));
            }
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    private static int Count(IndexSearcher searcher, Query query)
    {
        var count = new TotalHitCountCollector();
        searcher.Search(query, count);
        return count.TotalHits;
    }
}
