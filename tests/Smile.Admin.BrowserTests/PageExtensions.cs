using Microsoft.Playwright;

namespace Smile.Admin.BrowserTests;

internal static class PageExtensions
{
    /// <summary>Clicks a button by its accessible name, as a keyboard or screen-reader user finds it.</summary>
    public static Task ClickButtonAsync(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).First.ClickAsync();

    /// <summary>Waits until an admin page has loaded after a form post (its path is <paramref name="path"/> or starts with it).</summary>
    public static Task WaitForPathAsync(this IPage page, string path) =>
        page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(path, StringComparison.Ordinal));

    /// <summary>
    /// Reloads <paramref name="path"/> until it shows <paramref name="text"/>: the site preview rebuilds in the background
    /// after a publish. Gives up after a minute, which no rebuild of the seeded site comes near.
    /// </summary>
    public static async Task WaitForSiteTextAsync(this IPage page, string path, string text)
    {
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            await page.GotoAsync(path);
            if (await page.GetByText(text).CountAsync() > 0)
            {
                return;
            }

            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"{path} did not show '{text}' within a minute of publishing.");
            }

            await page.WaitForTimeoutAsync(200);
        }
    }
}
