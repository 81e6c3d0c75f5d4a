using Microsoft.Extensions.DependencyInjection;
using Smile.Ingestion.Mqtt;

namespace Smile.Ingestion.Tests;

public sealed class BrokerOutageTests(TestDatabases databases)
{
    private const string LatestQuery = "query($id: ID!) { datastream(id: $id) { latest { result } } }";

    [Fact]
    public async Task A_broker_outage_degrades_readiness_and_ingestion_resumes_after_the_reconnect()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var settings = IngestionSettings.For(broker.Port);
        settings["Smile:Ingestion:Mqtt:MaxReconnectDelay"] = "00:00:01";
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, settings);
        var mqtt = cms.Services.GetRequiredService<MqttConnectionState>();
        await Eventually.UntilAsync(() => Task.FromResult(mqtt.IsConnected), connected => connected);

        await broker.StopAsync();
        var duringOutage = await Eventually.UntilAsync(() => HealthAnswer.StatusAsync(cms.Client), status => status == "Degraded");
        await broker.RestartAsync();
        await Eventually.UntilAsync(() => Task.FromResult(mqtt.IsConnected), connected => connected);
        await using (var sensor = await Publisher.ConnectAsync(broker.Port))
        {
            await sensor.PublishAsync(Payloads.Topic(Payloads.SoilTemperature), Payloads.Observation(DateTime.UtcNow.AddSeconds(-5), 17.25));
        }

        var after = await Eventually.UntilAsync(
            () => cms.QueryAsync(LatestQuery, new { id = Payloads.SoilTemperature }),
            r => r.Data?["datastream"]?["latest"] is not null);
        Assert.Equal("Degraded", duringOutage);
        Assert.Equal("Healthy", await HealthAnswer.StatusAsync(cms.Client));
        Assert.Equal(17.25, after.Data!["datastream"]!["latest"]!["result"]!.GetValue<double>());
    }

    [Fact]
    public async Task Only_the_node_holding_the_lease_runs_the_MQTT_client()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite, IngestionSettings.For(broker.Port));
        await Eventually.UntilAsync(() => Task.FromResult(cms.Services.GetRequiredService<MqttConnectionState>().IsConnected), connected => connected);

        await using var secondNode = cms.Installation.Start(IngestionSettings.For(broker.Port));
        var second = secondNode.Services.GetRequiredService<MqttConnectionState>();
        var state = await Eventually.UntilAsync(() => Task.FromResult(second.State), s => s.StartsWith("standby", StringComparison.Ordinal));

        Assert.StartsWith("standby", state, StringComparison.Ordinal);
        Assert.True(cms.Services.GetRequiredService<MqttConnectionState>().IsConnected);
    }
}
