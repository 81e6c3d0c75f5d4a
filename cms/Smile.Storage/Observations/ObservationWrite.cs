using Smile.Content.Observations;

namespace Smile.Storage.Observations;

/// <summary>An observation to store, with the sender's own message identity when it has one.</summary>
public sealed record ObservationWrite(Observation Observation, string? SourceKey = null);

/// <summary>A message that cannot be stored, and why.</summary>
public sealed record DeadLetter(string Source, string Address, string Payload, string Reason);

/// <summary>What one committed batch did: the observations that were new (the same instances as given), and how many were not.</summary>
public sealed record StoredBatch(IReadOnlyList<ObservationWrite> Inserted, int Duplicates, int DeadLetters)
{
    public int Stored => Inserted.Count;
}
