using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Smile.Benchmarks.Ingestion;

/// <summary>Publishes a burst of observations with QoS 1, 1,000 in flight at a time.</summary>
internal static class Flood
{
    public const string Datastream = "datastream-dierkow-bodenfeuchte";

    public static async Task<double> PublishAsync(int port, int messages)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-sensor-" + Guid.NewGuid().ToString("N")[..6]).Build());
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var clock = Stopwatch.StartNew();
        for (var offset = 0; offset < messages; offset += 1000)
        {
            await Task.WhenAll(Enumerable.Range(offset, Math.Min(1000, messages - offset)).Select(i => client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic($"v1.1/Datastreams({Datastream})/Observations")
                .WithPayload(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"phenomenonTime\": \"{start.AddSeconds(i):yyyy-MM-dd'T'HH:mm:ss'Z'}\", \"result\": {i % 50}.5}}")))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build())));
        }

        var published = messages / clock.Elapsed.TotalSeconds;
        await client.DisconnectAsync();
        return published;
    }
}
