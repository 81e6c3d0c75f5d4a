using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;

namespace Smile.Admin.Tests;

/// <summary>The item forms in the in-process host: binding, validation messages, conflicts and permissions.</summary>
public sealed class EditingTests(AdminCms admin)
{
    private IContentReader Reader => admin.Services.GetRequiredService<IContentReader>();

    [Fact]
    public async Task An_empty_required_field_is_named_next_to_its_input_and_in_the_summary_and_nothing_is_created()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);
        var title = "Ohne Anriss " + Guid.NewGuid().ToString("N")[..6];

        using var response = await editor.PostFormAsync("/admin/content/NewsArticle/new", new() { ["do"] = "save", ["title"] = title, ["f.body"] = "Text" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("href=\"#f-teaser\"", html);
        Assert.Contains("id=\"f-teaser-error\"", html);
        Assert.Matches("id=\"f-teaser\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"f-teaser-hint f-teaser-error\"", html);
        Assert.Contains("„Teaser“ ist ein Pflichtfeld", html);
        Assert.Contains($"value=\"{title}\"", html); // what was typed is still there
        var page = await Reader.QueryAsync(new ContentQuery { ContentType = "NewsArticle", Status = VersionStatus.Latest, Where = new Compare(CommonField.Title, FilterOperator.Equal, title) });
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Saving_on_a_stale_version_shows_both_versions_field_by_field_and_overwrites_nothing()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);
        var id = await CreateNewsAsync(editor, "Stand am Morgen");
        await admin.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.SaveDraftAsync(id, 1, new ContentInput
        {
            Title = "Stand der Kollegin",
            Fields = new JsonObject { ["teaser"] = "Kollegin war schneller", ["body"] = "Ihr Text" },
        }));

        using var response = await editor.PostFormAsync($"/admin/content/item/{id}", new() { ["do"] = "save", ["basedOn"] = "1", ["title"] = "Meine Fassung", ["f.teaser"] = "Mein Anriss", ["f.body"] = "Mein Text" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Meine Fassung", html);
        Assert.Contains("Stand der Kollegin", html);
        Assert.Contains("Mein Anriss", html);
        Assert.Contains("Kollegin war schneller", html);
        var latest = await Reader.GetVersionAsync(id, VersionStatus.Latest);
        Assert.Equal(2, latest!.Number);
        Assert.Equal("Stand der Kollegin", latest.Title);
    }

    [Fact]
    public async Task Keeping_my_version_after_a_conflict_saves_it_over_the_newest_and_keeps_theirs_in_the_history()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);
        var id = await CreateNewsAsync(editor, "Ausgangsstand");
        await admin.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.SaveDraftAsync(id, 1, new ContentInput { Title = "Zwischenstand", Fields = new JsonObject { ["teaser"] = "Zwischen" } }));
        using var conflict = await editor.PostFormAsync($"/admin/content/item/{id}", new() { ["do"] = "save", ["basedOn"] = "1", ["title"] = "Endstand", ["f.teaser"] = "Am Ende" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var conflictPage = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("name=\"basedOn\" value=\"2\"", conflictPage);

        using var kept = await editor.PostFormAsync($"/admin/content/item/{id}", new() { ["do"] = "save", ["basedOn"] = "2", ["title"] = "Endstand", ["f.teaser"] = "Am Ende" });

        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var versions = await Reader.ListVersionsAsync(id);
        Assert.Equal(["Ausgangsstand", "Zwischenstand", "Endstand"], versions.OrderBy(v => v.Number).Select(v => v.Title));
    }

    [Fact]
    public async Task A_date_time_typed_in_Rostock_is_stored_in_UTC_and_shown_again_as_typed()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);

        using var response = await editor.PostFormAsync("/admin/content/Event/new", new() { ["do"] = "save", ["title"] = "Barcamp im Stadtlabor", ["f.start"] = "2026-07-01T18:00", ["f.body"] = "Alle sind eingeladen." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = ItemId(response);
        var stored = await Reader.GetVersionAsync(id, VersionStatus.Latest);
        Assert.Equal("2026-07-01T16:00:00Z", stored!.Fields["start"]!.GetValue<string>());
        var (_, html) = await editor.GetAsync($"/admin/content/item/{id}");
        Assert.Contains("value=\"2026-07-01T18:00\"", html);
    }

    [Fact]
    public async Task A_contributor_sees_no_publish_button_and_a_forged_publish_is_refused()
    {
        using var contributor = await admin.SignInAsync(Roles.Contributor);
        var id = await CreateNewsAsync(contributor, "Beitrag eines Mitwirkenden");

        var (_, html) = await contributor.GetAsync($"/admin/content/item/{id}");
        Assert.DoesNotContain("veröffentlichen</button>", html);
        Assert.Contains("Entwurf speichern", html);

        using var forged = await contributor.PostFormAsync($"/admin/content/item/{id}?handler=publish", new() { ["basedOn"] = "1" }, tokenFrom: $"/admin/content/item/{id}");
        using var savedAndPublished = await contributor.PostFormAsync($"/admin/content/item/{id}", new() { ["do"] = "publish", ["basedOn"] = "1", ["title"] = "Doch veröffentlicht?", ["f.teaser"] = "Nein" });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Ihnen fehlt die Berechtigung", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, savedAndPublished.StatusCode);
        var item = await Reader.GetItemAsync(id);
        Assert.Null(item!.PublishedVersion);
        Assert.Equal(1, item.LatestVersion); // one transaction: the save did not land without the publish
    }

    [Fact]
    public async Task Restoring_an_old_version_makes_its_content_the_newest_draft()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);
        var id = await CreateNewsAsync(editor, "Erste Überschrift");
        using (var save = await editor.PostFormAsync($"/admin/content/item/{id}", new() { ["do"] = "save", ["basedOn"] = "1", ["title"] = "Zweite Überschrift", ["f.teaser"] = "Neu" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        }

        var (status, history) = await editor.GetAsync($"/admin/content/item/{id}/history?v=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<del><span class=\"visually-hidden\">entfernt:</span><pre class=\"value\">Erste Überschrift</pre></del>", history);
        Assert.Contains("<ins><span class=\"visually-hidden\">neu:</span><pre class=\"value\">Zweite Überschrift</pre></ins>", history);

        using var restore = await editor.PostFormAsync($"/admin/content/item/{id}/history?handler=restore", new() { ["v"] = "1", ["basedOn"] = "2" }, tokenFrom: $"/admin/content/item/{id}/history?v=1");

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var latest = await Reader.GetVersionAsync(id, VersionStatus.Latest);
        Assert.Equal(3, latest!.Number);
        Assert.Equal("Erste Überschrift", latest.Title);
    }

    [Fact]
    public async Task The_list_finds_drafts_by_title_and_status_and_leaves_out_other_states()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);
        var word = "Listentest" + Guid.NewGuid().ToString("N")[..6];
        await CreateNewsAsync(editor, word + " Entwurf");

        var (_, drafts) = await editor.GetAsync($"/admin/content/NewsArticle?q={word}&status=Draft");
        var (_, published) = await editor.GetAsync($"/admin/content/NewsArticle?q={word}&status=Published");

        Assert.Contains(word + " Entwurf", drafts);
        Assert.Contains("1 Inhalte gefunden", drafts);
        Assert.DoesNotContain(word + " Entwurf", published);
    }

    [Fact]
    public async Task The_content_picker_searches_on_the_server_and_offers_the_results_without_javascript()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);
        var version = await admin.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.CreateAsync("Project", "de", new ContentInput
        {
            Title = "Pickertest Stadtgrün Dierkow",
            Fields = new JsonObject { ["summary"] = "Ein Projekt zum Finden." },
        }));

        using var response = await editor.PostFormAsync("/admin/content/NewsArticle/new", new() { ["do"] = "search", ["title"] = "Mit Projekt", ["q.relatedProjects"] = "Pickertest" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"<input id=\"f-relatedProjects-r0\" name=\"f.relatedProjects\" type=\"checkbox\" value=\"{version.ItemId}\">\\s*Pickertest Stadtgrün Dierkow", html);
        Assert.Contains("value=\"Mit Projekt\"", html);
    }

    [Fact]
    public async Task The_markdown_preview_renders_through_the_sanitizing_renderer()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);

        using var response = await editor.PostFormAsync("/admin/markdown-preview", new() { ["markdown"] = "**fett** <script>alert(1)</script> [x](javascript:alert(1))" }, tokenFrom: "/admin/content/NewsArticle/new");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong>fett</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Theory]
    [InlineData("/admin/content/NewsArticle/new")]
    [InlineData("/admin/markdown-preview")]
    [InlineData("/admin/language")]
    [InlineData("/admin/logout")]
    public async Task A_signed_in_post_without_the_anti_forgery_token_is_refused_with_400(string path)
    {
        using var editor = await admin.SignInAsync(Roles.Editor);

        using var response = await editor.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["do"] = "save", ["title"] = "Ohne Token", ["markdown"] = "x", ["culture"] = "en" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_interface_speaks_English_after_the_switch_and_German_by_default()
    {
        using var editor = await admin.SignInAsync(Roles.Editor);
        var (_, german) = await editor.GetAsync("/admin");

        using var choose = await editor.PostFormAsync("/admin/language", new() { ["culture"] = "en", ["returnUrl"] = "/admin" }, tokenFrom: "/admin");
        var (_, english) = await editor.GetAsync("/admin");
        var (_, englishList) = await editor.GetAsync("/admin/content/NewsArticle");

        Assert.Contains("<html lang=\"de\">", german);
        Assert.Contains("Meine Entwürfe", german);
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("My drafts", english);
        Assert.Contains("Sign out", english);
        Assert.Contains("Create new", englishList);
    }

    private static async Task<string> CreateNewsAsync(AdminClient client, string title)
    {
        using var response = await client.PostFormAsync("/admin/content/NewsArticle/new", new() { ["do"] = "save", ["title"] = title, ["f.teaser"] = "Anriss zu " + title, ["f.body"] = "Text zu " + title });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return ItemId(response);
    }

    private static string ItemId(HttpResponseMessage response) =>
        response.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
}
