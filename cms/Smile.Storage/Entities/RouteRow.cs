namespace Smile.Storage.Entities;

/// <summary>A path in a culture and the item that owns it, now or in the past. Unique per culture.</summary>
public sealed class RouteRow
{
    public required string Culture { get; set; }

    public required string Path { get; set; }

    public required string ItemId { get; set; }

    public bool IsCurrent { get; set; }

    public DateTime ChangedAt { get; set; }
}
