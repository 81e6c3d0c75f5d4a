using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Smile.Api.GraphQL.Execution;
using Smile.Benchmarks.Api;
using Smile.Cms;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Storage;

// dotnet run -c Release --project tests/Smile.Benchmarks.Api -- [--items 10000] [--seconds 10] [--rounds 2] [--only POST,baseline]
var items = ArgValue("--items", 10_000);
var seconds = ArgValue("--seconds", 10);
var rounds = ArgValue("--rounds", 2);
var only = Array.IndexOf(args, "--only") is >= 0 and var o && o + 1 < args.Length ? args[o + 1].Split(',') : null;
const string PinnedVariable = "SMILE_BENCHMARK_PINNED";
const int WarmUpRequests = 5_000;
var serverCore = 0;
var wrkCore = 1;

// The server (this process) on one core, wrk on the other: they never compete for a CPU. On Linux the process
// starts again under taskset, so every thread (the GC's too) is on that core and the runtime sizes itself for
// one core; setting the affinity from inside pins only the threads started afterwards.
if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(PinnedVariable) is null)
{
    var pinned = new ProcessStartInfo("taskset") { Environment = { [PinnedVariable] = "1" } };
    foreach (var argument in (string[])["-c", serverCore.ToString(CultureInfo.InvariantCulture), Environment.ProcessPath!, .. args])
    {
        pinned.ArgumentList.Add(argument);
    }

    using var child = Process.Start(pinned)!;
    await child.WaitForExitAsync();
    return child.ExitCode;
}

if (OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1 << serverCore;
}

var dataPath = Path.Combine(Path.GetTempPath(), "smile-bench-api-" + Guid.NewGuid().ToString("N")[..8]);
var port = FreePort();
var builder = WebApplication.CreateBuilder([
    $"--Smile:DataPath={dataPath}", $"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning",
    "--Smile:Api:RequestsPerMinutePerClient=1000000000", "--Smile:Scheduler:Interval=01:00:00", "--environment=Production",
    // The site preview would rebuild 10,000 pages on the server's core while the API is measured: it has its own benchmark.
    "--Smile:Site:Preview=false",
]);
builder.AddSmileCms();
var app = builder.Build();
app.UseSmileCms();
var staticJson = Array.Empty<byte>();
app.MapGet("/baseline/latest-news", (HttpContext http, IDbContextFactory<SmileDbContext> contexts) => BaselineEndpoint.WriteAsync(http, contexts));
app.MapGet("/static/latest-news.json", () => Results.Bytes(staticJson, "application/json"));
await app.StartAsync();
try
{
    Console.WriteLine($"Seeding {items:N0} news items ...");
    await SeedAsync(app.Services, items);
    var query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "api-schema", "benchmark", "latest-news.graphql"));
    var documentId = PersistedDocuments.IdOf(query);
    var baseUrl = $"http://127.0.0.1:{port}";
    using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var post = await client.PostAsync("/api/graphql", new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"));
    var graphQlJson = await post.Content.ReadAsStringAsync();
    var baselineJson = await client.GetStringAsync("/baseline/latest-news");
    if (!JsonNode.DeepEquals(JsonNode.Parse(graphQlJson), JsonNode.Parse(baselineJson)))
    {
        throw new InvalidOperationException("The baseline does not answer what GraphQL answers:\n" + graphQlJson + "\n" + baselineJson);
    }

    staticJson = Encoding.UTF8.GetBytes(graphQlJson);
    var getUrl = $"{baseUrl}/api/graphql?documentId={Uri.EscapeDataString(documentId)}";
    var get = await client.GetAsync(getUrl);
    var etag = get.Headers.ETag?.Tag ?? throw new InvalidOperationException("No ETag on the persisted GET.");

    // The response cache is a setting: the engine is measured with it off, then the cached answer.
    var apiOptions = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value;
    var cacheMegabytes = apiOptions.ResponseCacheMegabytes;
    var scenarios = new (string Name, string Url, string? Script, bool Cache)[]
    {
        ("GraphQL POST", baseUrl + "/api/graphql", Wrk.Script("POST", JsonSerializer.Serialize(new { query })), false),
        ("GraphQL GET (persisted)", getUrl, null, false),
        ("GraphQL POST, response cache on", baseUrl + "/api/graphql", Wrk.Script("POST", JsonSerializer.Serialize(new { query })), true),
        ("GraphQL GET (persisted), response cache on", getUrl, null, true),
        ("GraphQL GET 304 (If-None-Match)", getUrl, Wrk.Script("GET", headers: new Dictionary<string, string> { ["If-None-Match"] = etag }), false),
        ("baseline: raw ADO.NET, same JSON", baseUrl + "/baseline/latest-news", null, false),
        ("ceiling: static JSON", baseUrl + "/static/latest-news.json", null, false),
    };
    var selected = scenarios.Where(s => only is null || only.Any(o => s.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();
    Console.WriteLine("Waiting for the server to settle (search indexing of the seeded items) ...");
    var idle = await ServerLoad.SettleAsync(TimeSpan.FromMinutes(5));
    Console.WriteLine($"Server CPU while idle: {idle:P1} of a core.");

    // Every scenario is measured in each round, and the better round counts, for GraphQL and the baseline
    // alike: whichever scenario came first used to look up to twice as costly as the same query measured
    // later (the first minute after the seed, whatever it was spent on), so one round alone misleads.
    var best = new Dictionary<string, (Wrk.Result Throughput, Wrk.Result Latency, double CpuMicros, double AllocatedKb)>();
    for (var round = 1; round <= rounds; round++)
    {
        foreach (var (name, url, script, cache) in selected)
        {
            apiOptions.ResponseCacheMegabytes = cache ? Math.Max(cacheMegabytes, 1) : 0;
            await WarmUpAsync(url, script);
            var load = ServerLoad.Start();
            var throughput = await Wrk.RunAsync(url, 64, TimeSpan.FromSeconds(seconds), script, wrkCore);
            var (cpuMicros, allocatedKb) = load.PerRequest(throughput.Requests);
            var latency = await Wrk.RunAsync(url, 8, TimeSpan.FromSeconds(seconds), script, wrkCore);
            if (throughput.Non2xx + latency.Non2xx > 0)
            {
                throw new InvalidOperationException($"{name}: {throughput.Non2xx + latency.Non2xx} responses were not 2xx/3xx.");
            }

            Console.WriteLine(Row(name, throughput, latency, cpuMicros, allocatedKb) + $" (round {round})");
            if (!best.TryGetValue(name, out var sofar) || throughput.RequestsPerSecond > sofar.Throughput.RequestsPerSecond)
            {
                best[name] = (throughput, latency, cpuMicros, allocatedKb);
            }
        }
    }

    var rows = selected.Select(s => (s.Name, Figures: best[s.Name])).Select(r => Row(r.Name, r.Figures.Throughput, r.Figures.Latency, r.Figures.CpuMicros, r.Figures.AllocatedKb)).ToList();
    var figures = best.ToDictionary(b => b.Key, b => b.Value.Throughput.RequestsPerSecond);
    apiOptions.ResponseCacheMegabytes = cacheMegabytes;
    var ratios = figures.TryGetValue("baseline: raw ADO.NET, same JSON", out var baseline)
        ? figures.Where(f => f.Key.StartsWith("GraphQL", StringComparison.Ordinal) && !f.Key.Contains("304", StringComparison.Ordinal))
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"- {f.Key}: {f.Value / baseline:P0} of the baseline's requests/s")).ToList()
        : [];

    var report = new StringBuilder()
        .AppendLine("# Smile API under load: latest 20 news with title, path, teaser, image url, tags")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {ServerLoad.MachineCores()} cores; server pinned to core {serverCore} (the whole process, started under taskset), wrk (Debian 4.1) to core {wrkCore}")
        .AppendLine(CultureInfo.InvariantCulture, $"- {items:N0} published news items with tags and a hero image, SQLite, Release build, loopback")
        .AppendLine(CultureInfo.InvariantCulture, $"- throughput: 64 connections for {seconds} s; latency: 8 connections for {seconds} s; one thread; before each measurement a warm-up of {WarmUpRequests:N0} requests at 64 connections (at most a minute); {rounds} rounds over all scenarios, each row the round with more requests/s")
        .AppendLine("- server CPU and allocations per request: the server process's CPU time and allocated bytes during the 64-connection run, divided by the requests answered (robust to a busy machine, unlike requests/s)")
        .AppendLine(CultureInfo.InvariantCulture, $"- machine load (1/5/15 min) at the end: {ServerLoad.LoadAverage()}; server CPU before measuring: {idle:P1} of a core")
        .AppendLine("- command: `dotnet run -c Release --project tests/Smile.Benchmarks.Api -- --items 10000 --seconds 10`")
        .AppendLine()
        .AppendLine("| endpoint | requests/s @64 | p50 ms @8 | p99 ms @8 | server CPU µs/request | KB allocated/request |")
        .AppendLine("|---|---:|---:|---:|---:|---:|");
    rows.ForEach(r => report.AppendLine(r));
    report.AppendLine();
    ratios.ForEach(r => report.AppendLine(r));
    var resultsFolder = Path.Combine(FindRepository(), "tests", "Smile.Benchmarks.Api", "results");
    Directory.CreateDirectory(resultsFolder);
    await File.WriteAllTextAsync(Path.Combine(resultsFolder, "latest.md"), report.ToString());
    Console.WriteLine(report);
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataPath, recursive: true);
}

return 0;

static async Task SeedAsync(IServiceProvider services, int count)
{
    var reader = services.GetRequiredService<IContentReader>();
    var tags = (await reader.QueryAsync(new ContentQuery { ContentType = "Tag", Take = 9, OrderBy = [new Smile.Content.Querying.SortKey(CommonField.Id)] })).Items.Select(t => t.ItemId).ToArray();
    var content = services.GetRequiredService<ContentService>();
    for (var done = 0; done < count; done += 500)
    {
        var batch = Math.Min(500, count - done);
        await content.RunAsync(Actor.System, async e =>
        {
            for (var i = done; i < done + batch; i++)
            {
                var v = await e.CreateAsync("NewsArticle", "de", new ContentInput
                {
                    Title = $"Messwerte aus Dierkow, Woche {i}",
                    Fields = new JsonObject
                    {
                        ["teaser"] = "Bodenfeuchte und Temperatur im entsiegelten Platz in Dierkow.",
                        ["tags"] = new JsonArray(JsonValue.Create(tags[i % tags.Length]), JsonValue.Create(tags[(i + 3) % tags.Length])),
                        ["heroImage"] = new JsonObject { ["mediaId"] = $"sha-{i:x8}", ["alt"] = "Sensor im Beet" },
                    },
                });
                await e.PublishAsync(v.ItemId);
            }
        });
    }
}

// By requests, not time: until the JIT has compiled the hot path at its final tier, also on a busy machine.
// At the measured concurrency, so the thread pool has grown to serve 64 connections before anything is measured.
async Task WarmUpAsync(string url, string? script)
{
    var warmedUp = 0L;
    for (var started = Stopwatch.StartNew(); warmedUp < WarmUpRequests && started.Elapsed < TimeSpan.FromMinutes(1);)
    {
        warmedUp += (await Wrk.RunAsync(url, 64, TimeSpan.FromSeconds(2), script, wrkCore)).Requests;
    }
}

static string Row(string name, Wrk.Result throughput, Wrk.Result latency, double cpuMicros, double allocatedKb) =>
    string.Create(CultureInfo.InvariantCulture, $"| {name} | {throughput.RequestsPerSecond:N0} | {latency.P50Ms:0.00} | {latency.P99Ms:0.00} | {cpuMicros:N0} | {allocatedKb:N1} |");

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepository()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Smile.sln")))
    {
        folder = folder.Parent;
    }

    return folder?.FullName ?? Directory.GetCurrentDirectory();
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
