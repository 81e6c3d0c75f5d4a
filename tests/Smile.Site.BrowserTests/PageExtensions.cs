using System.Text.Json;
using Microsoft.Playwright;

namespace Smile.Site.BrowserTests;

internal static class PageExtensions
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Runs <paramref name="function"/> in the page; its result comes back as JSON, so records can hold it.</summary>
    public static async Task<T> EvaluateJsonAsync<T>(this IPage page, string function) =>
        JsonSerializer.Deserialize<T>(await page.EvaluateAsync<string>($"() => JSON.stringify(({function})())"), Web)
        ?? throw new InvalidOperationException("The page returned null.");
}
