using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Site.Building;
using Smile.Site.Searching;
using Smile.Site.Sources;

namespace Smile.Site.BrowserTests;

/// <summary>
/// Once per test run: a seeded CMS (plus one published external video, which the seed lacks), the site built from
/// it over the public API with the repository's theme, that site served on loopback, and one headless Chromium
/// (Debian's, never a downloaded one).
/// </summary>
public sealed class PublicSite : IAsyncLifetime
{
    /// <summary>Where the published video lives: on a third-party host, shown only after the reader's consent.</summary>
    public const string ExternalVideoUrl = "https://www.youtube.com/watch?v=dgs2025";

    private readonly TestDatabases _databases = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smile-browser-" + Guid.NewGuid().ToString("N")[..12]);
    private RunningCms? _cms;
    private StaticSiteServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IReadOnlyDictionary<string, string>? _pages;

    public string Output => Path.Combine(_folder, "public");

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    /// <summary>Whether Pagefind indexed the site (it is an npm package: <c>npm ci</c> in site/ installs it).</summary>
    public bool SearchIndexed { get; private set; }

    /// <summary>The path of one concrete page for each page type in <see cref="PageTypes"/>.</summary>
    public string PathOf(string pageType) => (_pages ?? throw new InvalidOperationException("not started"))[pageType];

    public async ValueTask InitializeAsync()
    {
        DebianChromium.EnsureInstalled();

        Directory.CreateDirectory(Output);
        var starting = StartBrowserAsync();
        _server = await StaticSiteServer.StartAsync(Output);
        _cms = await RunningCms.StartAsync(_databases, TestDatabases.Sqlite, new Dictionary<string, string?> { ["Smile:Site:Preview"] = "false" });
        await PublishExternalVideoAsync(_cms);
        await RecordReadingsAsync(_cms);
        using (var builder = new SiteBuilder(
            new HttpContentSource(_cms.Client, new Uri(_cms.Client.BaseAddress!, "/api/graphql")),
            new SiteOptions
            {
                OutputFolder = Output,
                StateFolder = Path.Combine(_folder, "state"),
                ThemeFolder = Path.Combine(RepositoryRoot, "themes", "smile"),
                BaseUrl = Address.GetLeftPart(UriPartial.Authority),
                // Fixed, so which events count as upcoming is the same on every run.
                Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
            }))
        {
            var report = await builder.BuildAsync();
            var pagefind = Path.Combine(RepositoryRoot, "site", "node_modules", ".bin", "pagefind");
            if (File.Exists(pagefind))
            {
                await Pagefind.IndexAsync(Output, pagefind, report, quiet: true);
                SearchIndexed = true;
            }
        }

        _pages = PageTypes.Resolve(Output);
        await starting;
    }

    private static readonly string[] SeededDatastreams = ["datastream-dierkow-bodenfeuchte", "datastream-dierkow-bodentemperatur", "datastream-hafensport-ausleihen"];

    /// <summary>Two days of hourly readings for every seeded datastream, so station pages show their chart and table.</summary>
    private static async Task RecordReadingsAsync(RunningCms cms)
    {
        var start = new DateTime(2025, 5, 30, 0, 0, 0, DateTimeKind.Utc);
        var readings = SeededDatastreams
            .SelectMany(stream => Enumerable.Range(0, 48).Select(hour => new Smile.Storage.Observations.ObservationWrite(
                new Smile.Content.Observations.Observation(stream, start.AddHours(hour), 10 + (hour % 9)))))
            .ToList();
        await cms.Services.GetRequiredService<Smile.Storage.Observations.ObservationStore>().WriteAsync(readings, []);
    }

    /// <summary>The seed's videos are unpublished; the video page and its two-click player are tested on this one.</summary>
    private static Task PublishExternalVideoAsync(RunningCms cms) =>
        cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async editor =>
        {
            await editor.CreateAsync("Video", "de", new ContentInput
            {
                Title = "Smile City in Gebärdensprache",
                Fields = new JsonObject
                {
                    ["videoUrl"] = ExternalVideoUrl,
                    ["speech"] = "sign-language",
                    ["description"] = "Das Team der Smile City Rostock stellt sich in Deutscher Gebärdensprache vor.",
                    ["transcript"] = "Willkommen bei der Smile City Rostock. Wir machen die Verwaltung digitaler und den Stadtraum lebenswerter.",
                    ["tags"] = new JsonArray("tag-beteiligung"),
                },
            }, id: "video-browser-tests");
            await editor.PublishAsync("video-browser-tests");
        });

    private async Task StartBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await DebianChromium.LaunchAsync(_playwright);
    }

    /// <summary>
    /// A fresh context (cookies, storage, settings of its own) on the site, for one test. Requests to any other
    /// address are aborted in the browser, so a page that tries to reach a third party fails its test without
    /// anything leaving the machine; the page's Request event still reports them.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Address.ToString();
        options.Locale ??= "de-DE";
        var context = await Browser.NewContextAsync(options);
        await context.RouteAsync(url => !IsSite(url), route => route.AbortAsync("blockedbyclient"));
        return context;
    }

    /// <summary>A request to the served site itself, or one that needs no network (data:, blob:).</summary>
    public bool IsSite(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob" || (uri.Host == Address.Host && uri.Port == Address.Port);
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Smile.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("The tests run outside the repository: Smile.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_cms is not null)
        {
            await _cms.DisposeAsync();
        }

        await _databases.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // leftovers in /tmp are harmless
        }
    }
}
