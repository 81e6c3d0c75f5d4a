using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Storage;
using Smile.Webhooks.Dashboard;
using Smile.Webhooks.Following;

namespace Smile.Webhooks.Tests;

/// <summary>Settings and steps the webhook tests share: one receiver, quick retries, and a burst of publishes.</summary>
internal static class WebhookCms
{
    public const string Secret = "test-secret-for-the-hook-0123456789";

    public static Dictionary<string, string?> Settings(string url, int maxAttempts = 10) => new()
    {
        ["Smile:Webhooks:Receivers:0:Name"] = "netlify",
        ["Smile:Webhooks:Receivers:0:Url"] = url,
        ["Smile:Webhooks:Receivers:0:Secret"] = Secret,
        ["Smile:Webhooks:Receivers:0:Events:0"] = "Published",
        ["Smile:Webhooks:Receivers:0:Events:1"] = "Unpublished",
        ["Smile:Webhooks:Receivers:0:Events:2"] = "Deleted",
        ["Smile:Webhooks:Receivers:0:Events:3"] = "Purged",
        // Wide enough that a burst of publishes one after another always falls into one window.
        ["Smile:Webhooks:Debounce"] = "00:00:03",
        ["Smile:Webhooks:PollInterval"] = "00:00:00.200",
        ["Smile:Webhooks:RetryDelay"] = "00:00:00.200",
        ["Smile:Webhooks:MaxRetryDelay"] = "00:00:00.500",
        ["Smile:Webhooks:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Creates and publishes one news item per title, each in its own transaction, one right after the other.</summary>
    public static async Task<IReadOnlyList<string>> PublishAsync(IServiceProvider services, params string[] titles)
    {
        var content = services.GetRequiredService<ContentService>();
        var ids = new List<string>();
        foreach (var title in titles)
        {
            var id = "news-" + Guid.NewGuid().ToString("N")[..10];
            await content.RunAsync(Actor.System, async e =>
            {
                await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = title, Fields = new JsonObject { ["teaser"] = "Kurz: " + title, ["body"] = "Text zu " + title } }, id: id);
                await e.PublishAsync(id);
            });
            ids.Add(id);
        }

        return ids;
    }

    public static Task<IReadOnlyList<WebhookDeliveryView>> DeliveriesAsync(IServiceProvider services) =>
        services.GetRequiredService<WebhookDeliveries>().RecentAsync(100);

    /// <summary>Whether the webhook follower has read every event written so far.</summary>
    public static async Task<bool> CaughtUpAsync(IServiceProvider services)
    {
        var head = await services.GetRequiredService<IOutbox>().HeadAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<SmileDbContext>>().CreateDbContextAsync();
        var position = await db.OutboxFollowers.Where(f => f.Name == WebhookBatcher.FollowerName).Select(f => (long?)f.Position).FirstOrDefaultAsync();
        return position >= head;
    }

    /// <summary>Waits for a condition with a generous limit; the limit is a safety net, not what is tested.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string> describe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Waited 90 s in vain: " + describe());
            }

            await Task.Delay(100);
        }
    }
}
