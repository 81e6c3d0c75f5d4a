using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Media.Library;
using Smile.Media.Stores;
using Smile.Storage.Media;

namespace Smile.Admin.BrowserTests;

/// <summary>Administrators manage accounts, roles, API keys and erasure in the browser; editors cannot reach those pages.</summary>
public sealed class AdministrationTests(AdminSite site)
{
    public static TheoryData<string> AdministrationPages() =>
    [
        "/admin/users",
        "/admin/users/new",
        "/admin/users/{editor}",
        "/admin/roles",
        "/admin/roles/edit",
        "/admin/roles/edit/Editor",
        "/admin/apikeys",
        "/admin/erasure/{item}",
    ];

    [Theory, MemberData(nameof(AdministrationPages))]
    public async Task Every_administration_page_has_no_WCAG_2_1_AA_violations(string path)
    {
        var administrator = await site.CreateUserAsync(Roles.Administrator);
        var item = await CreateArticleAsync("Barrierefreiheit prüfen");
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, administrator);

        var response = await page.GotoAsync(path.Replace("{editor}", site.Editor.Id, StringComparison.Ordinal).Replace("{item}", item, StringComparison.Ordinal));

        Assert.Equal(200, response!.Status);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Forms_with_errors_and_shown_secrets_have_no_WCAG_2_1_AA_violations()
    {
        var administrator = await site.CreateUserAsync(Roles.Administrator);
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, administrator);

        await page.GotoAsync("/admin/users/new");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("keine-adresse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/admin/apikeys");
        await page.Locator("#key-name").FillAsync("Axe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schlüssel anlegen" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Inhalte lesen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schlüssel anlegen" }).ClickAsync();
        await page.Locator("code.secret").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_administrator_creates_an_account_whose_one_time_password_signs_in()
    {
        var administrator = await site.CreateUserAsync(Roles.Administrator);
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, administrator);
        var email = $"neu-{Guid.NewGuid().ToString("N")[..8]}@rostock.test";

        await page.GotoAsync("/admin/users/new");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Jana Neumann");
        await page.GetByLabel("Author").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }).ClickAsync();
        var password = await page.Locator("code.secret").TextContentAsync();

        await using var other = await site.NewContextAsync();
        var signedIn = await AdminSite.SignInAsync(other, new TestUser("", email, password!, Roles.Author));
        Assert.Contains(email, await page.Locator("[role=status]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("/admin", new Uri(signedIn.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_API_key_is_shown_once_works_for_machines_and_stops_working_when_revoked()
    {
        var administrator = await site.CreateUserAsync(Roles.Administrator);
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, administrator);
        var name = "Netlify-Build " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/admin/apikeys");
        await page.Locator("#key-name").FillAsync(name);
        await page.GetByLabel("Inhalte lesen").CheckAsync();
        await page.GetByLabel("Entwürfe in der Vorschau sehen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Schlüssel anlegen" }).ClickAsync();
        var secret = (await page.Locator("code.secret").TextContentAsync())!;
        var draftsWhileValid = await DraftQueryAsync(secret);
        await page.GotoAsync("/admin/apikeys");
        var shownAgain = await page.ContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        var draftsAfterRevoking = await DraftQueryAsync(secret);

        Assert.StartsWith("smile_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, shownAgain, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, draftsWhileValid);
        Assert.Equal(HttpStatusCode.Unauthorized, draftsAfterRevoking);
    }

    [Fact]
    public async Task Editors_cannot_open_the_administration_pages()
    {
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);

        foreach (var path in new[] { "/admin/users", "/admin/roles", "/admin/apikeys", "/admin/erasure/anything" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 403 || new Uri(page.Url).AbsolutePath.StartsWith("/admin/denied", StringComparison.Ordinal), $"{path}: {response.Status} at {page.Url}");
            Assert.Contains("Kein Zugriff", await page.ContentAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/admin/users", await (await page.GotoAsync("/admin"))!.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_erased_in_the_browser_is_gone_with_every_version_and_the_photo_only_it_used()
    {
        var administrator = await site.CreateUserAsync(Roles.Administrator);
        var photo = await site.Services.GetRequiredService<MediaLibrary>().UploadAsync(new MemoryStream(Portrait()), "portraet.png", Actor.System);
        var version = await site.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e =>
            e.CreateAsync("NewsArticle", "de", new ContentInput
            {
                Title = "Porträt zum Löschen",
                Fields = new JsonObject { ["teaser"] = "Kurz.", ["heroImage"] = new JsonObject { ["mediaId"] = photo.Asset.Id, ["alt"] = "Eine Person am Hafen" } },
            }));
        var item = version.ItemId;
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, administrator);

        await page.GotoAsync("/admin/erasure/" + item);
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        var stillThere = await site.Services.GetRequiredService<IContentReader>().GetItemAsync(item);
        await page.GetByLabel("Ja, „Porträt zum Löschen“ endgültig löschen.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();

        Assert.NotNull(stillThere);
        Assert.Null(await site.Services.GetRequiredService<IContentReader>().GetItemAsync(item));
        Assert.Empty(await site.Services.GetRequiredService<IContentReader>().ListVersionsAsync(item));
        Assert.Null(await site.Services.GetRequiredService<MediaCatalog>().FindAsync(photo.Asset.Id));
        Assert.False(await site.Services.GetRequiredService<IMediaStore>().ExistsAsync(MediaKeys.Original(photo.Asset.Id), TestContext.Current.CancellationToken));
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/media/{photo.Asset.Id}/320.webp")).Status);
    }

    /// <summary>A small PNG of its own for each run, so no other item uses it.</summary>
    private static byte[] Portrait()
    {
        using var noise = NetVips.Image.Gaussnoise(80, 60, mean: 128, sigma: 40);
        using var picture = noise.Cast(NetVips.Enums.BandFormat.Uchar);
        return picture.WriteToBuffer(".png");
    }

    private async Task<string> CreateArticleAsync(string title)
    {
        var version = await site.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, e =>
            e.CreateAsync("NewsArticle", "de", new ContentInput { Title = title, Fields = new JsonObject { ["teaser"] = "Kurz." } }));
        return version.ItemId;
    }

    private async Task<HttpStatusCode> DraftQueryAsync(string secret)
    {
        using var client = new HttpClient { BaseAddress = site.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/graphql") { Content = JsonContent.Create(new { query = "{ newsArticles(status: LATEST, first: 1) { totalCount } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
