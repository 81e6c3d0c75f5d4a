using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;

namespace Smile.Admin.BrowserTests;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules over every admin page type, in Chromium, with scripts running.</summary>
public sealed class AxeTests(AdminSite site)
{
    [Fact]
    public async Task The_sign_in_page_has_no_WCAG_2_1_AA_violations()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_sign_in_page_with_an_error_has_no_WCAG_2_1_AA_violations()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");
        await page.ClickButtonAsync("Anmelden");
        await page.Locator(".error-summary").WaitForAsync();

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_dashboard_has_no_WCAG_2_1_AA_violations()
    {
        await site.CreateNewsAsync(site.Editor, "Ein Entwurf für die Übersicht");
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_content_list_with_filters_has_no_WCAG_2_1_AA_violations()
    {
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);
        await page.GotoAsync("/admin/content/Project");

        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("NewsArticle")] // text, Markdown, media, taxonomy, content pickers
    [InlineData("Project")] // enumeration, geo point, dates, single taxonomy, multiple media
    [InlineData("Event")] // date and time, link, single picker
    [InlineData("Video")] // number, multiple media
    [InlineData("NetworkCity")] // boolean
    public async Task The_create_form_has_no_WCAG_2_1_AA_violations(string type)
    {
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);
        await page.GotoAsync($"/admin/content/{type}/new");

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_edit_form_with_errors_has_no_WCAG_2_1_AA_violations()
    {
        var id = await site.CreateNewsAsync(site.Editor, "Gleich mit Fehlern");
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);
        await page.GotoAsync($"/admin/content/item/{id}");
        await page.GetByLabel("Teaser").FillAsync("");
        await page.Locator("#f-relatedProjects").Locator("input[type=search]").FillAsync("Quartier");
        await page.ClickButtonAsync("Entwurf speichern");
        await page.Locator(".error-summary").WaitForAsync();

        Assert.True(await page.Locator(".error-summary").EvaluateAsync<bool>("e => e === document.activeElement"), "the error summary has the focus");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_conflict_page_has_no_WCAG_2_1_AA_violations()
    {
        var id = await site.CreateNewsAsync(site.Editor, "Zwei arbeiten gleichzeitig");
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);
        await page.GotoAsync($"/admin/content/item/{id}");
        await site.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.SaveDraftAsync(id, 1, new ContentInput
        {
            Title = "Die Kollegin war schneller",
            Fields = new JsonObject { ["teaser"] = "Ihr Anriss" },
        }));
        await page.GetByLabel("Titel (Pflichtfeld)", new() { Exact = true }).FillAsync("Meine Überschrift");
        await page.ClickButtonAsync("Entwurf speichern");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Jemand hat diesen Inhalt inzwischen geändert" }).WaitForAsync();

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_history_with_a_comparison_has_no_WCAG_2_1_AA_violations()
    {
        var id = await site.CreateNewsAsync(site.Editor, "Mit Geschichte");
        await site.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e => e.SaveDraftAsync(id, 1, new ContentInput
        {
            Title = "Mit längerer Geschichte",
            Fields = new JsonObject { ["teaser"] = "Geändert", ["body"] = "Neuer Text" },
        }));
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);
        await page.GotoAsync($"/admin/content/item/{id}/history?v=2");

        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_audit_trail_has_no_WCAG_2_1_AA_violations()
    {
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);
        await page.GotoAsync("/admin/audit");

        await Axe.AssertNoViolationsAsync(page);
    }
}
