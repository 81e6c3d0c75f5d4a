namespace Smile.Ingestion.Datastreams;

/// <summary>What ingestion needs to know of a Datastream item.</summary>
/// <param name="ObservationType"><c>measurement</c> (any number) or <c>count</c> (a whole number, not negative).</param>
public sealed record DatastreamInfo(string Id, string StationId, string ObservationType)
{
    public const string ContentType = "Datastream";
    public const string Count = "count";
}
