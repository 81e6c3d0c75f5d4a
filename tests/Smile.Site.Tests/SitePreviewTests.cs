using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Cms.Site;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;

namespace Smile.Site.Tests;

/// <summary>The CMS builds the public site from its own content and serves it at /, and keeps it current.</summary>
public sealed class SitePreviewTests(TestDatabases databases)
{
    [Fact]
    public async Task The_CMS_serves_the_site_built_from_its_content_at_the_root_and_its_404_page_for_unknown_paths()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?> { ["Smile:Site:Preview"] = "true" });
        await cms.Services.GetRequiredService<SitePreviewService>().FirstBuild.WaitAsync(TimeSpan.FromSeconds(60));
        var problems = cms.Factory.Logs.Records.Where(r => r.Category == typeof(SitePreviewService).FullName && r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(r => r.Message);
        Assert.Empty(problems);

        using var home = await cms.Client.GetAsync("/");
        using var article = await cms.Client.GetAsync("/aktuelles/hafensport-macht-pause-zur-hansesail");
        using var missing = await cms.Client.GetAsync("/aktuelles/gibt-es-nicht");
        using var api = await cms.Client.GetAsync("/api");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType!.MediaType);
        Assert.Contains("heißt in Rostock „Smile City“", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Contains("<h1>HafenSport macht Pause zur HanseSail!</h1>", await article.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Seite nicht gefunden", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("application/json", api.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_publish_reaches_the_served_site_within_seconds_and_a_draft_never_does()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?> { ["Smile:Site:Preview"] = "true" });
        var preview = cms.Services.GetRequiredService<SitePreviewService>();
        await preview.FirstBuild.WaitAsync(TimeSpan.FromSeconds(60));
        var content = cms.Services.GetRequiredService<ContentService>();

        await content.RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Sensoren in Dierkow messen wieder", Fields = new JsonObject { ["teaser"] = "Die Bodenfeuchte wird wieder gemessen.", ["body"] = "Seit Montag messen die Sensoren wieder." } }, id: "news-sensoren-dierkow");
            await e.PublishAsync("news-sensoren-dierkow");
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Noch geheim", Fields = new JsonObject { ["teaser"] = "Ein Entwurf." } }, id: "news-entwurf");
        });

        var page = await PollAsync(cms, "/aktuelles/sensoren-in-dierkow-messen-wieder", HttpStatusCode.OK);
        using var list = await cms.Client.GetAsync("/aktuelles");
        using var draft = await cms.Client.GetAsync("/aktuelles/noch-geheim");

        Assert.Contains("Seit Montag messen die Sensoren wieder.", page, StringComparison.Ordinal);
        Assert.Contains("Die Bodenfeuchte wird wieder gemessen.", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.DoesNotContain("Noch geheim", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The page is on disk while its build is still finishing: wait for the build's report too.
        const string ArticleFile = "aktuelles/sensoren-in-dierkow-messen-wieder/index.html";
        for (var waited = 0; waited < 100 && !preview.Changes.Any(c => c.FilesWritten.Contains(ArticleFile)); waited++)
        {
            await Task.Delay(100);
        }

        var publish = preview.Changes.LastOrDefault(c => c.FilesWritten.Contains(ArticleFile)) ?? preview.Changes[^1];
        var log = cms.Factory.Logs.Records.Where(r => r.Category == typeof(SitePreviewService).FullName).Select(r => r.Message);
        Assert.True(publish.Incremental, string.Join("; ", preview.Changes.Select(c => $"incremental {c.Incremental}, fetched {c.ItemsFetched}, written {c.FilesWritten.Count}").Concat(log)));
        Assert.Equal(1, publish.ItemsFetched);
        Assert.Contains(ArticleFile, publish.FilesWritten);
    }

    [Fact]
    public async Task A_purged_item_leaves_every_file_of_the_site_and_its_build_state()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?> { ["Smile:Site:Preview"] = "true" });
        var preview = cms.Services.GetRequiredService<SitePreviewService>();
        await preview.FirstBuild.WaitAsync(TimeSpan.FromSeconds(60));
        var content = cms.Services.GetRequiredService<ContentService>();
        const string Word = "Quappenzüchterin";
        await content.RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Die " + Word + " von Gehlsdorf", Fields = new JsonObject { ["teaser"] = "Ein Porträt der " + Word + "." } }, id: "news-portraet");
            await e.PublishAsync("news-portraet");
        });
        await PollAsync(cms, "/aktuelles/die-quappenzuechterin-von-gehlsdorf", HttpStatusCode.OK);
        var siteFolder = Path.GetDirectoryName(preview.OutputFolder)!;
        await WaitUntilAsync(() => FilesContaining(siteFolder, Word).Count > 0, "the site never showed the new article");

        await content.RunAsync(Actor.System, async e =>
        {
            await e.DeleteAsync("news-portraet");
            await e.PurgeAsync("news-portraet");
        });

        await PollAsync(cms, "/aktuelles/die-quappenzuechterin-von-gehlsdorf", HttpStatusCode.NotFound);
        await WaitUntilAsync(() => FilesContaining(siteFolder, Word).Count == 0, "still in " + string.Join(", ", FilesContaining(siteFolder, Word)));
    }

    /// <summary>Files of the output and the build state beside it that hold <paramref name="word"/>, gzip-compressed search fragments unpacked.</summary>
    private static List<string> FilesContaining(string folder, string word)
    {
        var needle = System.Text.Encoding.UTF8.GetBytes(word);
        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".db", StringComparison.Ordinal) && !file.Contains(".db-", StringComparison.Ordinal) && !file.Contains("/search/", StringComparison.Ordinal))
            .Where(file =>
            {
                try
                {
                    var bytes = File.ReadAllBytes(file);
                    if (bytes is [0x1f, 0x8b, ..])
                    {
                        using var unpacked = new MemoryStream();
                        using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress))
                        {
                            gzip.CopyTo(unpacked);
                        }

                        bytes = unpacked.ToArray();
                    }

                    return bytes.AsSpan().IndexOf(needle) >= 0;
                }
                catch (IOException)
                {
                    return false; // written or removed by the build right now: the next look sees it
                }
            })];
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(250);
        }
    }

    private static async Task<string> PollAsync(RunningCms cms, string path, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await cms.Client.GetAsync(path);
            if (response.StatusCode == expected)
            {
                return await response.Content.ReadAsStringAsync();
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} still answers {(int)response.StatusCode} after 20 seconds");
            await Task.Delay(200);
        }
    }
}
