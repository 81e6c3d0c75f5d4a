using System.Diagnostics;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Benchmarks.Scenario;

/// <summary>Import throughput, timed over the whole import so far.</summary>
/// <param name="FirstPerSecond">The first <see cref="ImportBenchmark.Window"/> items, into an empty table.</param>
/// <param name="LastPerSecond">The last <see cref="ImportBenchmark.Window"/> items, into a table of nearly <paramref name="Items"/> items.</param>
internal sealed record ImportResult(int Items, int BatchSize, TimeSpan Elapsed, double FirstPerSecond, double LastPerSecond)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;
}

/// <summary>Batches of one size, <paramref name="Items"/> in all, into a table of about <paramref name="AtItems"/> items.</summary>
internal sealed record SweepResult(string Provider, int AtItems, int BatchSize, int Items, TimeSpan Elapsed)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public double MillisecondsPerItem => Elapsed.TotalMilliseconds / Items;
}

/// <summary>
/// A batch import through the editor API: create and publish NewsArticles, <see cref="BatchSize"/> per
/// transaction. The database grows from one item count to the next, so 100,000 includes the first 10,000.
/// </summary>
internal sealed class ImportBenchmark(TestDatabase db, int batchSize)
{
    /// <summary>Items over which the rate at the start and at the end of an import is taken.</summary>
    public const int Window = 1_000;

    /// <summary>Items of another type imported first, untimed, so the JIT is warm when timing starts.</summary>
    public const int WarmupItems = 1_000;

    private readonly List<(int Count, TimeSpan Took)> _batches = [];

    public int BatchSize => batchSize;

    public int Imported { get; private set; }

    /// <summary>Types and tag terms: setup, not timed.</summary>
    public async Task SetUpAsync()
    {
        await db.Content.RunTypesAsync(Actor.System, async types =>
        {
            await types.SaveTypeAsync(NewsTypes.Tag);
            await types.SaveTypeAsync(NewsTypes.WarmUp);
            return await types.SaveTypeAsync(NewsTypes.News);
        });
        var tags = Enumerable.Range(0, NewsTypes.TagNames.Count).ToList();
        await db.Content.RunAsync(Actor.System, e => CreateAndPublishAsync(e, tags, Tag));
        foreach (var chunk in Enumerable.Range(0, WarmupItems).Chunk(batchSize))
        {
            await db.Content.RunAsync(Actor.System, e => CreateAndPublishAsync(e, [.. chunk], WarmupArticle));
        }
    }

    public async Task<ImportResult> GrowToAsync(int total, Action<int> progress)
    {
        while (Imported < total)
        {
            var count = Math.Min(batchSize, total - Imported);
            _batches.Add((count, await RunBatchAsync(count)));
            progress(Imported);
        }

        var elapsed = TimeSpan.FromTicks(_batches.Sum(b => b.Took.Ticks));
        return new ImportResult(Imported, batchSize, elapsed, Rate(_batches), Rate(Enumerable.Reverse(_batches)));
    }

    private static double Rate(IEnumerable<(int Count, TimeSpan Took)> batches)
    {
        var (items, took) = (0, TimeSpan.Zero);
        foreach (var batch in batches)
        {
            (items, took) = (items + batch.Count, took + batch.Took);
            if (items >= Window)
            {
                break;
            }
        }

        return items / took.TotalSeconds;
    }

    /// <summary>
    /// The same number of items (the largest size) in batches of each size, to show how the cost per item
    /// depends on how many items one session holds.
    /// </summary>
    public async Task<IReadOnlyList<SweepResult>> SweepAsync(IReadOnlyList<int> sizes)
    {
        var items = sizes.Max();
        var results = new List<SweepResult>();
        foreach (var size in sizes)
        {
            var at = Imported;
            var elapsed = TimeSpan.Zero;
            for (var done = 0; done < items; done += size)
            {
                elapsed += await RunBatchAsync(Math.Min(size, items - done));
            }

            results.Add(new SweepResult(db.Provider, at, size, items, elapsed));
        }

        return results;
    }

    private async Task<TimeSpan> RunBatchAsync(int count)
    {
        var numbers = Enumerable.Range(Imported, count).ToList();
        var started = Stopwatch.GetTimestamp();
        await db.Content.RunAsync(Actor.System, e => CreateAndPublishAsync(e, numbers, Article));
        var took = Stopwatch.GetElapsedTime(started);
        Imported += count;
        return took;
    }

    private static Task<ContentVersion> Article(ContentEditor e, int number) =>
        e.CreateAsync(NewsTypes.Article, NewsTypes.Culture, NewsTypes.ArticleInput(number));

    private static Task<ContentVersion> WarmupArticle(ContentEditor e, int number) =>
        e.CreateAsync(NewsTypes.WarmUp.Name, NewsTypes.Culture, NewsTypes.ArticleInput(number));

    private static Task<ContentVersion> Tag(ContentEditor e, int number) =>
        e.CreateAsync(NewsTypes.Tag.Name, NewsTypes.Culture, new() { Title = NewsTypes.TagNames[number] }, id: NewsTypes.TagId(number));

    private static async Task CreateAndPublishAsync(ContentEditor e, List<int> numbers, Func<ContentEditor, int, Task<ContentVersion>> create)
    {
        foreach (var number in numbers)
        {
            var version = await create(e, number);
            await e.PublishAsync(version.ItemId);
        }
    }
}
