namespace Smile.Site.BrowserTests;

/// <summary>Bypass blocks (WCAG 2.4.1) and a visible focus (2.4.7), with the keyboard alone.</summary>
public sealed class KeyboardTests(PublicSite site)
{
    [Theory]
    [InlineData("home")]
    [InlineData("news article")]
    public async Task The_first_Tab_focuses_the_skip_link_and_Enter_moves_focus_to_the_main_content(string pageType)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PathOf(pageType));

        await page.Keyboard.PressAsync("Tab");
        var skip = await page.EvaluateJsonAsync<FocusedElement>(Focused);
        await page.Keyboard.PressAsync("Enter");
        var target = await page.EvaluateJsonAsync<FocusedElement>(Focused);
        await page.Keyboard.PressAsync("Tab");
        var next = await page.EvaluateJsonAsync<FocusedElement>(Focused);

        Assert.Equal("A", skip.Tag);
        Assert.Equal("Zum Inhalt springen", skip.Text);
        Assert.True(skip.InViewport, "the focused skip link is shown on screen");
        Assert.NotEqual("none", skip.Outline);
        Assert.Equal(("MAIN", "main"), (target.Tag, target.Id));
        Assert.True(next.InMain, $"the Tab after skipping goes on inside the main content, not to {next.Tag} '{next.Text}'");
    }

    private const string Focused = """
        () => {
          const e = document.activeElement;
          const box = e.getBoundingClientRect();
          return {
            tag: e.tagName,
            id: e.id,
            text: (e.textContent || '').trim(),
            inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
            outline: getComputedStyle(e).outlineStyle,
            inMain: e !== document.getElementById('main') && document.getElementById('main').contains(e),
          };
        }
        """;

    private sealed record FocusedElement(string Tag, string Id, string Text, bool InViewport, string Outline, bool InMain);
}
