namespace Smile.Content.Events;

/// <summary>
/// One entry of the outbox. Written in the same transaction as the change it describes; the sequence is
/// assigned at commit, gapless and in commit order, so followers read <c>sequence &gt; last seen</c>.
/// </summary>
public sealed class ContentEvent
{
    public long Sequence { get; set; }

    public required ContentEventKind Kind { get; init; }

    public string? ItemId { get; init; }

    public string? ContentType { get; init; }

    public string? Culture { get; init; }

    public int? Version { get; init; }

    public string? Path { get; init; }

    public string? PreviousPath { get; init; }

    /// <summary>Set on content type changes: the schema version after the change.</summary>
    public long? SchemaVersion { get; init; }

    /// <summary>
    /// Whether the public change feed lists it: publishing, unpublishing, slug and type changes, and the
    /// deletion of items that were live. Saving or deleting a draft is nobody's business outside the CMS.
    /// </summary>
    public bool Public { get; init; }

    public required string ActorId { get; init; }

    public DateTime OccurredAt { get; init; }
}
