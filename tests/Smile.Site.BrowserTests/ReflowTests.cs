namespace Smile.Site.BrowserTests;

/// <summary>
/// Resize text (WCAG 1.4.4), reflow (1.4.10) and text spacing (1.4.12): enlarged text, narrow screens and wider
/// spacing need no sideways scrolling and cut nothing off.
/// </summary>
public sealed class ReflowTests(PublicSite site)
{
    public static TheoryData<string> PageTypes => BrowserTests.PageTypes.All;

    [Theory, MemberData(nameof(PageTypes))]
    public async Task Text_enlarged_to_200_percent_needs_no_horizontal_scrolling(string pageType)
    {
        await using var context = await site.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1024 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PathOf(pageType));

        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");

        await AssertNoHorizontalScrollingAsync(page);
    }

    [Theory, MemberData(nameof(PageTypes))]
    public async Task A_page_320_CSS_pixels_wide_needs_no_horizontal_scrolling(string pageType)
    {
        await using var context = await site.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PathOf(pageType));

        await AssertNoHorizontalScrollingAsync(page);
    }

    [Theory, MemberData(nameof(PageTypes))]
    public async Task Text_spacing_raised_to_the_WCAG_minimums_hides_no_text(string pageType)
    {
        // A reader's own style sheet is not bound by the site's Content-Security-Policy; the injected one stands for it.
        await using var context = await site.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1024 }, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PathOf(pageType));

        // The spacing a reader's style sheet may set (WCAG 1.4.12): content must neither be cut off nor overlap.
        await page.AddStyleTagAsync(new()
        {
            Content = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }",
        });
        var clipped = await page.EvaluateJsonAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.offsetParent !== null && (e.textContent || '').trim() !== '')
              .filter(e => {
                const s = getComputedStyle(e);
                const clips = v => v === 'hidden' || v === 'clip';
                return (clips(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (clips(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
              })
              .map(e => e.tagName.toLowerCase() + ' "' + e.textContent.trim().slice(0, 40) + '"')
            """);

        Assert.Empty(clipped);
        await AssertNoHorizontalScrollingAsync(page);
    }

    private static async Task AssertNoHorizontalScrollingAsync(Microsoft.Playwright.IPage page)
    {
        var width = await page.EvaluateJsonAsync<Width>("""
            () => {
              const viewport = document.documentElement.clientWidth;
              const widest = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > viewport + 1)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                .slice(0, 5).join(', ');
              return { scroll: document.documentElement.scrollWidth, inner: innerWidth, overflowing: widest };
            }
            """);

        Assert.True(width.Scroll <= width.Inner, $"{page.Url}: the page is {width.Scroll}px wide in a {width.Inner}px window; wider than the window: {width.Overflowing}");
    }

    private sealed record Width(int Scroll, int Inner, string Overflowing);
}
