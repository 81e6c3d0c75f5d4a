using Smile.Content.Items;

namespace Smile.Content.Querying;

/// <summary>A list query over items: runs in the database through the item/version, field and relation indexes.</summary>
public sealed record ContentQuery
{
    public string? ContentType { get; init; }

    public string? Culture { get; init; } = "de";

    public VersionStatus Status { get; init; } = VersionStatus.Published;

    public Filter? Where { get; init; }

    public IReadOnlyList<SortKey> OrderBy { get; init; } = [new SortKey(CommonField.PublishedAt, Descending: true)];

    /// <summary>How many matching items to pass over before the page starts.</summary>
    public int Offset { get; init; }

    public int Take { get; init; } = 20;

    /// <summary>
    /// Whether to count all matches. Counting visits every match, which on a large type costs more than
    /// the page itself: ask only when the number is shown.
    /// </summary>
    public bool IncludeTotalCount { get; init; } = true;

    /// <summary>Soft-deleted items are hidden everywhere but the admin's recycle bin.</summary>
    public bool Deleted { get; init; }
}
