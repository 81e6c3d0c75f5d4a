using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Smile.Cms;
using Smile.Content.Editing;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Search.Indexing;

namespace Smile.Benchmarks.Search;

internal sealed record HttpResult(int Items, double ImportItemsPerSecond, TimeSpan IndexRebuild, IReadOnlyList<LatencyResult> Latencies);

/// <summary>
/// The whole path: the CMS host on SQLite, the corpus imported through the content service, the index rebuilt
/// from the database as the host starts, then the search field over HTTP POST on loopback, one request at a time.
/// </summary>
internal static class HttpBenchmark
{
    private const string Document = "query($q: String!) { search(query: $q, first: 20) { totalCount fuzzy edges { score snippets node { id title path } } facets { contentTypes { value count } } } }";

    /// <param name="keptData">
    /// A data folder kept between runs: imported into and indexed by the first run, reused as it is by the next
    /// (no import, no rebuild measured), so that trying a change to searching takes seconds, not minutes.
    /// </param>
    public static async Task<HttpResult> RunAsync(IReadOnlyList<Corpus.Article> articles, IReadOnlyList<BenchmarkQuery> queries, int warmup, string? keptData = null)
    {
        var dataPath = keptData ?? Path.Combine(Path.GetTempPath(), "smile-bench-search-http-" + Guid.NewGuid().ToString("N")[..8]);
        var reused = keptData is not null && File.Exists(Path.Combine(dataPath, ImportedMarker(articles.Count)));
        try
        {
            // The import is setup, not what is measured: the indexer only polls once an hour meanwhile, instead
            // of competing for the database; the serving host then rebuilds its index from the database on start,
            // as a CMS does on first start or after `search rebuild`.
            var imported = TimeSpan.Zero;
            if (!reused)
            {
                if (Directory.Exists(dataPath))
                {
                    Directory.Delete(dataPath, recursive: true);
                }

                var importer = await StartAsync(dataPath, FreePort(), "--Smile:Search:PollInterval=01:00:00");
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    await ImportAsync(importer.Services, articles);
                    imported = Stopwatch.GetElapsedTime(started);
                }
                finally
                {
                    await StopAsync(importer);
                }

                Directory.Delete(Path.Combine(dataPath, "search"), recursive: true);
            }
            var port = FreePort();
            var rebuilding = Stopwatch.GetTimestamp();
            var app = await StartAsync(dataPath, port);
            try
            {
                var head = await app.Services.GetRequiredService<IOutbox>().HeadAsync();
                if (!await app.Services.GetRequiredService<SearchIndexes>().WaitForAsync(head, TimeSpan.FromMinutes(30), CancellationToken.None))
                {
                    throw new TimeoutException("The search index was not rebuilt within 30 minutes.");
                }

                var rebuilt = Stopwatch.GetElapsedTime(rebuilding);

                // A rebuilt index goes on merging its segments in the background for a while: searches measured
                // meanwhile compete with the merges for the cores, and the merges' processor time would count as theirs.
                var idle = await WaitUntilIdleAsync(TimeSpan.FromMinutes(5));
                Console.WriteLine($"  HTTP: the process is idle ({idle:P1} of a core)");
                // A line to attach a profiler at: from here on only searches run.
                Console.WriteLine($"  HTTP: index rebuilt in {rebuilt.TotalSeconds:N1} s, searching (process {Environment.ProcessId})");
                using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                var rounds = await WarmUp.UntilCompiledAsync(async () =>
                {
                    foreach (var query in queries.FirstOfEachKind(warmup))
                    {
                        await SearchAsync(client, query.Typed);
                    }
                });
                Console.WriteLine($"  HTTP: warmed up in {rounds} rounds");

                var latencies = new List<LatencyResult>();
                foreach (var kind in queries.Select(q => q.Kind).Distinct())
                {
                    var timings = new List<double>();
                    var hits = 0L;
                    var fuzzy = 0;
                    var meter = WorkMeter.Start();
                    var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
                    foreach (var query in queries.Where(q => q.Kind == kind))
                    {
                        var at = Stopwatch.GetTimestamp();
                        var (total, wasFuzzy) = await SearchAsync(client, query.Typed);
                        timings.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                        hits += total;
                        fuzzy += wasFuzzy ? 1 : 0;
                    }

                    latencies.Add(new LatencyResult(kind, Timings.Of(timings), (double)hits / timings.Count, fuzzy, meter.PerOperation(timings.Count)));
                    Console.WriteLine($"  GC during {kind}: {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} collections, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:0} ms; {Timings.Of(timings)}; slowest {string.Join(", ", timings.Order().TakeLast(4).Select(t => t.ToString("0.0")))}");
                }

                if (keptData is not null)
                {
                    await File.WriteAllTextAsync(Path.Combine(dataPath, ImportedMarker(articles.Count)), "");
                }

                return reused
                    ? new HttpResult(articles.Count, double.NaN, TimeSpan.Zero, latencies)
                    : new HttpResult(articles.Count, articles.Count / imported.TotalSeconds, rebuilt, latencies);
            }
            finally
            {
                await StopAsync(app);
            }
        }
        finally
        {
            if (keptData is null)
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    private static string ImportedMarker(int items) => $"benchmark-imported-{items}";

    /// <summary>Waits until this process uses under 5 % of a core over two seconds; returns the last share measured.</summary>
    private static async Task<double> WaitUntilIdleAsync(TimeSpan atMost)
    {
        using var process = Process.GetCurrentProcess();
        var waiting = Stopwatch.StartNew();
        double share;
        do
        {
            process.Refresh();
            var busy = process.TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(2));
            process.Refresh();
            share = (process.TotalProcessorTime - busy).TotalSeconds / 2;
        }
        while (share >= 0.05 && waiting.Elapsed < atMost);
        return share;
    }

    /// <summary>The CMS host as it runs in production, on SQLite, but without building the public site (not what is measured here).</summary>
    private static async Task<WebApplication> StartAsync(string dataPath, int port, params string[] settings)
    {
        var builder = WebApplication.CreateBuilder([
            $"--Smile:DataPath={dataPath}", $"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning",
            "--Smile:Api:RequestsPerMinutePerClient=1000000000", "--Smile:Scheduler:Interval=01:00:00", "--environment=Production",
            "--Smile:Admin:Password=Benchmark-password-42", "--Smile:Site:Preview=false", "--Smile:Search:StartupCatchUp=00:00:00",
            .. settings,
        ]);
        builder.AddSmileCms();
        var app = builder.Build();
        app.UseSmileCms();
        await app.StartAsync();
        return app;
    }

    private static async Task StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<(int Total, bool Fuzzy)> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/graphql", UriKind.Relative), new { query = Document, variables = new { q = query } });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if (response.StatusCode != HttpStatusCode.OK || body?["errors"] is not null)
        {
            throw new InvalidOperationException($"Search for '{query}' answered {(int)response.StatusCode}: {body?.ToJsonString()}");
        }

        var search = body!["data"]!["search"]!;
        return (search["totalCount"]!.GetValue<int>(), search["fuzzy"]!.GetValue<bool>());
    }

    private static async Task ImportAsync(IServiceProvider services, IReadOnlyList<Corpus.Article> articles)
    {
        var content = services.GetRequiredService<ContentService>();
        for (var done = 0; done < articles.Count; done += 500)
        {
            var batch = Math.Min(500, articles.Count - done);
            await content.RunAsync(Actor.System, async e =>
            {
                for (var i = done; i < done + batch; i++)
                {
                    var article = articles[i];
                    var version = await e.CreateAsync("NewsArticle", "de", new ContentInput
                    {
                        Title = article.Title,
                        Fields = new JsonObject { ["teaser"] = Shorten(article.Teaser, 300), ["body"] = article.Body },
                    });
                    await e.PublishAsync(version.ItemId);
                }
            });
        }
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..text.LastIndexOf(' ', length - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
