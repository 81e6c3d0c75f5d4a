namespace Smile.Storage.Observations;

/// <summary>
/// One stored observation. Times are Unix milliseconds (UTC): the same integer on SQLite and PostgreSQL,
/// cheap to compare and to bucket, and what hand-written SQL on the hot path binds without conversion.
/// </summary>
public sealed class ObservationRow
{
    public required string DatastreamId { get; init; }

    public long PhenomenonTimeMs { get; init; }

    public long? ResultTimeMs { get; init; }

    public double Result { get; init; }

    /// <summary>SensorThings <c>parameters</c> as JSON text, when sent.</summary>
    public string? Parameters { get; init; }

    /// <summary>
    /// The sender's own identity of the message, when it has one (The Things Stack: device, frame counter and
    /// received_at): a redelivered uplink is dropped even if its phenomenon time were taken differently.
    /// </summary>
    public string? SourceKey { get; init; }

    public long StoredAtMs { get; init; }
}
