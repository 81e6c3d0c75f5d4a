namespace Smile.Content.Observations;

/// <summary>The readings of one datastream in one hour or day, kept current as observations arrive.</summary>
public sealed record ObservationAggregate(DateTime BucketStart, long Count, double Minimum, double Maximum, double Mean);
