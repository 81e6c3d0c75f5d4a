using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Smile.Search.Indexing;
using Smile.Search.Querying;

namespace Smile.Benchmarks.Search;

/// <summary>
/// Where a query's time goes (<c>--steps</c>): the steps of the search port one by one, as it runs them,
/// with the time and the memory each allocates. Exact queries only; a first round warms up.
/// </summary>
internal static class Steps
{
    private static readonly string[] Names = ["build query", "search: top only", "search: top + facets", "load 20 hits", "analyse their text", "highlight"];

    public static void Run(CultureIndex index, IReadOnlyList<BenchmarkQuery> queries)
    {
        for (var round = 0; round < 2; round++)
        {
            var timings = Names.ToDictionary(n => n, _ => new List<double>());
            var allocated = Names.ToDictionary(n => n, _ => 0L);
            var slowest = new List<(double Milliseconds, string Typed, int Matches)>();
            foreach (var typed in queries.Where(q => q.Kind != QueryKind.Typo).Select(q => q.Typed))
            {
                var searcher = index.Searchers.Acquire();
                try
                {
                    void Time(string name, Action step)
                    {
                        var before = GC.GetAllocatedBytesForCurrentThread();
                        var started = Stopwatch.GetTimestamp();
                        step();
                        timings[name].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        allocated[name] += GC.GetAllocatedBytesForCurrentThread() - before;
                    }

                    Query? query = null;
                    Time("build query", () => query = QueryBuilder.Build(UserQuery.Parse(typed), index.Analysis.Querying, fuzzy: false) is { } q ? searcher.Rewrite(q) : null);
                    if (query is null)
                    {
                        continue;
                    }

                    TopDocs? top = null;
                    Time("search: top only", () => searcher.Search(query, new BestHits(20)));
                    Time("search: top + facets", () =>
                    {
                        var collector = new BestHits(20);
                        searcher.Search(query, MultiCollector.Wrap(collector, new FacetCounter()));
                        top = collector.GetTopDocs();
                    });
                    slowest.Add((timings["search: top + facets"][^1], typed, top!.TotalHits));
                    var texts = new List<string>();
                    Time("load 20 hits", () =>
                    {
                        var shown = new ShownValues(searcher);
                        texts.AddRange(top!.ScoreDocs.Select(d => shown.Read(d.Doc).Text));
                    });
                    Time("analyse their text", () =>
                    {
                        foreach (var text in texts)
                        {
                            using var tokens = index.Analysis.Querying.GetTokenStream("text", text);
                            tokens.Reset();
                            while (tokens.IncrementToken())
                            {
                            }

                            tokens.End();
                        }
                    });
                    Time("highlight", () =>
                    {
                        var highlighter = new HitHighlighter(query, index.Analysis.Querying, index.Analysis.Dictionary);
                        foreach (var text in texts)
                        {
                            highlighter.Snippets(text);
                        }
                    });
                }
                finally
                {
                    index.Searchers.Release(searcher);
                }
            }

            if (round == 1)
            {
                foreach (var name in Names)
                {
                    Console.WriteLine(FormattableString.Invariant($"  {name,-22} p50 / p99 {Timings.Of(timings[name])} ms, average {timings[name].Average():0.00} ms, {allocated[name] / 1024.0 / Math.Max(1, timings[name].Count):N0} KB per query"));
                }

                // The tail is what the goal is about: which queries make it, and how many documents they match.
                foreach (var (milliseconds, typed, matches) in slowest.OrderByDescending(s => s.Milliseconds).Take(8))
                {
                    Console.WriteLine(FormattableString.Invariant($"  slow: {milliseconds,6:0.00} ms {matches,7:N0} matches  {typed}"));
                }
            }
        }
    }
}
