namespace Smile.Ingestion;

/// <summary>The <c>Smile:Ingestion</c> section: what every way in shares.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Smile:Ingestion";

    /// <summary>Messages waiting for the writer; a full queue makes senders wait (back-pressure), memory stays bounded.</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>At most this many messages are committed in one transaction.</summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>How far in the future a phenomenon time may lie (sensor clocks drift); later ones are dead letters.</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(10);

    public TheThingsStackOptions TheThingsStack { get; set; } = new();
}

/// <summary>How The Things Stack uplinks map onto datastreams.</summary>
public sealed class TheThingsStackOptions
{
    /// <summary>By device id: which datastream each <c>decoded_payload</c> key feeds.</summary>
    public Dictionary<string, TheThingsStackDevice> Devices { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>ReceivedAt</c> (the network server's clock, the default) or <c>GatewayTime</c> (<c>rx_metadata[0].time</c>).</summary>
    public TheThingsStackTime PhenomenonTime { get; set; } = TheThingsStackTime.ReceivedAt;

    /// <summary>The value of the webhook's <c>X-Smile-Webhook-Secret</c> header; the webhook is refused while it is empty.</summary>
    public string? WebhookSecret { get; set; }
}

public sealed class TheThingsStackDevice
{
    /// <summary><c>decoded_payload</c> key → datastream id. Keys not listed (battery, RSSI, ...) are ignored.</summary>
    public Dictionary<string, string> Datastreams { get; set; } = new(StringComparer.Ordinal);
}

public enum TheThingsStackTime
{
    ReceivedAt,
    GatewayTime,
}
