using Microsoft.Playwright;

namespace Smile.Site.BrowserTests;

/// <summary>Readers who ask their system for less motion get none (WCAG 2.3.3, and comfort for vestibular disorders).</summary>
public sealed class ReducedMotionTests(PublicSite site)
{
    [Fact]
    public async Task The_stylesheet_turns_off_animations_and_transitions_for_reduced_motion()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var rules = await page.EvaluateAsync<string[]>("""
            () => [...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
              .filter(rule => rule instanceof CSSMediaRule && rule.conditionText.replace(/\s/g, '').includes('prefers-reduced-motion:reduce'))
              .map(rule => rule.cssText)
            """);

        var rule = Assert.Single(rules);
        Assert.Contains("animation", rule, StringComparison.Ordinal);
        Assert.Contains("transition", rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("home")]
    [InlineData("news article")]
    public async Task With_reduced_motion_preferred_nothing_on_the_page_is_animated(string pageType)
    {
        await using var context = await site.NewContextAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PathOf(pageType));

        var reduced = await page.EvaluateAsync<bool>("() => matchMedia('(prefers-reduced-motion: reduce)').matches");
        var link = await page.Locator("main a").First.EvaluateAsync<string>("a => { const s = getComputedStyle(a); return s.transitionDuration + ' ' + s.animationName; }");
        var moving = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('*')].flatMap(e => [null, '::before', '::after'].map(pseudo => [e, pseudo, getComputedStyle(e, pseudo)]))
              .filter(([, , s]) => s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0))
              .map(([e, pseudo, s]) => e.tagName.toLowerCase() + (pseudo || '') + ': ' + s.transitionProperty + ' ' + s.transitionDuration + ', animation ' + s.animationName)
              .slice(0, 10)
            """);

        Assert.True(reduced, "the browser reports the reader's preference for reduced motion");
        Assert.Equal("0s none", link);
        Assert.Empty(moving);
    }
}
