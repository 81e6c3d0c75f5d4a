namespace Smile.Ingestion.Pipeline;

/// <summary>What became of one message once its batch was committed.</summary>
public sealed record IngestionOutcome(IngestionResult Result, int Stored, string? Reason = null)
{
    public static IngestionOutcome DeadLettered(string reason) => new(IngestionResult.DeadLettered, 0, reason);
}

public enum IngestionResult
{
    /// <summary>Every observation of the message was new and is stored.</summary>
    Stored,

    /// <summary>Stored before (a redelivery); nothing changed.</summary>
    Duplicate,

    /// <summary>Not storable: kept as a dead letter with the reason (or, for a replay, left as it was).</summary>
    DeadLettered,
}
