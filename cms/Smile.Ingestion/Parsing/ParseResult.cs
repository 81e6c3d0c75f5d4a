using Smile.Storage.Observations;

namespace Smile.Ingestion.Parsing;

/// <summary>The observations a message carries, or why it carries none that can be stored.</summary>
public sealed record ParseResult(IReadOnlyList<ObservationWrite> Observations, string? Error)
{
    public bool IsValid => Error is null;

    public static ParseResult Of(IReadOnlyList<ObservationWrite> observations) => new(observations, null);

    public static ParseResult Fail(string reason) => new([], reason);
}
