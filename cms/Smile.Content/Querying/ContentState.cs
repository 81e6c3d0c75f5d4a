namespace Smile.Content.Querying;

/// <summary>Where content stands: the last outbox sequence and the schema version.</summary>
/// <param name="ObservationBatches">Moves when sensor readings are stored, which is no content change but changes answers.</param>
public sealed record ContentState(long OutboxPosition, long SchemaVersion, long ObservationBatches = 0);
