using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Smile.Cms;
using Smile.Content.Editing;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Search.Indexing;
using Smile.Storage.Identity;

// dotnet run -c Release --project tests/Smile.Benchmarks.Admin -- [--items 10000] [--requests 300] [--out file.md]
var items = IntArgument("--items", 10_000);
var requests = IntArgument("--requests", 300);
var outIndex = Array.IndexOf(args, "--out");
const int Warmup = 50;
const string Tag = "tag-bench";

#if DEBUG
Console.WriteLine("Debug build: figures are not comparable. Run with -c Release.");
#endif

var dataPath = Path.Combine(Path.GetTempPath(), "smile-bench-admin-" + Guid.NewGuid().ToString("N")[..8]);
var port = FreePort();
const string Password = "Benchmark-password-42";
var builder = WebApplication.CreateBuilder([
    $"--Smile:DataPath={dataPath}", $"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning",
    "--Smile:Scheduler:Interval=01:00:00", "--environment=Production", "--Smile:Site:Preview=false", "--Smile:SeedRecipe=smile-city-rostock",
    $"--Smile:Admin:Password={Password}",
]);
builder.AddSmileCms();
var app = builder.Build();
app.UseSmileCms();
await app.StartAsync();
try
{
    Console.WriteLine($"Importing {items:N0} news items");
    var started = Stopwatch.GetTimestamp();
    await ImportAsync(app.Services, items);
    Console.WriteLine($"  {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s; waiting for the editors' search index");
    var head = await app.Services.GetRequiredService<IOutbox>().HeadAsync();
    await app.Services.GetRequiredService<SearchIndexes>().WaitForAsync(head, TimeSpan.FromMinutes(30), CancellationToken.None);

    using var client = await SignInAsync(port);
    var variants = new (string Name, string Path, string Sql)[]
    {
        ("first page, newest first", "/admin/content/NewsArticle", Sql.Page("", "v.modified_at DESC, v.item_id", 0)),
        ("page 200 (offset 4,975)", "/admin/content/NewsArticle?p=200", Sql.Page("", "v.modified_at DESC, v.item_id", 199 * 25)),
        ("drafts only", "/admin/content/NewsArticle?status=Draft", Sql.Page("AND NOT v.published", "v.modified_at DESC, v.item_id", 0)),
        ("tag filter", $"/admin/content/NewsArticle?tag={Tag}", Sql.Page($"AND EXISTS (SELECT 1 FROM relations r WHERE r.version_id = v.id AND r.field = 'tags' AND r.target_id = '{Tag}')", "v.modified_at DESC, v.item_id", 0)),
        ("title A-Z", "/admin/content/NewsArticle?sort=TitleAsc", Sql.Page("", "v.title, v.item_id", 0)),
        ("search 'Radweg' (editors' index)", "/admin/content/NewsArticle?q=Radweg", Sql.Page("AND lower(v.title) LIKE '%radweg%'", "v.modified_at DESC, v.item_id", 0)),
    };

    await using var sql = new SqliteConnection($"Data Source={Path.Combine(dataPath, "smile.db")};Mode=ReadOnly");
    await sql.OpenAsync();
    var rows = new List<string>();
    foreach (var (name, path, query) in variants)
    {
        var page = await TimeAsync(requests, async () =>
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<table", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without a list.");
            }
        });
        var baseline = await TimeAsync(requests, async () =>
        {
            await using var command = sql.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        });
        rows.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {page.P50:N2} | {page.P95:N2} | {page.P99:N2} | {baseline.P50:N2} | {baseline.P95:N2} | {page.P95 / baseline.P95:N1}x | {(page.P95 < 50 ? "yes" : "NO")} |"));
        Console.WriteLine(rows[^1]);
    }

    var report = new StringBuilder()
        .AppendLine("# Admin list page benchmark")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores (load average at the end: {LoadAverage()}), .NET {Environment.Version}, SQLite, {items:N0} news items (half published, every tenth tagged), {requests} requests per row after {Warmup} warm-up requests, one at a time.")
        .AppendLine()
        .AppendLine("Admin page: GET of the signed-in list page over HTTP on loopback, Razor-rendered with filters, 25 rows and the pager (client-side round trip, so an upper bound of server time).")
        .AppendLine("SQL baseline: the same page of rows (count + 25 rows) as one hand-written query over the same tables on a read-only connection. Target: admin page p95 < 50 ms.")
        .AppendLine()
        .AppendLine("| list | page p50 ms | page p95 ms | page p99 ms | SQL p50 ms | SQL p95 ms | page/SQL at p95 | p95 < 50 ms |")
        .AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
    rows.ForEach(r => report.AppendLine(r));
    report.AppendLine().AppendLine("Rerun: `dotnet run -c Release --project tests/Smile.Benchmarks.Admin -- --items 10000`");
    var output = outIndex >= 0 ? Path.GetFullPath(args[outIndex + 1]) : Path.Combine(RepositoryRoot(), "tests", "Smile.Benchmarks.Admin", "results", "latest.md");
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    await File.WriteAllTextAsync(output, report.ToString());
    Console.WriteLine(report);
    Console.WriteLine($"Written to {output}");
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    SqliteConnection.ClearAllPools();
    Directory.Delete(dataPath, recursive: true);
}

return 0;

static async Task ImportAsync(IServiceProvider services, int count)
{
    var content = services.GetRequiredService<ContentService>();
    string[] places = ["Dierkow", "Schmarl", "Lütten Klein", "Groß Klein", "Stadtmitte", "Warnemünde"];
    string[] topics = ["Radweg", "Sensoren", "Bürgerbeteiligung", "Stadtlabor", "Bodenfeuchte", "Hafen"];
    await content.RunAsync(Actor.System, e => e.CreateAsync("Tag", "de", new ContentInput { Title = "Benchmark" }, id: Tag));
    for (var done = 0; done < count; done += 500)
    {
        var batch = Math.Min(500, count - done);
        await content.RunAsync(Actor.System, async e =>
        {
            for (var i = done; i < done + batch; i++)
            {
                var fields = new JsonObject { ["teaser"] = $"Neues aus {places[i % places.Length]}: {topics[i % topics.Length]}.", ["body"] = $"Bericht Nummer {i} über {topics[i % topics.Length]} in {places[i % places.Length]}." };
                if (i % 10 == 0)
                {
                    fields["tags"] = new JsonArray(Tag);
                }

                var version = await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = $"{topics[i % topics.Length]} in {places[i % places.Length]} ({i})", Fields = fields });
                if (i % 2 == 0)
                {
                    await e.PublishAsync(version.ItemId);
                }
            }
        });
    }
}

async Task<HttpClient> SignInAsync(int port)
{
    var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
    var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    var login = await client.GetStringAsync(new Uri("/admin/login", UriKind.Relative));
    var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var response = await client.PostAsync(new Uri("/admin/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = "admin@smile.local",
        ["Password"] = Password,
        ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException("Sign-in failed: " + response.StatusCode);
    }

    return client;
}

static async Task<(double P50, double P95, double P99)> TimeAsync(int count, Func<Task> work)
{
    for (var i = 0; i < Warmup; i++)
    {
        await work();
    }

    var timings = new double[count];
    for (var i = 0; i < count; i++)
    {
        var at = Stopwatch.GetTimestamp();
        await work();
        timings[i] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
    }

    Array.Sort(timings);
    double At(double q) => timings[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
    return (At(0.50), At(0.95), At(0.99));
}

int IntArgument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

// Machines shared with builds inflate every figure; the report says how busy this one was.
static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "Smile.sln")))
        {
            return folder.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

/// <summary>The baseline: one page of the latest versions of a type with its state, as plain SQL.</summary>
internal static class Sql
{
    public static string Page(string where, string orderBy, int offset) =>
        $"""
        SELECT (SELECT count(*) FROM content_versions v JOIN content_items i ON i.id = v.item_id
                WHERE v.latest AND v.content_type = 'NewsArticle' AND i.deleted_at IS NULL {where}) AS total,
               v.item_id, v.title, v.culture, v.owner_id, v.modified_at, v.number, i.published_version, v.published, i.scheduled_publish_at
        FROM content_versions v JOIN content_items i ON i.id = v.item_id
        WHERE v.latest AND v.content_type = 'NewsArticle' AND i.deleted_at IS NULL {where}
        ORDER BY {orderBy} LIMIT 25 OFFSET {offset}
        """;
}
