using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Smile.Cms.DraftPreview;
using Smile.Cms.Site;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Cms.FunctionalTests;

/// <summary>A draft rendered through the real theme: for editors who may preview, and through a signed link that expires.</summary>
public sealed partial class DraftPreviewTests(TestDatabases databases)
{
    private const string ItemId = "news-hafensport-pause-hansesail";
    private const string PublishedTitle = "HafenSport macht Pause zur HanseSail!";
    private const string DraftTitle = "HafenSport öffnet nach der HanseSail wieder";
    private static readonly Actor Editor = new("editor-1", Roles.Defaults[Roles.Editor]);

    [Fact]
    public async Task An_editor_previews_a_draft_rendered_by_the_theme_with_a_banner_styled_and_never_indexed()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        await SaveDraftAsync(cms.Services);
        var cookie = await SignedInUsers.CookieForNewUserAsync(cms.Services, Roles.Editor);

        using var response = await cms.Client.SendAsync(SignedInUsers.Get($"/admin/preview/{ItemId}", cookie));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{DraftTitle}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Das offene Mitmachtraining beginnt wieder.", html, StringComparison.Ordinal);
        Assert.Contains("""role="region" aria-label="Vorschau" """.TrimEnd(), html, StringComparison.Ordinal);
        Assert.Contains("Vorschau – nicht veröffentlicht", html, StringComparison.Ordinal);
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var stylesheet = Stylesheet().Match(html);
        Assert.True(stylesheet.Success, "no stylesheet link");
        using var css = await cms.Client.GetAsync(stylesheet.Groups["href"].Value);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);

        // Readers of the public API still see the published version.
        var title = (await cms.QueryAsync($$"""{ node(id: "{{ItemId}}") { ... on NewsArticle { title } } }""")).Data!["node"]!["title"]!.GetValue<string>();
        Assert.Equal(PublishedTitle, title);
    }

    [Fact]
    public async Task An_item_that_was_never_published_is_previewed_at_the_page_it_will_have()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.CreateAsync(
            "NewsArticle", "de", new ContentInput { Title = "Smarte Bänke für Lütten Klein", Fields = new JsonObject { ["teaser"] = "Bald.", ["body"] = "Die Bänke messen die Temperatur." } }, id: "news-smarte-baenke"));
        var cookie = await SignedInUsers.CookieForNewUserAsync(cms.Services, Roles.Editor);

        using var response = await cms.Client.SendAsync(SignedInUsers.Get("/admin/preview/news-smarte-baenke", cookie));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Smarte Bänke für Lütten Klein</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Die Bänke messen die Temperatur.", html, StringComparison.Ordinal);
        Assert.Contains("/aktuelles/smarte-baenke-fuer-luetten-klein", html, StringComparison.Ordinal);
        Assert.Null((await cms.QueryAsync("""{ node(id: "news-smarte-baenke") { id } }""")).Data!["node"]);
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_to_sign_in_and_users_without_the_preview_permission_are_refused()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        await SaveDraftAsync(cms.Services);
        var reader = await SignedInUsers.CookieForNewUserAsync(cms.Services, "Leser", Permission.ViewContent);
        var editor = await SignedInUsers.CookieForNewUserAsync(cms.Services, Roles.Editor);

        using var anonymous = await cms.Client.SendAsync(SignedInUsers.Get($"/admin/preview/{ItemId}", null));
        using var withoutPermission = await cms.Client.SendAsync(SignedInUsers.Get($"/admin/preview/{ItemId}", reader));
        using var unknown = await cms.Client.SendAsync(SignedInUsers.Get("/admin/preview/gibt-es-nicht", editor));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/admin/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DraftTitle, await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, withoutPermission.StatusCode);
        var refusal = await withoutPermission.Content.ReadAsStringAsync();
        Assert.Contains("fehlt Ihnen die Berechtigung", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftTitle, refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Keine Vorschau", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_link_shows_the_draft_without_signing_in_until_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite);
        using var host = new CmsFactory(installation.Settings);
        using var factory = host.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await SaveDraftAsync(factory.Services);
        var previews = factory.Services.GetRequiredService<DraftPreviewService>();

        var link = await previews.CreatePreviewLinkAsync(ItemId, Editor);
        using var fresh = await client.GetAsync(link.Url);
        clock.Advance(TimeSpan.FromHours(23));
        using var nearlyExpired = await client.GetAsync(link.Url);
        clock.Advance(TimeSpan.FromHours(1));
        using var expired = await client.GetAsync(link.Url);

        Assert.StartsWith("/preview/", link.Url, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow(), link.ExpiresAt);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var html = await fresh.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{DraftTitle}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Vorschau – nicht veröffentlicht", html, StringComparison.Ordinal);
        Assert.Contains("noindex", fresh.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", fresh.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, nearlyExpired.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var gone = await expired.Content.ReadAsStringAsync();
        Assert.Contains("Dieser Vorschaulink ist abgelaufen", gone, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftTitle, gone, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => previews.CreatePreviewLinkAsync(ItemId, Actor.Anonymous));
        await Assert.ThrowsAsync<ContentNotFoundException>(() => previews.CreatePreviewLinkAsync("gibt-es-nicht", Editor));
    }

    [Fact]
    public async Task A_tampered_or_made_up_link_is_refused()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        await SaveDraftAsync(cms.Services);
        var link = await cms.Services.GetRequiredService<DraftPreviewService>().CreatePreviewLinkAsync(ItemId, Editor);
        var token = link.Url["/preview/".Length..];
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        using var genuine = await cms.Client.GetAsync(link.Url);
        using var changed = await cms.Client.GetAsync("/preview/" + tampered);
        using var madeUp = await cms.Client.GetAsync("/preview/kaputt");

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        foreach (var refused in new[] { changed, madeUp })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Dieser Vorschaulink ist ungültig", page, StringComparison.Ordinal);
            Assert.DoesNotContain(DraftTitle, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_previewed_draft_never_reaches_the_public_site_or_its_build_state()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?> { ["Smile:Site:Preview"] = "true" });
        await cms.Services.GetRequiredService<SitePreviewService>().FirstBuild.WaitAsync(TimeSpan.FromSeconds(90));
        await SaveDraftAsync(cms.Services);
        var cookie = await SignedInUsers.CookieForNewUserAsync(cms.Services, Roles.Editor);
        using (var preview = await cms.Client.SendAsync(SignedInUsers.Get($"/admin/preview/{ItemId}", cookie)))
        {
            Assert.Contains(DraftTitle, await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A publish after the draft: once the site shows it, every build has seen the draft's events too.
        await cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Neues aus dem Stadtlabor", Fields = new JsonObject { ["teaser"] = "Kurz.", ["body"] = "Text." } }, id: "news-stadtlabor-neu");
            await e.PublishAsync("news-stadtlabor-neu");
        });
        await WaitForPageAsync(cms, "/aktuelles/neues-aus-dem-stadtlabor");

        using var published = await cms.Client.GetAsync("/aktuelles/hafensport-macht-pause-zur-hansesail");
        var page = await published.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{PublishedTitle}</h1>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftTitle, page, StringComparison.Ordinal);
        var site = cms.Services.GetRequiredService<DraftPreviewService>().SiteOptions;
        var files = Directory.EnumerateFiles(site.OutputFolder, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(site.State, "*", SearchOption.AllDirectories)).ToList();
        Assert.Contains(files, f => f.EndsWith("index.html", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => TextOf(f).Contains("öffnet nach der HanseSail", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("oeffnet-nach-der-hansesail", StringComparison.Ordinal));
    }

    /// <summary>A file's text; empty when the build renamed or removed it since it was listed (its replacement is listed or read next).</summary>
    private static string TextOf(string file)
    {
        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(file));
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    private static async Task SaveDraftAsync(IServiceProvider services)
    {
        var latest = await services.GetRequiredService<IContentReader>().GetVersionAsync(ItemId, VersionStatus.Latest);
        await services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.SaveDraftAsync(ItemId, latest!.Number, new ContentInput
        {
            Title = DraftTitle,
            Slug = latest.Slug,
            Fields = new JsonObject { ["teaser"] = "Ab Montag wieder geöffnet.", ["body"] = "Das offene Mitmachtraining beginnt wieder." },
        }));
    }

    private static async Task WaitForPageAsync(RunningCms cms, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await cms.Client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not appear within 60 s");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex("""<link[^>]*rel="?stylesheet"?[^>]*href="?(?<href>/assets/[^"\s>]+)""")]
    private static partial Regex Stylesheet();
}
