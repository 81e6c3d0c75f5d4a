using System.Net;
using MQTTnet;
using MQTTnet.Protocol;

namespace Smile.Cms.ScaleOutTests;

/// <remarks>One pair of nodes for the class; a test that kills a node starts it again before it ends.</remarks>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const string LatestNews = "{ newsArticles(first: 1) { nodes { id title } } }";
    private const string SoilMoisture = "datastream-dierkow-bodenfeuchte";

    [Fact]
    public async Task An_item_published_on_one_node_is_served_by_the_other_with_a_new_etag_without_waiting_for_its_cache()
    {
        using var editor = await EditorClient.SignInAsync(nodes.A, TwoNodes.AdminEmail, nodes.AdminPassword);
        var before = await AnonymousGraphQL.GetAsync(nodes.B, LatestNews);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.NotModified, (await AnonymousGraphQL.GetAsync(nodes.B, LatestNews, before.ETag)).Status);

        var title = "Neue Bänke am Stadthafen " + Words.Random();
        var id = await editor.CreateNewsAsync(nodes.A, title, publish: true);

        // The nodes trust a cached state for ten minutes here: only the commit's signal can refresh B this soon.
        var after = await Eventually.UntilAsync(() => AnonymousGraphQL.GetAsync(nodes.B, LatestNews, before.ETag), a => a.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.NotEqual(before.ETag, after.ETag);
        Assert.Equal(id, (string?)after.Body!["data"]!["newsArticles"]!["nodes"]![0]!["id"]);
        Assert.Equal(title, (string?)after.Body!["data"]!["newsArticles"]!["nodes"]![0]!["title"]);
        Assert.Equal(HttpStatusCode.NotModified, (await AnonymousGraphQL.GetAsync(nodes.B, LatestNews, after.ETag)).Status);
    }

    [Fact]
    public async Task A_content_type_imported_with_one_nodes_settings_is_in_the_other_nodes_schema()
    {
        const string Query = "{ __type(name: \"Marktstand\") { name fields { name } } }";
        Assert.Null((await AnonymousGraphQL.PostAsync(nodes.B, Query))["data"]!["__type"]);
        var recipe = Path.Combine(Path.GetTempPath(), "marktstand-" + Guid.NewGuid().ToString("N")[..8] + ".recipe.json");
        await File.WriteAllTextAsync(recipe, """
            {
              "name": "marktstaende",
              "contentTypes": [
                {
                  "name": "Marktstand",
                  "displayName": "Marktstände",
                  "settings": { "creatable": true, "listable": true, "versionable": true },
                  "pathPattern": "/marktstaende/{slug}",
                  "parts": ["Title", "Autoroute"],
                  "fields": [ { "name": "angebot", "displayName": "Angebot", "kind": "Text", "settings": { "maxLength": 300 } } ]
                }
              ]
            }
            """);
        try
        {
            var (exitCode, output) = await CmsNode.RunCommandAsync(nodes.A.Settings, "recipe", "import", recipe);
            Assert.True(exitCode == 0, output);
        }
        finally
        {
            File.Delete(recipe);
        }

        var type = await Eventually.UntilAsync(() => AnonymousGraphQL.PostAsync(nodes.B, Query), r => r["data"]?["__type"] is not null, TimeSpan.FromSeconds(15));
        Assert.Contains("angebot", type["data"]!["__type"]!["fields"]!.AsArray().Select(f => (string?)f!["name"]));
    }

    [Fact]
    public async Task An_item_published_on_one_node_is_found_by_the_other_nodes_search()
    {
        using var editor = await EditorClient.SignInAsync(nodes.A, TwoNodes.AdminEmail, nodes.AdminPassword);
        var word = Words.Random();
        var id = await editor.CreateNewsAsync(nodes.A, "Lesepicknick im Stadtpark " + word, publish: true);

        var query = $$"""{ search(query: "{{word}}") { totalCount edges { node { id } } } }""";
        var found = await Eventually.UntilAsync(() => AnonymousGraphQL.PostAsync(nodes.B, query), r => (int?)r["data"]?["search"]?["totalCount"] > 0, TimeSpan.FromSeconds(20));
        Assert.Equal(id, (string?)found["data"]!["search"]!["edges"]![0]!["node"]!["id"]);
    }

    [Fact]
    public async Task A_scheduled_publication_runs_once_with_both_nodes_schedulers_running()
    {
        using var editor = await EditorClient.SignInAsync(nodes.A, TwoNodes.AdminEmail, nodes.AdminPassword);
        var first = await ScheduleAsync(editor, "Sommerfest im Stadtlabor " + Words.Random(), TimeSpan.FromSeconds(2));
        var second = await ScheduleAsync(editor, "Herbstmarkt in Dierkow " + Words.Random(), TimeSpan.FromSeconds(4));

        // Both nodes' schedulers tick every 0.3 s: by the time the second item is published, each has had
        // several chances to publish the first one again.
        await Eventually.UntilAsync(() => nodes.Database.OutboxEventsAsync(second, "Published"), n => n > 0, TimeSpan.FromSeconds(30));

        foreach (var id in new[] { first, second })
        {
            Assert.Equal(1, await nodes.Database.OutboxEventsAsync(id, "Published"));
            Assert.Equal(1, await nodes.Database.AuditEntriesAsync(id, "published"));
        }
    }

    [Fact]
    public async Task A_webhook_is_delivered_once_with_both_nodes_following_the_outbox()
    {
        using var editor = await EditorClient.SignInAsync(nodes.A, TwoNodes.AdminEmail, nodes.AdminPassword);
        var first = await editor.CreateNewsAsync(nodes.A, "Radtour durch Schmarl " + Words.Random(), publish: true);
        await Eventually.UntilAsync(() => Task.FromResult(nodes.Receiver.Deliveries), d => d.Any(x => x.Body.Contains(first, StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        // A later change, published on the other node, delivered after the first: any repeat of the first would be in by now.
        var second = await editor.CreateNewsAsync(nodes.B, "Baumpflanzung in Lütten Klein " + Words.Random(), publish: true);
        var deliveries = await Eventually.UntilAsync(() => Task.FromResult(nodes.Receiver.Deliveries), d => d.Any(x => x.Body.Contains(second, StringComparison.Ordinal)), TimeSpan.FromSeconds(30));

        Assert.Single(deliveries, d => d.Body.Contains(first, StringComparison.Ordinal));
        Assert.Single(deliveries, d => d.Body.Contains(second, StringComparison.Ordinal));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_mqtt_client_runs_on_one_node_and_moves_to_the_other_when_that_node_is_killed()
    {
        var holders = await Eventually.UntilAsync(() => nodes.Database.LeaseHoldersAsync("mqtt-ingestion"), h => h.Count > 0, TimeSpan.FromSeconds(30));
        var active = nodes.NodeNamed(Assert.Single(holders));
        var survivor = nodes.Other(active);
        var before = await nodes.Database.ObservationsAsync(SoilMoisture);
        var start = DateTime.UtcNow.AddHours(-2).AddMilliseconds(-DateTime.UtcNow.Millisecond);
        const int PerPhase = 300;
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", nodes.Broker.Port).WithClientId("sensor-" + Guid.NewGuid().ToString("N")[..8]).Build());
        try
        {
            await PublishAsync(client, start, 0, PerPhase);
            await Eventually.UntilAsync(() => nodes.Database.ObservationsAsync(SoilMoisture), n => n >= before + PerPhase, TimeSpan.FromSeconds(30));

            await active.KillAsync();
            await PublishAsync(client, start, PerPhase, PerPhase);
            var stored = await Eventually.UntilAsync(() => nodes.Database.ObservationsAsync(SoilMoisture), n => n >= before + (2 * PerPhase), TimeSpan.FromSeconds(60));

            Assert.Equal(before + (2 * PerPhase), stored);
            Assert.Equal(stored, await nodes.Database.AggregatedObservationsAsync(SoilMoisture));
            Assert.Equal(new[] { FixtureName(survivor) }, await nodes.Database.LeaseHoldersAsync("mqtt-ingestion"));
        }
        finally
        {
            await client.DisconnectAsync();
            client.Dispose();
            if (active.HasExited)
            {
                await nodes.RestartAsync(active);
            }
        }
    }

    [Fact]
    public async Task A_sign_in_on_one_node_is_valid_on_the_other()
    {
        using var editor = await EditorClient.SignInAsync(nodes.A, TwoNodes.AdminEmail, nodes.AdminPassword);
        var title = "Entwurf zum Klimaplan " + Words.Random();
        var id = await editor.CreateNewsAsync(nodes.A, title, publish: false);

        var (status, html) = await editor.GetAsync(nodes.B, $"/admin/content/item/{id}");
        var draft = await editor.GraphQLAsync(nodes.B, $$"""{ node(id: "{{id}}", status: LATEST) { title } }""");
        var anonymous = await AnonymousGraphQL.PostAsync(nodes.B, $$"""{ node(id: "{{id}}", status: LATEST) { title } }""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, html);
        Assert.Equal(title, (string?)draft["data"]!["node"]!["title"]);
        Assert.Null(anonymous["data"]?["node"]);
    }

    private async Task<string> ScheduleAsync(EditorClient editor, string title, TimeSpan after)
    {
        var id = await editor.CreateNewsAsync(nodes.A, title, publish: false);
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow + after, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        using var response = await editor.PostFormAsync(nodes.A, $"/admin/content/item/{id}?handler=schedule", new() { ["at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) }, tokenFrom: $"/admin/content/item/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return id;
    }

    private static async Task PublishAsync(IMqttClient client, DateTime start, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            var payload = $$"""{"phenomenonTime": "{{start.AddSeconds(i):yyyy-MM-dd'T'HH:mm:ss'Z'}}", "result": {{i % 50}}}""";
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"v1.1/Datastreams({SoilMoisture})/Observations")
                .WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        }
    }

    private string FixtureName(CmsNode node) => TwoNodes.ApplicationName(node == nodes.A ? "a" : "b");
}
