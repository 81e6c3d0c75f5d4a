using Lucene.Net.Search;
using Smile.Search.Indexing;
using Smile.Search.Querying;

namespace Smile.Search.Tests;

/// <summary>
/// Searching uses scorers and a collector of its own, leaner than Lucene's for words that are in most documents.
/// What they find must be what Lucene's own boolean queries and collector find: the same hits, scores and count.
/// </summary>
public sealed class ScoringTests : IDisposable
{
    private static readonly string[] Words = ["Hafen", "Garten", "Sensor", "Bürger", "Radweg", "Schule", "Wasser"];

    private readonly TemporaryIndexes _index = new();

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("Stadt", 1)]
    [InlineData("Stadt", 6)]
    [InlineData("Stadt Hafen", 1)]
    [InlineData("Stadt Hafen", 6)]
    [InlineData("Hafen Garten Stadt", 6)]
    [InlineData("\"Stadt Hafen\" Meldung", 6)]
    [InlineData("Sensr Stadt", 6)]
    public void Hits_scores_and_count_are_those_of_Lucenes_boolean_queries(string typed, int segments)
    {
        var index = Fill(segments);
        var searcher = index.Searchers.Acquire();
        try
        {
            Assert.Equal(segments, searcher.IndexReader.Leaves.Count);
            var query = searcher.Rewrite(QueryBuilder.Build(UserQuery.Parse(typed), index.Analysis.Querying, fuzzy: typed.StartsWith("Sensr", StringComparison.Ordinal))!);
            var lucenes = TopScoreDocCollector.Create(10, docsScoredInOrder: true);
            searcher.Search(QueryBuilder.AsLucenesOwn(query), lucenes);
            var expected = lucenes.GetTopDocs();
            Assert.True(expected.TotalHits > 10, "the case needs more matches than a page");

            foreach (var sideBySideFrom in new[] { int.MaxValue, 0 })
            {
                var (found, _) = SegmentSearch.Run(searcher, query, window: 10, sideBySideFrom);
                Assert.Equal(expected.TotalHits, found.TotalHits);
                Assert.Equal(Hits(expected), Hits(found));
            }
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    [Fact]
    public void A_full_page_passes_over_matches_that_cannot_beat_it_without_scoring_them()
    {
        var index = Fill(segments: 1);
        var searcher = index.Searchers.Acquire();
        try
        {
            // "Stadt" is in every text and in a fifth of the titles; the page fills with the titles.
            var query = searcher.Rewrite(QueryBuilder.Build(UserQuery.Parse("Stadt"), index.Analysis.Querying, fuzzy: false)!);
            var best = new BestHits(10);
            searcher.Search(query, best);
            var lucenes = TopScoreDocCollector.Create(10, docsScoredInOrder: true);
            searcher.Search(QueryBuilder.AsLucenesOwn(query), lucenes);

            Assert.Equal(Hits(lucenes.GetTopDocs()), Hits(best.GetTopDocs()));
            Assert.Equal(840, best.TotalHits);
            Assert.True(best.Scored < best.TotalHits / 2, $"{best.Scored} of {best.TotalHits} matches were scored");
        }
        finally
        {
            index.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// 840 items, every one with "Stadt" in its text, and every fifth with it in the title too; texts of different
    /// lengths, so that norms differ, and repeated words, so that frequencies do.
    /// </summary>
    private CultureIndex Fill(int segments)
    {
        const int Items = 840;
        for (var i = 0; i < Items; i++)
        {
            var title = i % 5 == 0 ? $"Stadt und {Words[i % 7]}" : $"Meldung {Words[i % 7]}";
            var text = $"Die {Words[i % 7]} und die {Words[(i * 3) % 7]} in der Stadt. " + string.Concat(Enumerable.Repeat($"{Words[(i + 1) % 7]} ", i % 4))
                + string.Concat(Enumerable.Repeat("Weitere Worte füllen den Text. ", i % 9));
            _index.Add($"item-{i:000}", title, text, commit: (i + 1) % (Items / segments) == 0);
        }

        var index = _index.Indexes.Public.Find("de")!;
        index.Writer.ForceMerge(segments);
        index.Searchers.MaybeRefreshBlocking();
        return index;
    }

    private static List<(int Doc, float Score)> Hits(TopDocs top) => [.. top.ScoreDocs.Select(d => (d.Doc, d.Score))];
}
