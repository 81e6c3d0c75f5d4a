using Smile.Storage.Media;

namespace Smile.Media.Library;

/// <summary>
/// What an upload produced. <see cref="Notice"/> tells the editor what Smile corrected (a wrong extension) or
/// found (the same file was already in the library), in German; null when there is nothing to say.
/// </summary>
public sealed record MediaUploadResult(MediaAssetRow Asset, bool Created, string? Notice);
