namespace Smile.Site.BrowserTests;

/// <summary>axe-core's WCAG 2.0/2.1 A and AA rules over one page of every type, in Chromium, with scripts running.</summary>
public sealed class AxeTests(PublicSite site)
{
    public static TheoryData<string> PageTypes => BrowserTests.PageTypes.All;

    [Theory, MemberData(nameof(PageTypes))]
    public async Task Every_page_type_has_no_WCAG_2_1_AA_violations(string pageType)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PathOf(pageType));

        await Axe.AssertNoViolationsAsync(page);
    }
}
