using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Smile.Site.BrowserTests;

/// <summary>The site asks no third-party host for anything (fonts, scripts, CDNs, players) unless the reader asks.</summary>
public sealed class PrivacyTests(PublicSite site)
{
    public static TheoryData<string> PageTypes => BrowserTests.PageTypes.All;

    [Theory, MemberData(nameof(PageTypes))]
    public async Task Loading_a_page_requests_nothing_but_the_site_itself(string pageType)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);

        await page.GotoAsync(site.PathOf(pageType), new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.True(site.IsSite(url), $"{url} left the site"));
    }

    [Theory, MemberData(nameof(PageTypes))]
    public async Task Every_page_works_under_the_strict_content_security_policy_of_netlify_toml(string pageType)
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Enqueue(message.Text);
            }
        };

        var response = await page.GotoAsync(site.PathOf(pageType), new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Contains("default-src 'self'", await response!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task An_external_video_player_is_requested_only_after_the_reader_asks_for_it()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        await page.GotoAsync(site.PathOf("video"), new() { WaitUntil = WaitUntilState.NetworkIdle });
        var beforeConsent = requests.ToArray();

        // The request is aborted in the browser (nothing leaves the machine), but it is made, and only now.
        var playerRequest = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Video laden" }).ClickAsync(),
            request => !site.IsSite(request.Url));
        var player = page.Locator("main iframe");
        var playerFocused = await player.EvaluateAsync<bool>("frame => document.activeElement === frame");

        Assert.All(beforeConsent, url => Assert.True(site.IsSite(url), $"{url} was requested before consent"));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dgs2025", playerRequest.Url);
        Assert.Equal(playerRequest.Url, await player.GetAttributeAsync("src"));
        Assert.True(playerFocused, "focus moves to the player that replaced the button");
        Assert.False(string.IsNullOrWhiteSpace(await player.GetAttributeAsync("title")), "the player frame has a title");
    }
}

