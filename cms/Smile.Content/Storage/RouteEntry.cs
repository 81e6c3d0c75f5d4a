namespace Smile.Content.Storage;

/// <summary>A path in a culture, owned by an item: its current path, or one it had before (kept for redirects).</summary>
public sealed record RouteEntry(string Culture, string Path, string ItemId, bool IsCurrent);
