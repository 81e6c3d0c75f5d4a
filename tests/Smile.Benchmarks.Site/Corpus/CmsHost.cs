using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Smile.Benchmarks.Site.Corpus;
using Smile.Cms;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;

namespace Smile.Benchmarks.Site.Corpus;

/// <summary>
/// A fresh CMS in this process, listening on a real loopback port so the CLI can read it over HTTP, while the
/// benchmark imports and edits items through the same <see cref="ContentService"/> the admin UI uses.
/// The seed recipe (types, the city's pages, the accessibility statement the theme requires) is imported as on
/// any first start; the preview build is off so the CMS does no site work of its own.
/// </summary>
internal sealed class CmsHost : IAsyncDisposable
{
    private const int Batch = 500;

    private readonly WebApplication _app;
    private readonly string _dataPath;

    private CmsHost(WebApplication app, string dataPath, int port)
    {
        _app = app;
        _dataPath = dataPath;
        Url = $"http://127.0.0.1:{port}";
    }

    public string Url { get; }

    public string GraphQL => Url + "/api/graphql";

    public static async Task<CmsHost> StartAsync(string dataPath)
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder([
            $"--Smile:DataPath={dataPath}", $"--urls=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning",
            "--Smile:Api:RequestsPerMinutePerClient=1000000000", "--Smile:Scheduler:Interval=01:00:00", "--Smile:Site:Preview=false",
            "--environment=Production",
        ]);
        builder.AddSmileCms();
        var app = builder.Build();
        app.UseSmileCms();
        await app.StartAsync();
        var host = new CmsHost(app, dataPath, port);
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>The tags, then the news in sessions of <see cref="Batch"/>, each published with its own date.</summary>
    public async Task ImportAsync(NewsCorpus corpus, Action<int> progress)
    {
        var content = _app.Services.GetRequiredService<ContentService>();
        await content.RunAsync(Actor.System, async e =>
        {
            foreach (var tag in corpus.Tags)
            {
                await e.ImportAsync(tag.Id, "Tag", "de", new ContentInput { Title = tag.Title, Slug = tag.Slug }, publish: true);
            }
        });
        foreach (var chunk in corpus.Items.Chunk(Batch))
        {
            await content.RunAsync(Actor.System, async e =>
            {
                foreach (var item in chunk)
                {
                    await e.ImportAsync(item.Id, "NewsArticle", "de", Input(corpus, item, item.Body), publish: true, firstPublishedAt: item.PublishedAt);
                }
            });
            progress(chunk.Length);
        }
    }

    /// <summary>An editor changes one item's text and publishes it: a new version, one event in the change feed.</summary>
    public async Task EditAsync(NewsCorpus corpus, NewsItem item, string body)
    {
        var content = _app.Services.GetRequiredService<ContentService>();
        await content.RunAsync(Actor.System, e => e.ImportAsync(item.Id, "NewsArticle", "de", Input(corpus, item, body), publish: true));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataPath, recursive: true);
    }

    private static ContentInput Input(NewsCorpus corpus, NewsItem item, string body) => new()
    {
        Title = item.Title,
        Slug = item.Slug,
        Fields = new JsonObject
        {
            ["teaser"] = item.Teaser,
            ["body"] = body,
            ["tags"] = new JsonArray([.. item.Tags.Select(t => JsonValue.Create(corpus.Tags[t].Id))]),
        },
    };

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        for (var waited = 0; waited < 600; waited++)
        {
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The CMS at {Url} did not become ready within two minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
