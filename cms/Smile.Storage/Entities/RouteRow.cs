namespace Smile.Storage.Entities;

/// <summary>A path in a culture and the item that reserved it. Unique per culture.</summary>
public sealed class RouteRow
{
    public required string Culture { get; set; }

    public required string Path { get; set; }

    public required string ItemId { get; set; }

    /// <summary>The item was published at this path once; the path never goes to another item.</summary>
    public bool WasPublic { get; set; }

    public DateTime ChangedAt { get; set; }
}
