using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Smile.Content.Definitions;
using Smile.Content.Items;
using Smile.Content.Searching;
using Smile.Search;
using Smile.Search.Indexing;
using Smile.Search.Querying;

namespace Smile.Benchmarks.Search;

internal sealed record BuildResult(string Engine, int Items, TimeSpan Elapsed, long Bytes, TimeSpan? Cpu = null, TimeSpan? Merged = null)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public double? ItemsPerCpuSecond => Cpu is { } cpu ? Items / cpu.TotalSeconds : null;
}

internal sealed record LatencyResult(QueryKind Kind, Timings Timings, double AverageHits, int Fuzzy, Work? Work = null);

/// <summary>The Lucene layer alone: index build into a fresh folder, then the search port's queries (count, facets, 20 highlighted hits).</summary>
internal sealed class LuceneBenchmark : IDisposable
{
    public static readonly ContentTypeDefinition NewsType = new()
    {
        Name = "NewsArticle",
        DisplayName = "Aktuelle Beiträge",
        Parts = [ContentPart.Title, ContentPart.MarkdownBody],
        Fields = [new FieldDefinition("teaser", "Teaser", FieldKind.Text)],
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smile-bench-search-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SearchIndexes _indexes;

    private LuceneBenchmark(bool splitCompounds)
    {
        _indexes = new SearchIndexes(_folder, splitCompounds, NullLogger<SearchIndexes>.Instance);
        _indexes.Open();
    }

    public CultureIndex German => _indexes.Public.Find("de")!;

    public static (LuceneBenchmark Index, BuildResult Build) Build(IReadOnlyList<Corpus.Article> articles, bool splitCompounds)
    {
        var versions = articles.Select(Version).ToList();
        var bench = new LuceneBenchmark(splitCompounds);
        var titles = new Dictionary<string, string>();
        var started = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        if (splitCompounds)
        {
            ScopeWriter.LearnAll(bench._indexes.Public, versions, _ => NewsType);
        }

        ScopeWriter.AddAll(bench._indexes.Public, versions, _ => NewsType, titles);
        bench._indexes.Commit(versions.Count);
        var elapsed = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        // As after the CMS's rebuild: merged into one segment in the background; the queries below search the merged index.
        var merging = Stopwatch.GetTimestamp();
        bench._indexes.MergeInBackground();
        bench.German.Writer.WaitForMerges();
        bench._indexes.CommitFinishedMerges();
        var merged = Stopwatch.GetElapsedTime(merging);
        var bytes = new DirectoryInfo(bench._folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        return (bench, new BuildResult(splitCompounds ? "Lucene, compounds split" : "Lucene, no compound splitting", versions.Count, elapsed, bytes, cpu, merged));
    }

    public async Task<IReadOnlyList<LatencyResult>> QueryAsync(IReadOnlyList<BenchmarkQuery> queries, int warmup)
    {
        var search = new LuceneContentSearch(_indexes, null!, Microsoft.Extensions.Options.Options.Create(new SearchOptions()));
        await WarmUp.UntilCompiledAsync(async () =>
        {
            foreach (var query in queries.FirstOfEachKind(warmup))
            {
                await search.SearchAsync(new SearchRequest { Query = query.Typed });
            }
        });

        var results = new List<LatencyResult>();
        foreach (var kind in queries.Select(q => q.Kind).Distinct())
        {
            var timings = new List<double>();
            var hits = 0L;
            var fuzzy = 0;
            var meter = WorkMeter.Start();
            foreach (var query in queries.Where(q => q.Kind == kind))
            {
                var started = Stopwatch.GetTimestamp();
                var result = await search.SearchAsync(new SearchRequest { Query = query.Typed });
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                hits += result.TotalCount;
                fuzzy += result.Fuzzy ? 1 : 0;
            }

            results.Add(new LatencyResult(kind, Timings.Of(timings), (double)hits / timings.Count, fuzzy, meter.PerOperation(timings.Count)));
        }

        return results;
    }

    public void Dispose()
    {
        _indexes.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public static ContentVersion Version(Corpus.Article article, int index) => new()
    {
        ItemId = "news-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Number = 1,
        ContentType = NewsType.Name,
        Culture = "de",
        LocalizationSet = "news-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Title = article.Title,
        Fields = new JsonObject
        {
            ["teaser"] = article.Teaser,
            ["body"] = new JsonObject { ["markdown"] = article.Body, ["html"] = "<p>" + article.Body.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>" },
        },
        OwnerId = "benchmark",
        ModifiedBy = "benchmark",
        Published = true,
        Latest = true,
        PublishedAt = DateTime.UnixEpoch.AddDays(index),
    };
}
