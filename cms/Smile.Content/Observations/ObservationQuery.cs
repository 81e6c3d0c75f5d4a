namespace Smile.Content.Observations;

/// <summary>A page of one datastream's observations (or aggregates) in a half-open time range [From, To).</summary>
public sealed record ObservationQuery
{
    public required string DatastreamId { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 100;

    /// <summary>Newest first; the SensorThings default is oldest first only when asked.</summary>
    public bool NewestFirst { get; init; }
}
