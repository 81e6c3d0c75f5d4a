using System.Diagnostics;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Testing;

namespace Smile.Benchmarks.Scenario;

internal sealed record ListResult(Latency Smile, Latency PlainSql, int TotalCount, int Iterations)
{
    public double Ratio => Smile.P50 / PlainSql.P50;
}

/// <summary>
/// "The latest 20 published NewsArticles": the reader's query against the same page and count in plain
/// SQL, interleaved (alternating which goes first) so both see the same caches and background noise.
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

    public static async Task<ListResult> RunAsync(TestDatabase db, BaselineQueries baseline, int warmup, int iterations)
    {
        var total = await CheckSameResultAsync(db, baseline);
        for (var i = 0; i < warmup; i++)
        {
            await db.Reader.QueryAsync(Query);
            await PlainAsync(baseline);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var smile = new List<double>(iterations);
        var plain = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            if (i % 2 == 0)
            {
                smile.Add(await TimeAsync(() => db.Reader.QueryAsync(Query)));
                plain.Add(await TimeAsync(() => PlainAsync(baseline)));
            }
            else
            {
                plain.Add(await TimeAsync(() => PlainAsync(baseline)));
                smile.Add(await TimeAsync(() => db.Reader.QueryAsync(Query)));
            }
        }

        return new ListResult(Latency.Of(smile), Latency.Of(plain), total, iterations);
    }

    private static Task<ContentPage> PlainAsync(BaselineQueries baseline) =>
        baseline.LatestPublishedAsync(NewsTypes.Article, NewsTypes.Culture, PageSize);

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Both sides must do the same work, or the ratio means nothing.</summary>
    private static async Task<int> CheckSameResultAsync(TestDatabase db, BaselineQueries baseline)
    {
        var smile = await db.Reader.QueryAsync(Query);
        var plain = await PlainAsync(baseline);
        var same = smile.TotalCount == plain.TotalCount
            && smile.Items.Select(v => (v.Id, v.PublishedAt, v.Fields.Count)).SequenceEqual(plain.Items.Select(v => (v.Id, v.PublishedAt, v.Fields.Count)));
        if (!same || smile.Items.Count != PageSize)
        {
            throw new InvalidOperationException(
                $"The plain SQL baseline differs from the reader: {smile.TotalCount} vs {plain.TotalCount} items, "
                + $"first ids {string.Join(',', smile.Items.Take(3).Select(v => v.Id))} vs {string.Join(',', plain.Items.Take(3).Select(v => v.Id))}.");
        }

        return smile.TotalCount;
    }
}
