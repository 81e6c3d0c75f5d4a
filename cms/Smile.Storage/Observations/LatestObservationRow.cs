namespace Smile.Storage.Observations;

/// <summary>The newest observation per datastream, so "current value" is one key lookup.</summary>
public sealed class LatestObservationRow
{
    public required string DatastreamId { get; init; }

    public long PhenomenonTimeMs { get; init; }

    public long? ResultTimeMs { get; init; }

    public double Result { get; init; }
}
