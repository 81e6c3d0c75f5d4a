using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Security;
using Smile.Recipes;
using Smile.Site.Checks;

namespace Smile.Site.Tests;

/// <summary>Rebuilds follow the change feed: they fetch what changed, render what depends on it, write what differs.</summary>
public sealed class IncrementalBuildTests(TestDatabases databases)
{
    private const string Article = "news-hafensport-pause-hansesail";
    private const string ArticlePage = "aktuelles/hafensport-macht-pause-zur-hansesail/index.html";
    private static readonly string[] DatedFiles = ["atom.xml", "rss.xml", "sitemap.xml"];

    [Fact]
    public async Task Editing_one_articles_text_fetches_one_item_and_writes_only_the_files_that_show_it()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        var first = await site.BuildAsync();
        var pagesShowingIt = site.Pages().Where(p => site.Read(p).Contains("/aktuelles/hafensport-macht-pause-zur-hansesail\"", StringComparison.Ordinal)).ToList();

        await site.EditAsync(Article, fields => fields["body"] = "HafenSport Rostock am Stadthafen macht Pause zur HanseSail. Ab Montag geht es weiter.");
        var second = await site.BuildAsync();

        Assert.False(first.Incremental);
        Assert.True(second.Incremental);
        Assert.Equal(1, second.ItemsFetched);
        // Re-rendered: the article, and the pages that show it (list, home, its topic page); nothing else.
        Assert.Contains("layouts/newsarticle/single.liquid", second.LayoutsRendered);
        Assert.Contains("layouts/newsarticle/list.liquid", second.LayoutsRendered);
        Assert.Contains("layouts/index.liquid", second.LayoutsRendered);
        Assert.DoesNotContain("layouts/event/single.liquid", second.LayoutsRendered);
        Assert.DoesNotContain("layouts/accessibilitystatement/single.liquid", second.LayoutsRendered);
        Assert.True(second.PagesRendered <= pagesShowingIt.Count + 1, $"{second.PagesRendered} pages rendered, {pagesShowingIt.Count} show the article");
        // Written: the article (its text), and at most the feeds and sitemap (they carry modification times, to the
        // second or the day); the teasers on the other pages did not change, so no other page is written.
        Assert.Equal([ArticlePage], second.FilesWritten.Where(f => f.EndsWith(".html", StringComparison.Ordinal)));
        Assert.All(second.FilesWritten.Where(f => !f.EndsWith(".html", StringComparison.Ordinal)), f => Assert.Contains(f, DatedFiles));
        Assert.Contains("Ab Montag geht es weiter.", site.Read(ArticlePage), StringComparison.Ordinal);
        Assert.Empty(second.FilesRemoved);
    }

    [Fact]
    public async Task An_edit_rewrites_only_the_state_shards_that_hold_the_item_and_its_pages()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.BuildAsync();
        var before = StateFiles(site);

        await site.EditAsync(Article, fields => fields["teaser"] = "HafenSport pausiert während der HanseSail.");
        var report = await site.BuildAsync();
        var after = StateFiles(site);

        var rewritten = after.Except(before).ToList();
        Assert.Single(rewritten, f => f.StartsWith("content-", StringComparison.Ordinal));
        Assert.InRange(rewritten.Count(f => f.StartsWith("pages-", StringComparison.Ordinal)), 1, report.PagesRendered);
        // Every shard is named once; the files of the last build that were replaced are gone.
        Assert.Equal(1 + 2 * 64, after.Count);
        Assert.Contains("manifest.json", after);

        // The next build, in a new process, reads the shards of both builds as one state.
        site.Restart();
        var next = await site.BuildAsync();
        Assert.True(next.Incremental);
        Assert.Equal(0, next.PagesRendered);
    }

    private static List<string> StateFiles(SiteUnderTest site) =>
        [.. Directory.EnumerateFiles(site.Options.State).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_rebuild_with_nothing_published_renders_and_writes_nothing()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        var first = await site.BuildAsync();
        // A draft is not public: it changes nothing on the site.
        await site.RunAsync(e => e.CreateAsync("NewsArticle", "de", new Smile.Content.Items.ContentInput { Title = "Entwurf", Fields = new System.Text.Json.Nodes.JsonObject { ["teaser"] = "Noch nicht fertig." } }));

        var second = await site.BuildAsync();

        Assert.True(first.PagesRendered > 50);
        Assert.Equal(0, second.PagesRendered);
        Assert.Equal(0, second.ItemsFetched);
        Assert.Empty(second.FilesWritten);
        Assert.Equal(first.PagesPlanned, second.PagesPlanned);
    }

    [Fact]
    public async Task A_cold_build_continues_from_the_state_on_disk()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.BuildAsync();
        await site.EditAsync(Article, fields => fields["teaser"] = "HafenSport pausiert während der HanseSail.");

        site.Restart();
        var report = await site.BuildAsync();

        Assert.True(report.Incremental);
        Assert.Equal(1, report.ItemsFetched);
        Assert.Contains(ArticlePage, report.FilesWritten);
        Assert.Contains("aktuelles/index.html", report.FilesWritten);
        Assert.Contains("index.html", report.FilesWritten);
        Assert.Contains("themen/hafensport/index.html", report.FilesWritten);
        Assert.Contains("HafenSport pausiert während der HanseSail.", site.Read("aktuelles/index.html"), StringComparison.Ordinal);

        // An output folder emptied by hand is filled again, though the state says nothing changed.
        Directory.Delete(site.Output, recursive: true);
        site.Restart();
        var refill = await site.BuildAsync();

        Assert.True(refill.Incremental);
        Assert.Equal(0, refill.ItemsFetched);
        Assert.Equal(report.PagesPlanned, refill.PagesWritten);
        Assert.Empty(OutputCheck.Run(site.Output));
    }

    [Fact]
    public async Task Unpublishing_removes_the_page_and_every_link_to_it()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.BuildAsync();
        Assert.True(site.Exists(ArticlePage));

        await site.RunAsync(e => e.UnpublishAsync(Article));
        var report = await site.BuildAsync();

        Assert.Equal([ArticlePage], report.FilesRemoved);
        Assert.False(site.Exists(ArticlePage));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "aktuelles", "hafensport-macht-pause-zur-hansesail")));
        Assert.All(site.Pages(), page => Assert.DoesNotContain("hafensport-macht-pause-zur-hansesail", site.Read(page), StringComparison.Ordinal));
        Assert.DoesNotContain("hafensport-macht-pause-zur-hansesail", site.Read("sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("hafensport-macht-pause-zur-hansesail", site.Read("rss.xml"), StringComparison.Ordinal);
        Assert.Empty(OutputCheck.Run(site.Output));
    }

    [Fact]
    public async Task A_renamed_item_moves_and_its_old_path_redirects()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.BuildAsync();

        await site.EditAsync(Article, _ => { }, title: "HafenSport pausiert zur HanseSail");
        await site.RunAsync(async e =>
        {
            var reader = site.Cms.Services.GetRequiredService<Smile.Content.Querying.IContentReader>();
            var latest = (await reader.GetVersionAsync(Article, Smile.Content.Items.VersionStatus.Latest))!;
            await e.SaveDraftAsync(Article, latest.Number, new Smile.Content.Items.ContentInput { Title = latest.Title, Slug = "hafensport-pausiert", Fields = latest.Fields });
            await e.PublishAsync(Article);
        });
        var report = await site.BuildAsync();

        Assert.Contains(ArticlePage, report.FilesRemoved);
        Assert.True(site.Exists("aktuelles/hafensport-pausiert/index.html"));
        Assert.Contains("/aktuelles/hafensport-macht-pause-zur-hansesail /aktuelles/hafensport-pausiert 301", site.Read("_redirects"), StringComparison.Ordinal);
        Assert.Empty(OutputCheck.Run(site.Output));
    }

    [Fact]
    public async Task A_template_change_rerenders_only_the_pages_that_use_it()
    {
        var theme = Path.Combine(Path.GetTempPath(), "smile-theme-" + Guid.NewGuid().ToString("N")[..12]);
        CopyFolder(SiteUnderTest.RepositoryTheme, theme);
        try
        {
            await using var site = await SiteUnderTest.StartAsync(databases, theme);
            await site.BuildAsync();
            var events = site.Pages().Where(p => p.StartsWith("veranstaltungen/", StringComparison.Ordinal) && p != "veranstaltungen/index.html").ToList();

            var layout = Path.Combine(theme, "layouts", "event", "single.liquid");
            File.WriteAllText(layout, File.ReadAllText(layout).Replace("<article>", "<article class=\"event\">", StringComparison.Ordinal));
            var report = await site.BuildAsync();

            Assert.Equal(["layouts/event/single.liquid"], report.LayoutsRendered);
            Assert.Equal(0, report.ItemsFetched);
            Assert.Equal(events, report.FilesWritten.Order(StringComparer.Ordinal));

            var words = Path.Combine(theme, "i18n", "de.json");
            File.WriteAllText(words, File.ReadAllText(words).Replace("Zum Inhalt springen", "Direkt zum Inhalt", StringComparison.Ordinal));
            var afterWords = await site.BuildAsync();

            Assert.Equal(site.Pages().Count, afterWords.PagesWritten);
            Assert.Contains("Direkt zum Inhalt", site.Read("index.html"), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(theme, recursive: true);
        }
    }

    [Fact]
    public async Task A_type_imported_at_runtime_appears_on_the_next_build_with_the_generic_layout()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.BuildAsync();

        await site.Cms.Services.GetRequiredService<RecipeImporter>().ImportAsync(RecipeReader.Read("""
            {
              "name": "baustellen",
              "contentTypes": [
                { "name": "Baustelle", "displayName": "Baustellen", "pathPattern": "/baustellen/{slug}", "parts": ["Title", "Autoroute", "MarkdownBody"],
                  "fields": [ { "name": "von", "displayName": "Beginn", "kind": "Date" }, { "name": "summary", "displayName": "Kurz", "kind": "Text" } ] }
              ],
              "content": [
                { "id": "baustelle-lange-strasse", "type": "Baustelle", "title": "Lange Straße", "published": true, "body": "Die Lange Straße wird saniert.", "fields": { "von": "2026-03-01", "summary": "Sanierung der Fahrbahn" } }
              ]
            }
            """, "baustellen.recipe.json"), "baustellen.recipe.json", Actor.System);
        var report = await site.BuildAsync();

        Assert.Contains("layouts/_default/single.liquid", report.LayoutsRendered);
        Assert.Contains("baustellen/lange-strasse/index.html", report.FilesWritten);
        var page = site.Read("baustellen/lange-strasse/index.html");
        Assert.Contains("<h1>Lange Straße</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Die Lange Straße wird saniert.", page, StringComparison.Ordinal);
        Assert.Contains("Sanierung der Fahrbahn", page, StringComparison.Ordinal);
        Assert.Empty(OutputCheck.Run(site.Output));
    }

    [Fact]
    public async Task A_link_in_content_to_an_unpublished_item_becomes_text_with_a_warning()
    {
        await using var site = await SiteUnderTest.StartAsync(databases);
        await site.EditAsync("page-wie-wir-arbeiten", fields => fields["body"] = "Siehe [das Video zur Eröffnung](/videos/eroeffnung-hafensport-rostock) und [die Projekte](/projekte).");

        var report = await site.BuildAsync();

        var page = site.Read("wie-wir-arbeiten/index.html");
        Assert.Contains("<span>das Video zur Eröffnung</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/videos/eroeffnung-hafensport-rostock\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/projekte\"", page, StringComparison.Ordinal);
        Assert.Contains(report.Warnings, w => w.Contains("/videos/eroeffnung-hafensport-rostock", StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
