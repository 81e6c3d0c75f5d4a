using Microsoft.Playwright;

namespace Smile.Admin.BrowserTests;

/// <summary>The editor's whole path with an image: upload it in the form, describe it, preview the draft, publish, find it on the site.</summary>
public sealed class MediaEditingTests(AdminSite site)
{
    [Fact]
    public async Task An_editor_creates_an_article_with_an_uploaded_image_and_alt_text_previews_it_publishes_it_and_finds_it_on_the_site()
    {
        var title = "Neue Liegestühle am Stadthafen " + Guid.NewGuid().ToString("N")[..6];
        const string Alt = "Blaue Liegestühle auf dem Holzsteg am Stadthafen, dahinter Segelboote";
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);

        await page.GotoAsync("/admin/content/NewsArticle/new");
        await page.GetByLabel("Titel (Pflichtfeld)", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Teaser").FillAsync("Am Stadthafen stehen jetzt Liegestühle.");
        await page.Locator("#f-heroImage-0-upload").SetInputFilesAsync(new FilePayload { Name = "liegestuehle.png", MimeType = "image/png", Buffer = Picture() });
        await page.Locator("#f-heroImage-0-alt").FillAsync(Alt);
        await page.ClickButtonAsync("Entwurf speichern");
        await page.WaitForPathAsync("/admin/content/item/");
        var itemId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var mediaId = await page.Locator("#f-heroImage-0-mediaId").InputValueAsync();
        var thumbnail = await page.Locator("img.media-thumb").GetAttributeAsync("src");

        var preview = await context.NewPageAsync();
        await preview.GotoAsync("/admin/preview/" + itemId);
        var previewText = await preview.Locator("body").InnerTextAsync();
        var previewImage = await preview.Locator($"img[alt='{Alt}']").CountAsync();

        await page.ClickButtonAsync("Speichern und veröffentlichen");
        await page.WaitForSiteTextAsync("/aktuelles", title);
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        var image = page.Locator($"main img[alt='{Alt}']");
        await image.WaitForAsync();
        var loaded = await image.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)");

        Assert.Matches("^[0-9a-f]{64}$", mediaId);
        Assert.Equal($"/media/{mediaId}/320.webp", thumbnail);
        Assert.Contains("Vorschau – nicht veröffentlicht", previewText, StringComparison.Ordinal);
        Assert.Contains(title, previewText, StringComparison.Ordinal);
        Assert.Equal(1, previewImage);
        Assert.True(loaded, "the published article's image does not load");
        Assert.Contains(mediaId, await image.GetAttributeAsync("src"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_what_its_name_says_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        var title = "Beitrag mit falscher Datei " + Guid.NewGuid().ToString("N")[..6];
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);

        await page.GotoAsync("/admin/content/NewsArticle/new");
        await page.GetByLabel("Titel (Pflichtfeld)", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Teaser").FillAsync("Mit einer Datei, die kein Bild ist.");
        await page.Locator("#f-heroImage-0-upload").SetInputFilesAsync(new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = "<script>alert(1)</script>"u8.ToArray() });
        await page.Locator("#f-heroImage-0-alt").FillAsync("Ein Foto");
        await page.ClickButtonAsync("Entwurf speichern");
        await page.Locator(".error-summary").WaitForAsync();

        Assert.Equal("true", await page.Locator("#f-heroImage-0-upload").GetAttributeAsync("aria-invalid"));
        Assert.NotEmpty(await page.Locator("#f-heroImage-0-upload-error").InnerTextAsync());
        Assert.EndsWith("/admin/content/NewsArticle/new", new Uri(page.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_medium_chosen_from_the_library_list_is_used_and_a_shared_preview_link_shows_the_draft_without_signing_in()
    {
        var title = "Hafenfest mit Bild aus der Mediathek " + Guid.NewGuid().ToString("N")[..6];
        await using var context = await site.NewContextAsync();
        var page = await AdminSite.SignInAsync(context, site.Editor);

        await page.GotoAsync("/admin/content/NewsArticle/new");
        await page.GetByLabel("Titel (Pflichtfeld)", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Teaser").FillAsync("Mit einem Bild, das schon in der Mediathek liegt.");
        // The oldest medium (the seed's), not the newest: tests running beside this one upload media of their own,
        // and one of them must stay unused to be erased with its item.
        var choice = await page.Locator("#f-heroImage-0-pick option").Last.GetAttributeAsync("value");
        await page.Locator("#f-heroImage-0-pick").SelectOptionAsync(choice!);
        await page.Locator("#f-heroImage-0-alt").FillAsync("Das Hafenfest von oben");
        await page.ClickButtonAsync("Entwurf speichern");
        await page.WaitForPathAsync("/admin/content/item/");
        var stored = await page.Locator("#f-heroImage-0-mediaId").InputValueAsync();
        await page.ClickButtonAsync("Vorschaulink zum Weitergeben");
        var link = await page.Locator("code.secret").InnerTextAsync();
        await Axe.AssertNoViolationsAsync(page);

        await using var colleague = await site.NewContextAsync();
        var shared = await colleague.NewPageAsync();
        var response = await shared.GotoAsync(link);

        Assert.Equal(choice, stored);
        Assert.StartsWith(site.Address.GetLeftPart(UriPartial.Authority) + "/preview/", link, StringComparison.Ordinal);
        Assert.Equal(200, response!.Status);
        Assert.Contains(title, await shared.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Vorschau – nicht veröffentlicht", await shared.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>A small photo-like PNG made for the test: a gradient, so every run uploads the same bytes.</summary>
    private static byte[] Picture()
    {
        using var gradient = NetVips.Image.Xyz(640, 400);
        using var bands = gradient[0].Linear([0.3], [20]).Bandjoin(gradient[1].Linear([0.5], [60]), gradient[0].Linear([-0.2], [220]));
        using var picture = bands.Cast(NetVips.Enums.BandFormat.Uchar);
        return picture.WriteToBuffer(".png");
    }
}
