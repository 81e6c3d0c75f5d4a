namespace Smile.Content.Items;

/// <summary>
/// What all versions of one item share: identity, type, culture, owner and lifecycle. The latest
/// version number doubles as the concurrency token: an edit based on an older one is a conflict.
/// </summary>
public sealed class ContentItem
{
    public required string Id { get; init; }

    public required string ContentType { get; init; }

    public required string Culture { get; init; }

    /// <summary>Items that are translations of each other share this id.</summary>
    public required string LocalizationSet { get; init; }

    public required string OwnerId { get; set; }

    public DateTime CreatedAt { get; init; }

    public int LatestVersion { get; set; }

    public int? PublishedVersion { get; set; }

    public DateTime? FirstPublishedAt { get; set; }

    /// <summary>When the latest version is to be published; the scheduler acts on it.</summary>
    public DateTime? ScheduledPublishAt { get; set; }

    public DateTime? DeletedAt { get; set; }

    /// <summary>The current public path in its culture, if the type is routable.</summary>
    public string? Path { get; set; }

    public bool IsDeleted => DeletedAt is not null;

    public bool IsPublished => PublishedVersion is not null;
}
