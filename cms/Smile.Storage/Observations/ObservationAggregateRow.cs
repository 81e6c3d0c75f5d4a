namespace Smile.Storage.Observations;

/// <summary>Count, sum, minimum and maximum of one datastream per hour ('H') or Berlin day ('D'), updated with every batch.</summary>
public sealed class ObservationAggregateRow
{
    public const string Hour = "H";
    public const string Day = "D";

    public required string DatastreamId { get; init; }

    public required string Resolution { get; init; }

    public long BucketStartMs { get; init; }

    public long ObservationCount { get; init; }

    public double Total { get; init; }

    public double Minimum { get; init; }

    public double Maximum { get; init; }
}
