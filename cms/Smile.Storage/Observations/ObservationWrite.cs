using Smile.Content.Observations;

namespace Smile.Storage.Observations;

/// <summary>An observation to store, with the sender's own message identity when it has one.</summary>
public sealed record ObservationWrite(Observation Observation, string? SourceKey = null);

/// <summary>A message that cannot be stored, and why.</summary>
public sealed record DeadLetter(string Source, string Address, string Payload, string Reason);

/// <summary>What one committed batch did.</summary>
public sealed record StoredBatch(int Stored, int Duplicates, int DeadLetters);
