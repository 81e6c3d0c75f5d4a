namespace Smile.Content.Querying;

/// <summary>Where content stands: the last outbox sequence and the schema version.</summary>
public sealed record ContentState(long OutboxPosition, long SchemaVersion);
