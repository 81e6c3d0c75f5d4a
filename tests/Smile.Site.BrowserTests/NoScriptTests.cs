namespace Smile.Site.BrowserTests;

/// <summary>Scripts only enhance: with JavaScript off, a reader still finds the navigation and reads the article.</summary>
public sealed class NoScriptTests(PublicSite site)
{
    [Fact]
    public async Task A_news_article_reads_with_its_navigation_when_JavaScript_is_off()
    {
        await using var context = await site.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PathOf("news article"));

        var navigation = page.Locator("nav.main-nav a");
        var links = await navigation.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var title = page.Locator("main#main article h1");
        var paragraphs = page.Locator("main#main article p:not(.meta)");

        Assert.Contains("/aktuelles", links);
        Assert.Contains("/projekte", links);
        Assert.Contains("/veranstaltungen", links);
        for (var i = 0; i < links.Length; i++)
        {
            Assert.True(await navigation.Nth(i).IsVisibleAsync(), $"main navigation link {links[i]} is visible");
        }

        Assert.True(await title.IsVisibleAsync(), "the article's heading is visible");
        Assert.NotEmpty((await title.InnerTextAsync()).Trim());
        var shown = 0;
        for (var i = 0; i < await paragraphs.CountAsync(); i++)
        {
            if (await paragraphs.Nth(i).IsVisibleAsync() && (await paragraphs.Nth(i).InnerTextAsync()).Trim().Length > 40)
            {
                shown++;
            }
        }

        Assert.True(shown >= 2, $"the article's teaser and body text are visible ({shown} paragraphs shown)");
    }
}
