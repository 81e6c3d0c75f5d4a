namespace Smile.Site.BrowserTests;

/// <summary>
/// Focus visible (WCAG 2.4.7) and non-text contrast of the focus indicator (1.4.11): every stop of the Tab order
/// draws an outline that stands out at least 3:1 from the background it is drawn on.
/// </summary>
public sealed class FocusTests(PublicSite site)
{
    private const int MostStops = 300;

    [Theory]
    [InlineData("home")]
    [InlineData("news article")]
    [InlineData("event")]
    [InlineData("search")]
    public async Task Every_stop_of_the_Tab_order_shows_an_outline_with_3_to_1_contrast(string pageType)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PathOf(pageType));

        var stops = new List<FocusStop>();
        for (var i = 0; i < MostStops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateJsonAsync<FocusStop>(Focused);
            if (stop.Index < 0 || (stops.Count > 0 && stop.Index == stops[0].Index))
            {
                break;
            }

            stops.Add(stop);
        }

        var weak = stops.Where(s => s.Style is "none" or "hidden" || s.Width < 2 || s.Contrast < 3).ToList();
        Assert.True(stops.Count > 5, $"the Tab order reaches the page's links ({stops.Count} stops)");
        Assert.True(weak.Count == 0, "focus outlines missing or too faint:\n" + string.Join("\n", weak.Select(s => $"- {s.Element}: {s.Style} {s.Width}px, contrast {s.Contrast:0.00}:1 on {s.Background}")));
    }

    private const string Focused = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return { index: -1, element: '', style: '', width: 0, contrast: 0, background: '' };
          const rgb = c => {
            const m = c.match(/rgba?\(([^)]+)\)/);
            if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const luminance = c => {
            const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
          };
          // The outline is drawn around the element, over whatever its ancestors paint there.
          let background = { r: 255, g: 255, b: 255, a: 1 };
          for (let n = e.parentElement; n; n = n.parentElement) {
            const c = rgb(getComputedStyle(n).backgroundColor);
            if (c && c.a > 0) { background = c; break; }
          }
          const s = getComputedStyle(e);
          const outline = rgb(s.outlineColor) || background;
          const [light, dark] = [luminance(outline), luminance(background)].sort((a, b) => b - a);
          return {
            index: [...document.querySelectorAll('*')].indexOf(e),
            element: e.tagName.toLowerCase() + ' "' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 50) + '"',
            style: s.outlineStyle,
            width: parseFloat(s.outlineWidth) || 0,
            contrast: (light + 0.05) / (dark + 0.05),
            background: `rgb(${background.r}, ${background.g}, ${background.b})`,
          };
        }
        """;

    private sealed record FocusStop(int Index, string Element, string Style, double Width, double Contrast, string Background);
}
