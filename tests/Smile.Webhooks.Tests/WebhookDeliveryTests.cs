using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Security;
using Smile.Storage.Webhooks;
using Smile.Webhooks.Dashboard;
using Smile.Webhooks.Sending;
using static Smile.Webhooks.Tests.WebhookCms;

namespace Smile.Webhooks.Tests;

/// <summary>Public content events reach a real receiver as debounced, signed deliveries: exactly once, through failures and restarts.</summary>
public sealed class WebhookDeliveryTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_receiver_that_fails_twice_then_succeeds_gets_exactly_one_signed_delivery_for_a_burst_of_publishes(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext(2);
        await using var cms = await RunningCms.StartAsync(databases, provider, Settings(receiver.Url));

        var ids = await PublishAsync(cms.Services, "Stadtlabor öffnet", "Neue Sensoren in Schmarl", "Barcamp im Mai");
        await WaitUntilAsync(async () => (await DeliveriesAsync(cms.Services)).Any(d => d.State == WebhookDeliveryState.Delivered), () => $"{receiver.Requests.Count} requests");
        await WaitUntilAsync(() => CaughtUpAsync(cms.Services), () => "follower behind");

        var delivery = Assert.Single(await DeliveriesAsync(cms.Services));
        Assert.Equal(WebhookDeliveryState.Delivered, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal([500, 500, 200], receiver.Requests.Select(r => r.AnsweredWith));
        Assert.All(receiver.Requests, r => Assert.Equal(delivery.Id, r.DeliveryId));
        var accepted = Assert.Single(receiver.Accepted);
        Assert.Equal("application/json; charset=utf-8", accepted.ContentType);
        Assert.True(WebhookSignature.Verify(Secret, accepted.Timestamp, accepted.Body, accepted.Signature), accepted.Signature);
        Assert.False(WebhookSignature.Verify(Secret + "x", accepted.Timestamp, accepted.Body, accepted.Signature));
        Assert.False(WebhookSignature.Verify(Secret, (long.Parse(accepted.Timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), accepted.Body, accepted.Signature));

        var payload = JsonNode.Parse(accepted.Body)!;
        Assert.Equal(delivery.Id, (string?)payload["id"]);
        Assert.Equal(ids, payload["items"]!.AsArray().Select(i => (string?)i!["id"]));
        Assert.All(payload["items"]!.AsArray(), i => Assert.Equal(["published"], i!["kinds"]!.AsArray().Select(k => (string?)k)));
        Assert.Equal(delivery.FirstSequence, (long)payload["outbox"]!["from"]!);
        Assert.Equal(delivery.LastSequence, (long)payload["outbox"]!["to"]!);
        Assert.Equal(3, payload["events"]!.AsArray().Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_restart_between_the_failures_and_the_success_loses_nothing_and_sends_nothing_twice(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        await using var installation = await CmsInstallation.CreateAsync(databases, provider, Settings(receiver.Url));
        IReadOnlyList<string> ids;
        string deliveryId;
        using (var first = installation.Start())
        {
            ids = await PublishAsync(first.Services, "Gemeinschaftsgarten sucht Hände", "Marktkante wird eröffnet");
            await WaitUntilAsync(async () => (await DeliveriesAsync(first.Services)).Any(d => d.Attempts >= 2), () => $"{receiver.Requests.Count} requests");
            deliveryId = Assert.Single(await DeliveriesAsync(first.Services)).Id;
        }

        receiver.Down = false;
        using var second = installation.Start();
        await WaitUntilAsync(async () => (await DeliveriesAsync(second.Services)).All(d => d.State == WebhookDeliveryState.Delivered), () => $"{receiver.Requests.Count} requests");

        var delivery = Assert.Single(await DeliveriesAsync(second.Services));
        Assert.Equal(deliveryId, delivery.Id);
        Assert.True(receiver.Requests.Count >= 3, $"{receiver.Requests.Count} requests");
        Assert.All(receiver.Requests, r => Assert.Equal(deliveryId, r.DeliveryId));
        var accepted = Assert.Single(receiver.Accepted);
        Assert.True(WebhookSignature.Verify(Secret, accepted.Timestamp, accepted.Body, accepted.Signature));
        Assert.Equal(ids, JsonNode.Parse(accepted.Body)!["items"]!.AsArray().Select(i => (string?)i!["id"]));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Saving_drafts_sends_nothing(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var cms = await RunningCms.StartAsync(databases, provider, Settings(receiver.Url));
        var content = cms.Services.GetRequiredService<Smile.Content.Editing.ContentService>();

        await content.RunAsync(Actor.System, async e =>
        {
            var draft = await e.CreateAsync("NewsArticle", "de", new Smile.Content.Items.ContentInput { Title = "Noch nicht fertig", Fields = new JsonObject { ["teaser"] = "Entwurf" } }, id: "news-entwurf-webhook");
            await e.SaveDraftAsync("news-entwurf-webhook", draft.Number, new Smile.Content.Items.ContentInput { Title = "Immer noch nicht fertig", Fields = new JsonObject { ["teaser"] = "Entwurf 2" } });
        });
        await WaitUntilAsync(() => CaughtUpAsync(cms.Services), () => "follower behind");

        Assert.Empty(await DeliveriesAsync(cms.Services));
        Assert.Empty(receiver.Requests);

        // The follower is alive: a publish afterwards is delivered, and names only what was published.
        var published = await PublishAsync(cms.Services, "Jetzt veröffentlicht");
        await WaitUntilAsync(() => Task.FromResult(receiver.Accepted.Count > 0), () => "no delivery");
        var items = JsonNode.Parse(Assert.Single(receiver.Accepted).Body)!["items"]!.AsArray().Select(i => (string?)i!["id"]);
        Assert.Equal(published, items);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_receiver_down_for_good_ends_as_a_failed_delivery_editors_see_and_can_send_again(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        await using var cms = await RunningCms.StartAsync(databases, provider, Settings(receiver.Url, maxAttempts: 3));
        var dashboard = cms.Services.GetRequiredService<WebhookDeliveries>();

        await PublishAsync(cms.Services, "Delegation aus Wismar zu Gast");
        await WaitUntilAsync(async () => (await dashboard.ProblemsAsync()).Any(d => d.State == WebhookDeliveryState.Failed), () => $"{receiver.Requests.Count} requests");

        var failed = Assert.Single(await dashboard.ProblemsAsync());
        Assert.Equal("netlify", failed.Receiver);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal(503, failed.LastStatus);
        Assert.Contains("HTTP 503", failed.LastError, StringComparison.Ordinal);
        Assert.NotNull(failed.FailedAt);
        Assert.Equal(3, receiver.Requests.Count);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => dashboard.RetryAsync(failed.Id, Actor.Anonymous));
        await Assert.ThrowsAsync<Smile.Content.Items.ContentNotFoundException>(() => dashboard.RetryAsync("gibt-es-nicht", Actor.System));

        receiver.Down = false;
        var retried = await dashboard.RetryAsync(failed.Id, Actor.System);
        Assert.Equal(WebhookDeliveryState.Pending, retried.State);
        await WaitUntilAsync(async () => (await dashboard.ProblemsAsync()).Count == 0, () => $"{receiver.Requests.Count} requests");

        var delivered = Assert.Single(await dashboard.RecentAsync());
        Assert.Equal(WebhookDeliveryState.Delivered, delivered.State);
        Assert.Equal(failed.Id, Assert.Single(receiver.Accepted).DeliveryId);
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => dashboard.RetryAsync(failed.Id, Actor.System));
        Assert.Contains("bereits zugestellt", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_without_a_secret_stops_the_start_with_a_message_naming_the_setting()
    {
        var settings = Settings("https://api.netlify.com/build_hooks/abc");
        settings["Smile:Webhooks:Receivers:0:Secret"] = "";
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite, settings);

        var refused = Assert.ThrowsAny<Exception>(() => installation.Start());

        Assert.Contains("Smile:Webhooks:Receivers:0:Secret must be set", refused.ToString(), StringComparison.Ordinal);
    }
}
