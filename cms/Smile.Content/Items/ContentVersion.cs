using System.Text.Json.Nodes;

namespace Smile.Content.Items;

/// <summary>
/// One saved state of an item. Versions are written once and never edited, except for the
/// Latest/Published flags, which move as the item is saved and published.
/// </summary>
public sealed class ContentVersion
{
    public long Id { get; set; }

    public required string ItemId { get; init; }

    public required int Number { get; init; }

    public required string ContentType { get; init; }

    public required string Culture { get; init; }

    /// <summary>Shared by the item's translations; copied from the item so reads need no join.</summary>
    public required string LocalizationSet { get; init; }

    public required string Title { get; init; }

    public string? Slug { get; init; }

    public string? Path { get; init; }

    /// <summary>Field values as stored (normalized by the field handlers; Markdown carries its rendered HTML).</summary>
    public required JsonObject Fields { get; init; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public required string OwnerId { get; init; }

    public required string ModifiedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ModifiedAt { get; init; }

    /// <summary>When this version went live; null for a version that never was.</summary>
    public DateTime? PublishedAt { get; set; }
}
