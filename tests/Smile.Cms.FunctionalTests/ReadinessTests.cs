using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Cms.FunctionalTests;

/// <summary>
/// Outbox lag as metrics and readiness, with a real follower held behind: the search indexer polls only once an
/// hour here, so drafts saved meanwhile wait until a search wakes it (searches ask for results as fresh as the outbox).
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class ReadinessTests(TestDatabases databases)
{
    private static Dictionary<string, string?> Settings(string node, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smile:Telemetry:Prometheus:Enabled"] = "true",
            ["Smile:Search:NodeName"] = node,
            ["Smile:Search:PollInterval"] = "01:00:00",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task The_outbox_lag_gauge_rises_while_the_search_follower_is_behind_and_falls_when_it_catches_up()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, Settings("node-lag"));
        var follower = ("smile_outbox_follower", "search@node-lag");
        var start = await Eventually.UntilAsync(() => PrometheusSamples.ScrapeAsync(cms.Client), s => s.Find("smile_outbox_lag", follower).Count == 1);

        await SaveDraftsAsync(cms, 3);
        // A scrape reads the outbox afresh at most four times a second: the first look may still show the moment before.
        var behind = await Eventually.UntilAsync(() => PrometheusSamples.ScrapeAsync(cms.Client), s => s.Sum("smile_outbox_lag", follower) != 0);
        await SearchAsync(cms);
        var caughtUp = await Eventually.UntilAsync(() => PrometheusSamples.ScrapeAsync(cms.Client), s => s.Sum("smile_outbox_lag", follower) == 0);

        Assert.Equal(0, start.Sum("smile_outbox_lag", follower));
        Assert.True(behind.Sum("smile_outbox_lag", follower) == 3, string.Join("\n", behind.All.Where(s => s.Name.StartsWith("smile_outbox", StringComparison.Ordinal)).Select(s => s.Name + " " + string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}")) + " " + s.Value)));
        Assert.True(behind.Sum("smile_outbox_lag_age_seconds", follower) >= 0);
        Assert.Single(behind.Find("smile_outbox_lag_age_seconds", follower));
        Assert.Equal(0, caughtUp.Sum("smile_outbox_lag", follower));
        Assert.Equal(behind.Sum("smile_outbox_head"), caughtUp.Sum("smile_outbox_head"));
    }

    [Fact]
    public async Task Readiness_turns_unhealthy_beyond_the_allowed_lag_names_the_follower_and_recovers_when_it_catches_up()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, Settings("node-ready", new() { ["Smile:Health:MaxOutboxLag"] = "2" }));
        var healthyAtStart = await HealthAnswer.StatusAsync(cms.Client);

        await SaveDraftsAsync(cms, 3);
        using var lagging = await cms.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonNode.Parse(await lagging.Content.ReadAsStringAsync())!;
        await SearchAsync(cms);
        var recovered = await Eventually.UntilAsync(() => HealthAnswer.StatusAsync(cms.Client), status => status == "Healthy");

        Assert.Equal("Healthy", healthyAtStart);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lagging.StatusCode);
        Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
        var check = body["checks"]!["outbox-lag"]!;
        Assert.Equal("Unhealthy", check["status"]!.GetValue<string>());
        Assert.Contains("search@node-ready is 3 events behind", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, check["data"]!["search@node-ready"]!.GetValue<long>());
        Assert.Equal("Healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", recovered);
    }

    [Fact]
    public async Task With_the_lag_status_set_to_degraded_a_lagging_node_stays_in_service_and_says_why()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, Settings("node-degraded", new()
        {
            ["Smile:Health:MaxOutboxLag"] = "1",
            ["Smile:Health:OutboxLagStatus"] = "Degraded",
        }));

        await SaveDraftsAsync(cms, 2);
        using var lagging = await cms.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await lagging.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, lagging.StatusCode);
        Assert.Equal("Degraded", HealthAnswer.StatusOf(body));
        Assert.Contains("search@node-degraded is 2 events behind", body, StringComparison.Ordinal);
    }

    private static Task SaveDraftsAsync(RunningCms cms, int count) =>
        cms.Services.GetRequiredService<ContentService>().RunAsync(Actor.System, async e =>
        {
            for (var i = 0; i < count; i++)
            {
                await e.CreateAsync("NewsArticle", "de", new ContentInput { Title = $"Entwurf {i} {Guid.NewGuid():N}", Fields = new JsonObject { ["teaser"] = "Noch nicht veröffentlicht." } });
            }
        });

    private static async Task SearchAsync(RunningCms cms)
    {
        var answer = await cms.QueryAsync("{ search(query: \"Rostock\") { totalCount } }");
        Assert.True(answer.Errors is null, JsonSerializer.Serialize(answer.Body));
    }
}
