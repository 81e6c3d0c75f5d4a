namespace Smile.Storage.Observations;

/// <summary>
/// A message that could not be stored, kept whole with the reason, so an editor can see it and replay it
/// after the cause is fixed (a datastream created, a mapping corrected).
/// </summary>
public sealed class DeadLetterRow
{
    public long Id { get; set; }

    /// <summary>Which way in and which format: <c>sta-mqtt</c>, <c>tts-mqtt</c>, <c>sta-http</c>, <c>tts-webhook</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The MQTT topic or HTTP path it arrived on: it may carry the datastream id.</summary>
    public required string Address { get; init; }

    public required string Payload { get; init; }

    public required string Reason { get; set; }

    public DateTime ReceivedAt { get; init; }

    /// <summary>When a replay stored it; null while it waits.</summary>
    public DateTime? ReplayedAt { get; set; }
}
