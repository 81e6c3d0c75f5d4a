using Smile.Content.Observations;

namespace Smile.Storage.Observations;

/// <summary>What a batch adds to one aggregate row: summed up in memory, so each row is written once per batch.</summary>
public sealed class AggregateDelta(string datastreamId, string resolution, long bucketStartMs)
{
    public string DatastreamId { get; } = datastreamId;

    public string Resolution { get; } = resolution;

    public long BucketStartMs { get; } = bucketStartMs;

    public long Count { get; private set; }

    public double Total { get; private set; }

    public double Minimum { get; private set; } = double.MaxValue;

    public double Maximum { get; private set; } = double.MinValue;

    public static List<AggregateDelta> From(IEnumerable<ObservationWrite> inserted)
    {
        var deltas = new Dictionary<(string, string, long), AggregateDelta>();
        foreach (var write in inserted)
        {
            var observation = write.Observation;
            Add(deltas, observation.DatastreamId, ObservationAggregateRow.Hour, ObservationBuckets.HourStart(observation.PhenomenonTime), observation.Result);
            Add(deltas, observation.DatastreamId, ObservationAggregateRow.Day, ObservationBuckets.DayStart(observation.PhenomenonTime), observation.Result);
        }

        return [.. deltas.Values];
    }

    private static void Add(Dictionary<(string, string, long), AggregateDelta> deltas, string datastreamId, string resolution, DateTime bucketStart, double value)
    {
        var start = UnixMs.From(bucketStart);
        if (!deltas.TryGetValue((datastreamId, resolution, start), out var delta))
        {
            delta = new AggregateDelta(datastreamId, resolution, start);
            deltas[(datastreamId, resolution, start)] = delta;
        }

        delta.Count++;
        delta.Total += value;
        delta.Minimum = Math.Min(delta.Minimum, value);
        delta.Maximum = Math.Max(delta.Maximum, value);
    }
}
