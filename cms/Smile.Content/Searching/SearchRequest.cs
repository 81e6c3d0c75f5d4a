namespace Smile.Content.Searching;

/// <summary>What a caller searches for.</summary>
public sealed record SearchRequest
{
    /// <summary>The words as typed: quotes make phrases; anything else is taken as plain words.</summary>
    public required string Query { get; init; }

    public string Culture { get; init; } = "de";

    /// <summary>Content type names to search in; empty for all.</summary>
    public IReadOnlyCollection<string> ContentTypes { get; init; } = [];

    public SearchScope Scope { get; init; } = SearchScope.Published;

    public int Offset { get; init; }

    public int Take { get; init; } = 20;

    /// <summary>
    /// The outbox position the answer must reflect: the search waits (briefly) until its index has read that
    /// far, so an answer cached under a content state holds what that state holds.
    /// </summary>
    public long? ConsistentWith { get; init; }
}
