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

// dotnet run -c Release --project tests/Smile.Benchmarks.Api -- [--items 10000] [--seconds 10]
var items = ArgValue("--items", 10_000);
var seconds = ArgValue("--seconds", 10);
var serverCore = 0;
var wrkCore = 1;

// The server (this process) on one core, wrk on the other: they never compete for a CPU.
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1 << serverCore;
}
var dataPath = Path.Combine(Path.GetTempPath(), "smile-bench-api-" + Guid.NewGuid().ToString("N")[..8]);
var port = FreePort();
var builder = WebApplication.CreateBuilder([
    $"--Smile:DataPath={dataPath}", $"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning",
    "--Smile:Api:RequestsPerMinutePerClient=1000000000", "--Smile:Scheduler:Interval=01:00:00", "--environment=Production",
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

    var scenarios = new (string Name, string Url, string? Script)[]
    {
        ("GraphQL POST", baseUrl + "/api/graphql", Wrk.Script("POST", JsonSerializer.Serialize(new { query }))),
        ("GraphQL GET (persisted)", getUrl, null),
        ("GraphQL GET 304 (If-None-Match)", getUrl, Wrk.Script("GET", headers: new Dictionary<string, string> { ["If-None-Match"] = etag })),
        ("baseline: raw ADO.NET, same JSON", baseUrl + "/baseline/latest-news", null),
        ("ceiling: static JSON", baseUrl + "/static/latest-news.json", null),
    };
    var rows = new List<string>();
    foreach (var (name, url, script) in scenarios)
    {
        await Wrk.RunAsync(url, 8, TimeSpan.FromSeconds(2), script, wrkCore); // warm-up
        var throughput = await Wrk.RunAsync(url, 64, TimeSpan.FromSeconds(seconds), script, wrkCore);
        var latency = await Wrk.RunAsync(url, 8, TimeSpan.FromSeconds(seconds), script, wrkCore);
        if (throughput.Non2xx + latency.Non2xx > 0)
        {
            throw new InvalidOperationException($"{name}: {throughput.Non2xx + latency.Non2xx} responses were not 2xx/3xx.");
        }

        rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {throughput.RequestsPerSecond:N0} | {latency.P50Ms:0.00} | {latency.P99Ms:0.00} |"));
        Console.WriteLine(rows[^1]);
    }

    var report = new StringBuilder()
        .AppendLine("# Smile API under load: latest 20 news with title, path, teaser, image url, tags")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; server pinned to core {serverCore}, wrk (Debian 4.1) to core {wrkCore}")
        .AppendLine(CultureInfo.InvariantCulture, $"- {items:N0} published news items with tags and a hero image, SQLite, Release build, loopback")
        .AppendLine(CultureInfo.InvariantCulture, $"- throughput: 64 connections for {seconds} s; latency: 8 connections for {seconds} s; one thread; a 2 s warm-up before each")
        .AppendLine("- command: `dotnet run -c Release --project tests/Smile.Benchmarks.Api -- --items 10000 --seconds 10`")
        .AppendLine()
        .AppendLine("| endpoint | requests/s @64 | p50 ms @8 | p99 ms @8 |")
        .AppendLine("|---|---:|---:|---:|");
    rows.ForEach(r => report.AppendLine(r));
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
