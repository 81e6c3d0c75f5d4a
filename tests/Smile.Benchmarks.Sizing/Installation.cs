using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing.Cms;

namespace Smile.Benchmarks.Sizing;

public sealed record Sizes(int Items, double DatabaseMiB, double SearchMiB, double SiteMiB, double IdleRssMiB, double LoadedRssMiB, double PeakRssMiB);

/// <summary>One SQLite installation: grown in-process, then measured while the published app runs on it.</summary>
public static class Installation
{
    private static readonly string[] Words =
    [
        "Rostock", "Stadthafen", "Sensoren", "Bürgerinnen", "Bürger", "Verwaltung", "digital", "Quartier", "Dierkow", "Schmarl",
        "Bodenfeuchte", "Veranstaltung", "gemeinsam", "Beteiligung", "Klimaschutz", "Mobilität", "Daten", "offen", "Stadtteil", "Projekt",
        "Werkstatt", "Ehrenamt", "Nachbarschaft", "Förderung", "Bibliothek", "Ostsee", "Warnemünde", "Radweg", "Straßenbahn", "Messung",
    ];

    public static async Task<Sizes> MeasureAsync(string published, int extraItems)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "smile-sizing-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        try
        {
            var lastTitle = await GrowAsync(dataPath, extraItems);
            return await RunPublishedAsync(published, dataPath, extraItems + 78, lastTitle);
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<string?> GrowAsync(string dataPath, int extraItems)
    {
        using var cms = new CmsFactory(new Dictionary<string, string?> { ["Smile:DataPath"] = dataPath, ["Smile:Site:Preview"] = "false", ["Logging:LogLevel:Default"] = "Warning" });
        var content = cms.Services.GetRequiredService<ContentService>();
        var random = new Random(42);
        string? last = null;
        for (var start = 0; start < extraItems; start += 1000)
        {
            await content.RunAsync(Actor.System, async e =>
            {
                for (var i = start; i < Math.Min(start + 1000, extraItems); i++)
                {
                    last = $"Meldung {i.ToString(CultureInfo.InvariantCulture)}: {Sentence(random, 5)}";
                    var version = await e.CreateAsync("NewsArticle", "de", new ContentInput
                    {
                        Title = last,
                        Fields = new JsonObject { ["teaser"] = Sentence(random, 20), ["body"] = string.Join("\n\n", Enumerable.Range(0, 8).Select(_ => Sentence(random, 50))) },
                    });
                    await e.PublishAsync(version.ItemId);
                }
            });
        }

        return last;
    }

    private static async Task<Sizes> RunPublishedAsync(string published, string dataPath, int items, string? lastTitle)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = published, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(published, "Smile.Cms.dll"));
        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["Smile__DataPath"] = dataPath;
        start.Environment["Smile__Site__Pagefind"] = Path.GetFullPath(Path.Combine("site", "node_modules", "@pagefind", "linux-x64", "bin", "pagefind_extended"));
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var built = new TaskCompletionSource();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Site preview built", StringComparison.Ordinal) == true)
            {
                built.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await built.Task.WaitAsync(TimeSpan.FromMinutes(30));
            if (lastTitle is not null)
            {
                // The search index catches up in the background; wait until it holds the last item.
                while (true)
                {
                    using var answer = await client.PostAsJsonAsync("/api/graphql", new { query = "query($q: String!) { search(query: $q) { totalCount } }", variables = new { q = "\"" + lastTitle.Split(':')[0] + "\"" } });
                    var found = JsonNode.Parse(await answer.Content.ReadAsStringAsync())?["data"]?["search"]?["totalCount"]?.GetValue<int>() ?? 0;
                    if (found > 0)
                    {
                        break;
                    }

                    await Task.Delay(1000);
                }
            }

            GC.Collect();
            await Task.Delay(2000);
            var idle = Memory(process.Id, "VmRSS");
            for (var i = 0; i < 200; i++)
            {
                using var list = await client.PostAsJsonAsync("/api/graphql", new { query = "{ newsArticles(first: 20) { totalCount nodes { title path teaser } } }" });
                _ = await list.Content.ReadAsStringAsync();
                _ = await client.GetStringAsync("/");
            }

            var loaded = Memory(process.Id, "VmRSS");
            var peak = Memory(process.Id, "VmHWM");
            return new Sizes(items, MiB(Path.Combine(dataPath, "smile.db")) + MiB(Path.Combine(dataPath, "smile.db-wal")), MiB(Path.Combine(dataPath, "search")), MiB(Path.Combine(dataPath, "site")), idle, loaded, peak);
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync();
        }
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".";

    private static double Memory(int pid, string field) =>
        double.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;

    private static double MiB(string path) =>
        (File.Exists(path) ? new FileInfo(path).Length
            : Directory.Exists(path) ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0) / 1024.0 / 1024.0;

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
