using System.Collections.Concurrent;

namespace Smile.Site.BrowserTests;

/// <summary>The static search (Pagefind's index, queried in the browser) as a reader uses it with the keyboard.</summary>
public sealed class SearchTests(PublicSite site)
{
    [Fact]
    public async Task Searching_lists_matching_pages_accessibly_without_leaving_the_site()
    {
        Assert.True(site.SearchIndexed, "pagefind is not installed, so the site has no search index: run `npm ci` in site/ (tests/test.sh does).");
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        await page.GotoAsync(site.PathOf("search"));

        var field = page.GetByLabel("Suchbegriff");
        await field.FillAsync("HafenSport");
        await field.PressAsync("Enter");
        var results = page.Locator("#search-results li a");
        await results.First.WaitForAsync();
        var found = await results.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        Assert.Contains(found, href => href.StartsWith("/aktuelles/hafensport", StringComparison.Ordinal));
        Assert.EndsWith("?q=HafenSport", page.Url, StringComparison.Ordinal);
        Assert.Equal("polite", await page.Locator("#search-results").GetAttributeAsync("aria-live"));
        Assert.Contains(requests, url => new Uri(url).AbsolutePath.StartsWith("/pagefind/", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.True(site.IsSite(url), $"{url} left the site"));
        await Axe.AssertNoViolationsAsync(page);
    }
}
