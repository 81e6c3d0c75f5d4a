using System.Diagnostics;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;
using Spectre.Console;

namespace Smile.Benchmarks.Scenario;

/// <summary>Import throughput, timed over the whole import so far.</summary>
/// <param name="FirstBatchPerSecond">The first batch, into an empty table.</param>
/// <param name="LastBatchPerSecond">The last batch, into a table of nearly <paramref name="Items"/> items.</param>
/// <param name="OneTransaction">Create and publish in one session per batch; else a create session, then a publish session.</param>
internal sealed record ImportResult(int Items, int BatchSize, bool OneTransaction, TimeSpan Elapsed, double FirstBatchPerSecond, double LastBatchPerSecond)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;
}

/// <summary>
/// A batch import through the editor API: create and publish NewsArticles, <see cref="BatchSize"/> per
/// transaction. The database grows from one item count to the next, so 100,000 includes the first 10,000.
/// </summary>
internal sealed class ImportBenchmark(TestDatabase db, int batchSize)
{
    private TimeSpan _elapsed;
    private double _firstBatchPerSecond;

    public int BatchSize => batchSize;

    public int Imported { get; private set; }

    /// <summary>
    /// Whether an item created in a session can be published in the same session. When the storage
    /// cannot find items it has not saved yet, each batch runs as a create session and a publish session.
    /// </summary>
    public bool OneTransaction { get; private set; } = true;

    /// <summary>Types and tag terms: setup, not timed. Also finds out whether create+publish fits one session.</summary>
    public async Task SetUpAsync()
    {
        await db.Content.RunTypesAsync(Actor.System, async types =>
        {
            await types.SaveTypeAsync(NewsTypes.Tag);
            return await types.SaveTypeAsync(NewsTypes.News);
        });
        var tags = Enumerable.Range(0, NewsTypes.TagNames.Count).ToList();
        try
        {
            await db.Content.RunAsync(Actor.System, e => CreateAndPublishAsync(e, tags, Tag));
        }
        catch (ContentNotFoundException ex)
        {
            OneTransaction = false;
            AnsiConsole.MarkupLine($"[yellow]{db.Provider}: publishing an item created in the same session fails ({Markup.Escape(ex.Message)}); importing each batch as a create session plus a publish session.[/]");
            var created = await db.Content.RunAsync(Actor.System, e => CreateAsync(e, tags, Tag));
            await db.Content.RunAsync(Actor.System, e => PublishAsync(e, created));
        }
    }

    public async Task<ImportResult> GrowToAsync(int total, Action<int> progress)
    {
        var lastBatchPerSecond = 0.0;
        while (Imported < total)
        {
            var from = Imported;
            var count = Math.Min(batchSize, total - from);
            var started = Stopwatch.GetTimestamp();
            var numbers = Enumerable.Range(from, count).ToList();
            if (OneTransaction)
            {
                await db.Content.RunAsync(Actor.System, e => CreateAndPublishAsync(e, numbers, Article));
            }
            else
            {
                var created = await db.Content.RunAsync(Actor.System, e => CreateAsync(e, numbers, Article));
                await db.Content.RunAsync(Actor.System, e => PublishAsync(e, created));
            }

            var took = Stopwatch.GetElapsedTime(started);
            _elapsed += took;
            lastBatchPerSecond = count / took.TotalSeconds;
            if (from == 0)
            {
                _firstBatchPerSecond = lastBatchPerSecond;
            }

            Imported += count;
            progress(Imported);
        }

        return new ImportResult(Imported, batchSize, OneTransaction, _elapsed, _firstBatchPerSecond, lastBatchPerSecond);
    }

    private static Task<ContentVersion> Article(ContentEditor e, int number) =>
        e.CreateAsync(NewsTypes.Article, NewsTypes.Culture, NewsTypes.ArticleInput(number));

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

    private static async Task<List<string>> CreateAsync(ContentEditor e, List<int> numbers, Func<ContentEditor, int, Task<ContentVersion>> create)
    {
        var ids = new List<string>(numbers.Count);
        foreach (var number in numbers)
        {
            ids.Add((await create(e, number)).ItemId);
        }

        return ids;
    }

    private static async Task PublishAsync(ContentEditor e, List<string> ids)
    {
        foreach (var id in ids)
        {
            await e.PublishAsync(id);
        }
    }
}
