namespace Smile.Ingestion.Pipeline;

/// <summary>A message as it arrived, before parsing: what a dead letter keeps and a replay parses again.</summary>
/// <param name="Address">The MQTT topic or HTTP path: SensorThings topics carry the datastream id.</param>
public sealed record IngestionMessage(MessageFormat Format, string Address, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Set when the message is a dead letter being replayed.</summary>
    public long? ReplayOf { get; init; }

    /// <summary>Which way it came in, for the metrics.</summary>
    public IngestionSource Source { get; init; }
}

public enum MessageFormat
{
    /// <summary>An OGC SensorThings Observation as JSON.</summary>
    SensorThings,

    /// <summary>A The Things Stack v3 uplink message.</summary>
    TheThingsStack,
}
