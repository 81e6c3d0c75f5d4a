using System.Diagnostics;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Testing;

namespace Smile.Benchmarks.Scenario;

/// <param name="Smile">The reader's QueryAsync: COUNT and page through EF Core.</param>
/// <param name="PlainSql">The same COUNT and page in plain SQL.</param>
/// <param name="EfSqlReplayed">EF's own COUNT and page SQL, replayed through plain ADO.NET: Smile minus this is EF's overhead.</param>
/// <param name="CountOnly">Only the plain SQL COUNT behind totalCount.</param>
internal sealed record ListResult(Latency Smile, Latency PlainSql, Latency EfSqlReplayed, Latency CountOnly, int TotalCount, int Iterations)
{
    public double Ratio => Smile.P50 / PlainSql.P50;
}

/// <summary>
/// "The latest 20 published NewsArticles": the reader's query against the same page and count in plain
/// SQL, interleaved (alternating which goes first) so both see the same caches and background noise.
/// Two diagnostics: EF's own SQL run without EF, and the COUNT alone.
/// </summary>
internal static class ListBenchmark
{
    public const int PageSize = 20;

    public static readonly ContentQuery Query = new()
    {
        ContentType = NewsTypes.Article,
        Culture = NewsTypes.Culture,
        Status = VersionStatus.Published,
        Take = PageSize,
    };

    public static async Task<ListResult> RunAsync(TestDatabase db, BaselineQueries baseline, IReadOnlyList<CapturedCommand> efSql, int warmup, int iterations, TimeSpan budget)
    {
        var total = await CheckSameResultAsync(db, baseline, efSql);
        Func<Task>[] variants =
        [
            () => db.Reader.QueryAsync(Query),
            () => baseline.LatestPublishedAsync(NewsTypes.Article, NewsTypes.Culture, PageSize),
            () => baseline.ReplayAsync(efSql, PageSize),
            () => baseline.CountAsync(NewsTypes.Article, NewsTypes.Culture),
        ];
        for (var i = 0; i < warmup; i++)
        {
            foreach (var variant in variants)
            {
                await variant();
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var timings = variants.Select(_ => new List<double>(iterations)).ToArray();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations && (i < BenchmarkOptions.MinimumIterations || Stopwatch.GetElapsedTime(started) < budget); i++)
        {
            // Smile and its plain SQL twin swap places every round; the diagnostics follow.
            int[] order = i % 2 == 0 ? [0, 1, 2, 3] : [1, 0, 2, 3];
            foreach (var v in order)
            {
                var begun = Stopwatch.GetTimestamp();
                await variants[v]();
                timings[v].Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            }
        }

        return new ListResult(Latency.Of(timings[0]), Latency.Of(timings[1]), Latency.Of(timings[2]), Latency.Of(timings[3]), total, timings[0].Count);
    }

    /// <summary>Both sides must do the same work, or the ratio means nothing.</summary>
    private static async Task<int> CheckSameResultAsync(TestDatabase db, BaselineQueries baseline, IReadOnlyList<CapturedCommand> efSql)
    {
        var smile = await db.Reader.QueryAsync(Query);
        var plain = await baseline.LatestPublishedAsync(NewsTypes.Article, NewsTypes.Culture, PageSize);
        var replayed = await baseline.ReplayAsync(efSql, PageSize);
        var same = smile.TotalCount == plain.TotalCount && smile.TotalCount == replayed.TotalCount
            && smile.Items.Select(Key).SequenceEqual(plain.Items.Select(Key))
            && smile.Items.Select(Key).SequenceEqual(replayed.Items.Select(Key));
        if (!same || smile.Items.Count != PageSize)
        {
            throw new InvalidOperationException(
                $"The plain SQL baseline differs from the reader: {smile.TotalCount} vs {plain.TotalCount} items, "
                + $"first ids {string.Join(',', smile.Items.Take(3).Select(v => v.Id))} vs {string.Join(',', plain.Items.Take(3).Select(v => v.Id))}.");
        }

        return smile.TotalCount ?? 0;

        static (long, DateTime?, string) Key(ContentVersion v) => (v.Id, v.PublishedAt, v.Fields.ToJsonString());
    }
}
