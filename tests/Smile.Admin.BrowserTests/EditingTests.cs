using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;

namespace Smile.Admin.BrowserTests;

public sealed class EditingTests(AdminSite site)
{
    [Fact]
    public async Task An_editor_writes_a_news_article_previews_the_markdown_publishes_it_and_finds_it_on_the_site()
    {
        var title = "Neue Sitzbänke am Stadthafen " + Guid.NewGuid().ToString("N")[..6];
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);

        await page.GotoAsync("/admin/content/NewsArticle/new");
        await page.GetByLabel("Titel (Pflichtfeld)", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Teaser").FillAsync("Am Stadthafen kann man jetzt besser verweilen.");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Die Bänke sind **barrierefrei** erreichbar.");
        // The live preview comes from the server's renderer while the editor types.
        await page.Locator("#f-body-preview strong").Filter(new() { HasText = "barrierefrei" }).WaitForAsync();
        await page.ClickButtonAsync("Speichern und veröffentlichen");
        await page.WaitForPathAsync("/admin/content/item/");

        Assert.Contains("Veröffentlicht", await page.Locator("[role=status]").First.InnerTextAsync());
        var path = await page.Locator(".status-line a").First.GetAttributeAsync("href");
        Assert.StartsWith("/aktuelles/", path);
        await page.WaitForSiteTextAsync("/", title);
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await page.WaitForPathAsync(path!);
        Assert.Equal("barrierefrei", await page.Locator("main strong").Filter(new() { HasText = "barrierefrei" }).First.InnerTextAsync());
    }

    [Fact]
    public async Task A_contributor_has_no_publish_button_and_a_forged_publish_from_the_page_is_refused()
    {
        var contributor = await site.CreateUserAsync(Roles.Contributor);
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, contributor);
        await page.GotoAsync("/admin/content/NewsArticle/new");
        await page.GetByLabel("Titel (Pflichtfeld)", new() { Exact = true }).FillAsync("Vorschlag aus dem Stadtteil");
        await page.GetByLabel("Teaser").FillAsync("Ein Entwurf zur Abstimmung.");
        await page.ClickButtonAsync("Entwurf speichern");
        await page.WaitForPathAsync("/admin/content/item/");
        var itemId = new Uri(page.Url).AbsolutePath.Split('/')[^1];

        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "veröffentlichen" }).CountAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern", Exact = true }).CountAsync() > 0);

        // The same post the editor's button sends, with this page's valid token: the core refuses it.
        var status = await page.EvaluateAsync<int>(
            """
            async id => {
                const body = new URLSearchParams();
                body.set("basedOn", "1");
                body.set("__RequestVerificationToken", document.querySelector("input[name='__RequestVerificationToken']").value);
                const response = await fetch("/admin/content/item/" + id + "?handler=publish", { method: "POST", body });
                return response.status;
            }
            """, itemId);

        Assert.Equal(403, status);
        var item = await site.Services.GetRequiredService<IContentReader>().GetItemAsync(itemId);
        Assert.Null(item!.PublishedVersion);
    }

    [Fact]
    public async Task The_edit_page_reflows_to_320_pixels_without_horizontal_scrolling()
    {
        var id = await site.CreateNewsAsync(site.Editor, "Schmal und lesbar");
        await using var context = await site.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await AdminSite.SignInAsync(context, site.Editor);
        await page.GotoAsync($"/admin/content/item/{id}");

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.Equal(0, overflow);
    }
}
