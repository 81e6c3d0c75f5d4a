namespace Smile.Content.Auditing;

/// <summary>
/// Who did what to which item when. Users are referenced by id only, so their personal data can be
/// erased later while the history stays intact.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; init; }

    public required string ActorId { get; init; }

    public required string Action { get; init; }

    public string? ItemId { get; init; }

    public string? ContentType { get; init; }

    public int? Version { get; init; }

    public IReadOnlyList<string> ChangedFields { get; init; } = [];

    public string? Note { get; init; }
}
