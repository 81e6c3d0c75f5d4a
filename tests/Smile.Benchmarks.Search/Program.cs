using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Smile.Benchmarks.Search;

// dotnet run -c Release --project tests/Smile.Benchmarks.Search -- [--items 10000,100000] [--queries 200] [--http 10000,100000|none] [--http-only [--keep-data folder]] [--out file.md]
// Alone: --steps (where a query's time goes), --scorers (the port's scorers against Lucene's own).
var items = ListArgument("--items", [10_000, 100_000]);
var perKind = ListArgument("--queries", [200])[0];
var httpSizes = ListArgument("--http", items);
var httpOnly = args.Contains("--http-only");
var outIndex = Array.IndexOf(args, "--out");
var keepIndex = Array.IndexOf(args, "--keep-data");
var keptData = keepIndex >= 0 && keepIndex + 1 < args.Length ? Path.GetFullPath(args[keepIndex + 1]) : null;
// Relative to the repository root, wherever `dotnet run` starts the process.
var outputFile = outIndex >= 0 && outIndex + 1 < args.Length ? Path.GetFullPath(args[outIndex + 1], RepositoryRoot()) : null;
const int Warmup = 50;

#if DEBUG
Console.WriteLine("Debug build: figures are not comparable. Run with -c Release.");
#endif

if (args.Contains("--scorers"))
{
    foreach (var size in items)
    {
        var articles = Corpus.Generate(size).ToList();
        var (lucene, _) = LuceneBenchmark.Build(articles, splitCompounds: true);
        using (lucene)
        {
            Console.WriteLine($"{size:N0} items, compounds split:");
            ScorerComparison.Run(lucene.German, Queries.Draw(articles, perKind));
        }
    }

    return 0;
}

if (args.Contains("--steps"))
{
    foreach (var size in items)
    {
        var stepArticles = Corpus.Generate(size).ToList();
        var stepQueries = Queries.Draw(stepArticles, perKind);
        foreach (var split in new[] { true, false })
        {
            var (lucene, build) = LuceneBenchmark.Build(stepArticles, split);
            using (lucene)
            {
                var segments = lucene.German.Searchers.Acquire();
                Console.WriteLine($"{size:N0} {build.Engine}: {build.ItemsPerSecond:N0} items/s, {build.ItemsPerCpuSecond:N0} items per processor second, merged in {build.Merged?.TotalSeconds:N1} s, {build.Bytes / 1048576.0:N1} MB, {segments.IndexReader.Leaves.Count} segments");
                lucene.German.Searchers.Release(segments);
                Steps.Run(lucene.German, stepQueries);
            }
        }
    }

    return 0;
}

var startedUtc = DateTime.UtcNow;
var loadAtStart = LoadAverage();
var started = Stopwatch.GetTimestamp();
if (!httpOnly)
{
    await WarmUpAsync();
}

var builds = new List<BuildResult>();
var latencies = new List<(int Items, string Engine, LatencyResult Result)>();
var http = new List<HttpResult>();
foreach (var size in items)
{
    Console.WriteLine($"{size:N0} items: generating the corpus");
    var articles = Corpus.Generate(size).ToList();
    var queries = Queries.Draw(articles, perKind);
    foreach (var split in httpOnly ? [] : new[] { true, false })
    {
        var (lucene, build) = LuceneBenchmark.Build(articles, split);
        using (lucene)
        {
            builds.Add(build);
            Console.WriteLine($"  {build.Engine}: {build.Elapsed.TotalSeconds:N1} s, {build.ItemsPerSecond:N0} items/s, merged in {build.Merged?.TotalSeconds:N1} s, {build.Bytes / 1048576.0:N1} MB");
            foreach (var result in await lucene.QueryAsync(queries, Warmup))
            {
                latencies.Add((size, build.Engine, result));
            }
        }
    }

    if (!httpOnly)
    {
        var (fts5, ftsBuild) = Fts5Benchmark.Build(articles);
        using (fts5)
        {
            builds.Add(ftsBuild);
            Console.WriteLine($"  {ftsBuild.Engine}: {ftsBuild.Elapsed.TotalSeconds:N1} s, {ftsBuild.ItemsPerSecond:N0} items/s, {ftsBuild.Bytes / 1048576.0:N1} MB");
            latencies.AddRange((await fts5.QueryAsync(queries, Warmup)).Select(r => (size, ftsBuild.Engine, r)));
        }
    }

    if (httpSizes.Contains(size))
    {
        Console.WriteLine($"  HTTP: importing {size:N0} items into the CMS");
        http.Add(await HttpBenchmark.RunAsync(articles, queries, Warmup, keptData is null ? null : Path.Combine(keptData, size.ToString(CultureInfo.InvariantCulture))));
        Console.WriteLine($"  HTTP: imported at {http[^1].ImportItemsPerSecond:N0} items/s, index rebuilt on start in {http[^1].IndexRebuild.TotalSeconds:N1} s");
    }
}

var report = Report(Stopwatch.GetElapsedTime(started));
var output = outputFile ?? Path.Combine(RepositoryRoot(), "tests", "Smile.Benchmarks.Search", "results", "latest.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report);
Console.WriteLine(report);
Console.WriteLine($"Written to {output}");
return 0;

string Report(TimeSpan duration)
{
    var md = new StringBuilder();
    string Row(params object[] cells) => "| " + string.Join(" | ", cells.Select(c => string.Format(CultureInfo.InvariantCulture, "{0}", c))) + " |";
    md.AppendLine("# Smile search benchmarks: Lucene.Net against SQLite FTS5").AppendLine();
    md.AppendLine(CultureInfo.InvariantCulture, $"- date: {startedUtc:yyyy-MM-dd HH:mm} UTC, run time {duration.TotalMinutes:0.0} min");
    md.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} garbage collector; load average {loadAtStart} at the start, {LoadAverage()} at the end");
    md.AppendLine(CultureInfo.InvariantCulture, $"- command: `dotnet run -c Release --project tests/Smile.Benchmarks.Search{(args.Length > 0 ? " -- " + string.Join(' ', args) : "")}`");
    md.AppendLine(CultureInfo.InvariantCulture, $"- corpus: synthetic German news (fixed seed): title 5–9 words, teaser 15–25, body 120–200 words; nouns with plural endings, compounds, adjectives, verbs, stop words; {perKind} queries of each kind drawn from the texts, {Warmup} queries of each kind as warm-up, repeated until the JIT compiles next to nothing more").AppendLine();
    md.AppendLine("## Index build").AppendLine();
    md.AppendLine("| items | engine | build s | items/s | items per processor s | then merged into one segment s | size on disk MB |").AppendLine("|---:|---|---:|---:|---:|---:|---:|");
    foreach (var b in builds)
    {
        md.AppendLine(Row(b.Items.ToString("N0", CultureInfo.InvariantCulture), b.Engine, b.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), b.ItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture), b.ItemsPerCpuSecond?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a", b.Merged?.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a", (b.Bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)));
    }

    md.AppendLine().AppendLine("## Query latency in process (p50 / p99 ms, average matches)").AppendLine();
    md.AppendLine("| items | query | Lucene, compounds split | Lucene, no splitting | SQLite FTS5 |").AppendLine("|---:|---|---:|---:|---:|");
    foreach (var group in latencies.GroupBy(l => (l.Items, l.Result.Kind)))
    {
        string Cell(string engine) => group.FirstOrDefault(l => l.Engine == engine) is { Result: { } r }
            ? FormattableString.Invariant($"{r.Timings} ({r.AverageHits:N0}{(r.Fuzzy > 0 ? $", {r.Fuzzy} fuzzy" : "")})")
            : "n/a";
        md.AppendLine(Row(group.Key.Items.ToString("N0", CultureInfo.InvariantCulture), Describe(group.Key.Kind), Cell("Lucene, compounds split"), Cell("Lucene, no compound splitting"), Cell("SQLite FTS5 (no stemming)")));
    }

    if (latencies.Count > 0)
    {
        md.AppendLine().AppendLine("## Work per query in process (processor ms / allocated KB; steadier than latency on a shared machine)").AppendLine();
        md.AppendLine("| items | query | Lucene, compounds split | Lucene, no splitting | SQLite FTS5 |").AppendLine("|---:|---|---:|---:|---:|");
        foreach (var group in latencies.GroupBy(l => (l.Items, l.Result.Kind)))
        {
            string Cell(string engine) => group.FirstOrDefault(l => l.Engine == engine) is { Result.Work: { } work } ? work.ToString() : "n/a";
            md.AppendLine(Row(group.Key.Items.ToString("N0", CultureInfo.InvariantCulture), Describe(group.Key.Kind), Cell("Lucene, compounds split"), Cell("Lucene, no compound splitting"), Cell("SQLite FTS5 (no stemming)")));
        }
    }

    if (http.Count > 0)
    {
        md.AppendLine().AppendLine("## Over HTTP: GraphQL `search` on the CMS (p50 / p99 ms, one request at a time, loopback)").AppendLine();
        md.AppendLine("| items | import items/s | index rebuild on start s | one word | two words | phrase | typo (fuzzy) |").AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var h in http)
        {
            string Kind(QueryKind kind) => h.Latencies.FirstOrDefault(l => l.Kind == kind)?.Timings.ToString() ?? "n/a";
            var reused = double.IsNaN(h.ImportItemsPerSecond);
            md.AppendLine(Row(h.Items.ToString("N0", CultureInfo.InvariantCulture), reused ? "kept data" : h.ImportItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture), reused ? "kept index" : h.IndexRebuild.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), Kind(QueryKind.OneWord), Kind(QueryKind.TwoWords), Kind(QueryKind.Phrase), Kind(QueryKind.Typo)));
        }

        md.AppendLine().AppendLine("Work per request over HTTP (processor ms / allocated KB, server and client together):").AppendLine();
        md.AppendLine("| items | one word | two words | phrase | typo (fuzzy) |").AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var h in http)
        {
            string Work(QueryKind kind) => h.Latencies.FirstOrDefault(l => l.Kind == kind)?.Work?.ToString() ?? "n/a";
            md.AppendLine(Row(h.Items.ToString("N0", CultureInfo.InvariantCulture), Work(QueryKind.OneWord), Work(QueryKind.TwoWords), Work(QueryKind.Phrase), Work(QueryKind.Typo)));
        }
    }

    md.AppendLine().AppendLine("## What was measured").AppendLine();
    md.AppendLine("- Build: the Lucene layer alone (`ScopeWriter.AddAll` into a fresh index folder on every core, as the CMS's rebuild does, one commit at the end; with splitting, a first pass learns the vocabulary, as in the rebuild), then merged into one segment as the CMS does after a rebuild in the background (timed apart; queries search the merged index); items per processor second divide by the processor time of all threads, merges included; FTS5: inserts in one transaction, then `optimize`. Size: every file of the index (FTS5: the database after a checkpoint).");
    md.AppendLine("- Lucene queries go through the search port (`LuceneContentSearch`): every match counted, facet counts over every match, the best 20 loaded and highlighted. FTS5: `count(*)` and the best 20 by bm25 (title weighted 3) with `snippet()`. FTS5 has no German stemming or compounds, so its match counts are lower; it has no fuzzy search (typo row n/a).");
    md.AppendLine("- Query kinds: one word and two words as they appear in a text (every word must match), a phrase of two adjacent words in quotes; typos swap two inner letters of a word of seven letters or more, which exact search misses, so the fuzzy fallback answers (exact query rows are without fallbacks, as the fuzzy count in brackets shows).");
    md.AppendLine("- HTTP: the CMS host (SQLite, the public site preview off) with the corpus imported through `ContentService` in sessions of 500 (the indexer paused meanwhile), then started anew without an index, which it rebuilds from the database (the `search rebuild` code path); once the process is idle (the rebuild's segment merges done), the `search` field (totalCount, 20 hits with score, snippets, id, title, path, content-type facets) over POST with `HttpClient`, client and server in one process on loopback, with this process's garbage collector (see the machine line: the benchmark runs the workstation collector, the CMS ships with the server collector; `DOTNET_gcServer=1` measures with that). Goal of the issue: p99 < 10 ms at 100,000 items over HTTP; indexing at least 5,000 items/s without compound splitting.");
    return md.ToString();
}

// Lucene.Net is large: the first index build and the first queries pay for compiling it. An untimed round first.
static async Task WarmUpAsync()
{
    Console.WriteLine("Warming up (untimed)");
    var articles = Corpus.Generate(1_000, seed: 1).ToList();
    var queries = Queries.Draw(articles, 20, seed: 1);
    foreach (var split in new[] { true, false })
    {
        var (lucene, _) = LuceneBenchmark.Build(articles, split);
        using (lucene)
        {
            await lucene.QueryAsync(queries, 0);
        }
    }

    var (fts5, _) = Fts5Benchmark.Build(articles);
    using (fts5)
    {
        await fts5.QueryAsync(queries, 0);
    }
}

static string Describe(QueryKind kind) => kind switch
{
    QueryKind.OneWord => "one word",
    QueryKind.TwoWords => "two words",
    QueryKind.Phrase => "phrase",
    _ => "typo (fuzzy fallback)",
};

IReadOnlyList<int> ListArgument(string name, IReadOnlyList<int> fallback)
{
    var index = Array.IndexOf(args, name);
    if (index < 0 || index + 1 >= args.Length)
    {
        return fallback;
    }

    return args[index + 1] == "none" ? [] : [.. args[index + 1].Split(',').Select(v => int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))];
}

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Smile.sln")))
        {
            return directory.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

// The 1-minute load average, so a reader sees whether other work shared the machine with the run.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
