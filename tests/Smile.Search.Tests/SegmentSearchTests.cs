using Lucene.Net.Search;
using Smile.Search.Querying;

namespace Smile.Search.Tests;

/// <summary>A large index's segments are searched side by side; what a search finds must not depend on it.</summary>
public sealed class SegmentSearchTests : IDisposable
{
    private static readonly string[] Words = ["Hafen", "Garten", "Sensor", "Bürger", "Stadt", "Radweg", "Schule", "Wasser"];

    private readonly TemporaryIndexes _index = new();

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData("Stadt", false)]
    [InlineData("Hafen Garten", false)]
    [InlineData("\"Stadt Hafen\"", false)]
    [InlineData("Sensr", false)]
    [InlineData("Stadt", true)]
    [InlineData("Hafen Garten", true)]
    [InlineData("Sensr", true)]
    public async Task Documents_searched_in_pieces_side_by_side_give_the_hits_scores_count_and_facets_of_a_search_one_after_the_other(string typed, bool oneSegment)
    {
        // Every item is committed on its own, so the index has many segments; equal texts give equal scores, whose order must hold too.
        for (var i = 0; i < 60; i++)
        {
            _index.Add($"item-{i:00}", $"Meldung {Words[i % 5]}", $"Die {Words[i % 8]} und die {Words[(i * 3) % 8]} in der Stadt {Words[(i + 1) % 8]}.");
        }

        var index = _index.Indexes.Public.Find("de")!;
        if (oneSegment)
        {
            // One segment is cut into ranges of documents.
            index.Writer.ForceMerge(1);
            index.Searchers.MaybeRefreshBlocking();
        }

        var searcher = index.Searchers.Acquire();
        try
        {
            Assert.True(oneSegment ? searcher.IndexReader.Leaves.Count == 1 : searcher.IndexReader.Leaves.Count > 1, "the index should have the segments the case is about");
            var query = searcher.Rewrite(QueryBuilder.Build(UserQuery.Parse(typed), index.Analysis.Querying, fuzzy: typed == "Sensr")!);

            var (oneAfterTheOther, facetsOneAfterTheOther) = SegmentSearch.Run(searcher, query, window: 10, sideBySideFrom: int.MaxValue);
            var (sideBySide, facetsSideBySide) = SegmentSearch.Run(searcher, query, window: 10, sideBySideFrom: 0);

            Assert.True(oneAfterTheOther.TotalHits > 0, typed);
            Assert.Equal(oneAfterTheOther.TotalHits, sideBySide.TotalHits);
            Assert.Equal(Hits(oneAfterTheOther), Hits(sideBySide));
            Assert.Equal(facetsOneAfterTheOther.Keys, facetsSideBySide.Keys);
            foreach (var facet in facetsOneAfterTheOther.Keys)
            {
                Assert.Equal(facetsOneAfterTheOther[facet], facetsSideBySide[facet]);
            }
        }
        finally
        {
            index.Searchers.Release(searcher);
        }

        // And through the search port, which takes the same path.
        Assert.NotEmpty(await _index.FindAsync(typed));
    }

    [Fact]
    public async Task Merging_in_the_background_leaves_one_committed_segment_with_every_document_at_the_same_position()
    {
        for (var i = 0; i < 5; i++)
        {
            _index.Add($"item-{i}", $"Meldung {Words[i]}", $"Die {Words[i]} in der Stadt.");
        }

        var index = _index.Indexes.Public.Find("de")!;
        var position = _index.Indexes.Position;
        Assert.True(CommittedSegments(index) > 1, "every item was committed on its own");

        _index.Indexes.MergeInBackground();
        index.Writer.WaitForMerges();
        _index.Indexes.CommitFinishedMerges();

        Assert.Equal(1, CommittedSegments(index));
        Assert.Equal(position, _index.Indexes.Position);
        Assert.Equal(position, index.CommittedPosition);
        Assert.Equal(5, (await _index.SearchAsync("Stadt")).TotalCount);
    }

    private static int CommittedSegments(Smile.Search.Indexing.CultureIndex index)
    {
        using var reader = Lucene.Net.Index.DirectoryReader.Open(index.Writer.Directory);
        return reader.Leaves.Count;
    }

    private static List<(int Doc, float Score)> Hits(TopDocs top) => [.. top.ScoreDocs.Select(d => (d.Doc, d.Score))];
}
