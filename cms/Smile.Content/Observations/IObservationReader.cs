namespace Smile.Content.Observations;

/// <summary>The read side of the observation store: what the API needs, nothing of how it is stored.</summary>
public interface IObservationReader
{
    /// <summary>The newest observation of each datastream that has one.</summary>
    Task<IReadOnlyDictionary<string, Observation>> LatestAsync(IReadOnlyCollection<string> datastreamIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Observation>> ListAsync(ObservationQuery query, CancellationToken cancellationToken = default);

    /// <summary>Hourly or daily aggregates as stored; <paramref name="resolution"/> must not be Raw.</summary>
    Task<IReadOnlyList<ObservationAggregate>> AggregatesAsync(ObservationQuery query, ObservationResolution resolution, CancellationToken cancellationToken = default);
}
