using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Smile.Ingestion.Tests;

/// <summary>A sensor's side: publishes with QoS 1 and waits for the broker's acknowledgement.</summary>
public sealed class Publisher : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private Publisher(IMqttClient client) => _client = client;

    public static async Task<Publisher> ConnectAsync(int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("sensor-" + Guid.NewGuid().ToString("N")[..8]).Build());
        return new Publisher(client);
    }

    public Task PublishAsync(string topic, string payload) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}
