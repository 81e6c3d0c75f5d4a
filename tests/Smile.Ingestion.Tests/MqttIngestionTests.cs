using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smile.Ingestion.DeadLetters;
using Smile.Ingestion.Mqtt;

namespace Smile.Ingestion.Tests;

/// <remarks>Each test has a broker of its own: a CMS subscribes to every sensor topic, and must see only its test's messages.</remarks>
public sealed class MqttIngestionTests(TestDatabases databases)
{
    private const string DatastreamQuery = """
        query($id: ID!) {
          datastream(id: $id) {
            title
            latest { result phenomenonTime }
            observations(first: 10) { phenomenonTime result }
          }
        }
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Readings_published_over_MQTT_are_read_back_through_GraphQL_and_SensorThings(string provider)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cms = await RunningCms.StartAsync(databases, provider, IngestionSettings.For(broker.Port));
        await Eventually.UntilAsync(() => Task.FromResult(cms.Services.GetRequiredService<MqttConnectionState>().IsConnected), connected => connected);
        var now = DateTime.UtcNow;
        await using (var sensor = await Publisher.ConnectAsync(broker.Port))
        {
            await sensor.PublishAsync(Payloads.Topic(Payloads.SoilMoisture), Payloads.Observation(now.AddMinutes(-2), 23.5));
            await sensor.PublishAsync($"v3/smile-dierkow@ttn/devices/{IngestionSettings.Device}/up", Payloads.Uplink(IngestionSettings.Device, now.AddMinutes(-1), 31.2, 14.5, frameCounter: 0));
        }

        var answer = await Eventually.UntilAsync(
            () => cms.QueryAsync(DatastreamQuery, new { id = Payloads.SoilMoisture }),
            r => r.Data?["datastream"]?["observations"]?.AsArray().Count == 2);
        using var sta = await cms.Client.GetAsync($"/sta/v1.1/Datastreams('{Payloads.SoilTemperature}')/Observations?$orderby=phenomenonTime%20desc&$top=1");
        var staBody = JsonNode.Parse(await sta.Content.ReadAsStringAsync())!;

        var datastream = answer.Data!["datastream"]!;
        Assert.Equal(31.2, datastream["latest"]!["result"]!.GetValue<double>());
        Assert.Equal([23.5, 31.2], datastream["observations"]!.AsArray().Select(o => o!["result"]!.GetValue<double>()));
        Assert.Equal(14.5, staBody["value"]![0]!["result"]!.GetValue<double>());
        Assert.StartsWith("http://localhost/sta/v1.1/Datastreams('datastream-dierkow-bodentemperatur')", staBody["value"]![0]!["@iot.selfLink"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_kind_of_malformed_message_becomes_a_dead_letter_with_its_reason_and_is_replayable_after_a_fix(string provider)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cms = await RunningCms.StartAsync(databases, provider, IngestionSettings.For(broker.Port));
        await Eventually.UntilAsync(() => Task.FromResult(cms.Services.GetRequiredService<MqttConnectionState>().IsConnected), connected => connected);
        var now = DateTime.UtcNow;
        await using (var sensor = await Publisher.ConnectAsync(broker.Port))
        {
            await sensor.PublishAsync(Payloads.Topic(Payloads.SoilMoisture), "{\"phenomenonTime\": \"2026-01-01T00:00:00Z\", \"result\": ");
            await sensor.PublishAsync(Payloads.Topic("datastream-neu-im-park"), Payloads.Observation(now.AddMinutes(-1), 5));
            await sensor.PublishAsync(Payloads.Topic(Payloads.SoilMoisture), Payloads.Observation(now.AddMinutes(-1), "\"nass\""));
            await sensor.PublishAsync(Payloads.Topic(Payloads.SoilMoisture), Payloads.Observation(now.AddDays(2), 20));
            await sensor.PublishAsync("v3/smile-dierkow@ttn/devices/unbekannt/up", Payloads.Uplink("unbekannt", now, 1, 2, 3));
            // NUL, raw and escaped: PostgreSQL text cannot hold it, and it must not block the batch.
            await sensor.PublishAsync(Payloads.Topic(Payloads.SoilMoisture), "\0{\"phenomenonTime\": \"\\u0000\"}");
        }

        var letters = cms.Services.GetRequiredService<DeadLetterService>();
        var waiting = await Eventually.UntilAsync(() => letters.ListAsync(), l => l.Count == 6);
        Assert.Equal(
            ["is not valid JSON", "Unknown datastream 'datastream-neu-im-park'", "must be a number", "lies in the future", "Device 'unbekannt' is not mapped", "is not valid JSON"],
            waiting.OrderBy(l => l.Id).Select(l => Matching(l.Reason, "is not valid JSON", "Unknown datastream 'datastream-neu-im-park'", "must be a number", "lies in the future", "Device 'unbekannt' is not mapped")));

        // The fix: the datastream is created by an editor; the kept message is then stored by a replay.
        await cms.Services.GetRequiredService<Smile.Content.Editing.ContentService>().RunAsync(Smile.Content.Security.Actor.System, e => e.CreateAsync("Datastream", "de", new Smile.Content.Items.ContentInput
        {
            Title = "Bodenfeuchte im Park",
            Fields = new JsonObject { ["station"] = new JsonArray("station-dierkow"), ["observedProperty"] = "Bodenfeuchte", ["unitName"] = "Prozent", ["observationType"] = "measurement" },
        }, id: "datastream-neu-im-park"));
        var unknown = waiting.Single(l => l.Reason.Contains("datastream-neu-im-park", StringComparison.Ordinal));
        var replayed = await letters.ReplayAsync(unknown.Id);
        var stillBad = await letters.ReplayAsync(waiting.Single(l => l.Reason.Contains("must be a number", StringComparison.Ordinal)).Id);

        Assert.Equal(Pipeline.IngestionResult.Stored, replayed!.Result);
        Assert.Equal(Pipeline.IngestionResult.DeadLettered, stillBad!.Result);
        Assert.Equal(5, (await letters.ListAsync()).Count);
    }

    private static string Matching(string reason, params string[] expected) => expected.FirstOrDefault(e => reason.Contains(e, StringComparison.Ordinal)) ?? reason;
}
