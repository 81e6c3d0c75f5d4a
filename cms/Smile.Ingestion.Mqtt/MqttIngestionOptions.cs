namespace Smile.Ingestion.Mqtt;

/// <summary>The <c>Smile:Ingestion:Mqtt</c> section.</summary>
public sealed class MqttIngestionOptions
{
    public const string Section = "Smile:Ingestion:Mqtt";

    public bool Enabled { get; set; }

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 1883;

    public bool UseTls { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Fixed, so the broker keeps the session (and the messages for it) while the CMS is away.</summary>
    public string ClientId { get; set; } = "smile-cms";

    /// <summary>How long the broker keeps the session and its queued messages after a disconnect.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Unacknowledged messages the broker may send at once (MQTT 5 receive maximum): the room a batch has.</summary>
    public int ReceiveMaximum { get; set; } = 5_000;

    /// <summary>SensorThings topics (<c>v1.1/Datastreams(&lt;id&gt;)/Observations</c>) and The Things Stack uplinks (<c>v3/...</c>).</summary>
    public List<string> Topics { get; set; } = ["v1.1/+/Observations", "v1.1/Observations", "v3/+/devices/+/up"];

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a standby node tries for the lease: the longest ingestion pauses after the active node dies.</summary>
    public TimeSpan StandbyRetry { get; set; } = TimeSpan.FromSeconds(15);
}
