using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Site;
using Smile.Site.Building;
using Smile.Site.Sources;

namespace Smile.Site.Tests;

/// <summary>A seeded CMS and a site built from it over HTTP, the way the CLI builds it, into a folder of its own.</summary>
public sealed class SiteUnderTest : IAsyncDisposable
{
    private SiteUnderTest(RunningCms cms, string folder, string theme)
    {
        Cms = cms;
        Folder = folder;
        Options = new SiteOptions
        {
            OutputFolder = Path.Combine(folder, "public"),
            ThemeFolder = theme,
            BaseUrl = "https://smile-city-rostock.example",
            SensorThingsUrl = new Uri(cms.Client.BaseAddress!, "/sta/v1.1").ToString(),
            // Fixed, so "upcoming" is the same on every run: the seeded events are in 2025.
            Now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
        };
        Builder = new SiteBuilder(new HttpContentSource(cms.Client, new Uri(cms.Client.BaseAddress!, "/api/graphql")), Options);
    }

    public RunningCms Cms { get; }

    public string Folder { get; }

    public SiteOptions Options { get; }

    public SiteBuilder Builder { get; private set; }

    public string Output => Options.OutputFolder;

    public static async Task<SiteUnderTest> StartAsync(TestDatabases databases, string? theme = null)
    {
        var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        var folder = Path.Combine(Path.GetTempPath(), "smile-site-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return new SiteUnderTest(cms, folder, theme ?? RepositoryTheme);
    }

    public static string RepositoryTheme => Path.Combine(RepositoryRoot, "themes", "smile");

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

    public Task<BuildReport> BuildAsync() => Builder.BuildAsync();

    /// <summary>A new builder, as a cold <c>build</c> command starts: only the state on disk carries over.</summary>
    public void Restart()
    {
        Builder.Dispose();
        Builder = new SiteBuilder(new HttpContentSource(Cms.Client, new Uri(Cms.Client.BaseAddress!, "/api/graphql")), Options);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Output, relative));

    public IReadOnlyList<string> Pages() =>
        [.. Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>Changes a published item's fields as an editor would, and publishes the change.</summary>
    public async Task EditAsync(string itemId, Action<JsonObject> change, string? title = null)
    {
        var reader = Cms.Services.GetRequiredService<IContentReader>();
        var live = await reader.GetVersionAsync(itemId, VersionStatus.Latest) ?? throw new InvalidOperationException($"{itemId} does not exist");
        var fields = (JsonObject)live.Fields.DeepClone();
        change(fields);
        await Cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            await e.SaveDraftAsync(itemId, live.Number, new ContentInput { Title = title ?? live.Title, Slug = live.Slug, Fields = fields });
            await e.PublishAsync(itemId);
        });
    }

    public Task RunAsync(Func<ContentEditor, Task> work) => Cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, work);

    public async ValueTask DisposeAsync()
    {
        Builder.Dispose();
        await Cms.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // leftovers in /tmp are harmless
        }
    }
}

/// <summary>One site built once from the seeded CMS, shared by the tests that only read it.</summary>
public sealed class SeededSite(TestDatabases databases) : IAsyncLifetime
{
    private SiteUnderTest? _site;

    public SiteUnderTest Site => _site ?? throw new InvalidOperationException("not started");

    public BuildReport Report { get; private set; } = null!;

    public string SearchIndex { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _site = await SiteUnderTest.StartAsync(databases);
        Report = await _site.BuildAsync();
        SearchIndex = await Smile.Site.Searching.Pagefind.IndexAsync(_site.Output, Path.Combine(SiteUnderTest.RepositoryRoot, "site", "node_modules", ".bin", "pagefind"), Report, quiet: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}
