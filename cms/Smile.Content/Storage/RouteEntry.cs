namespace Smile.Content.Storage;

/// <summary>
/// A path in a culture, reserved by an item: the path of its latest or published version, or one it
/// had while public (kept, so old links can redirect and no other item takes it).
/// </summary>
public sealed record RouteEntry(string Culture, string Path, string ItemId, bool WasPublic);
