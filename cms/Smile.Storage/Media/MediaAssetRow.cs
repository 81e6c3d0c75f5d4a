namespace Smile.Storage.Media;

/// <summary>
/// One stored original. The id is the SHA-256 of its bytes (lower-case hex), so the same file uploaded twice
/// is one asset and every derivative URL built from the id keeps its meaning for ever.
/// </summary>
public sealed class MediaAssetRow
{
    public required string Id { get; set; }

    /// <summary>The uploaded name, with its extension corrected to the detected type.</summary>
    public required string FileName { get; set; }

    /// <summary>Detected from the bytes, never taken from the client.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>Of the original as displayed (EXIF orientation applied); null for files that are not images.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>Where crops centre, 0..1 from the left; null means the middle.</summary>
    public double? FocalX { get; set; }

    /// <summary>Where crops centre, 0..1 from the top; null means the middle.</summary>
    public double? FocalY { get; set; }

    /// <summary>An editor's suggestion for alternative text; the text itself belongs to each use (a media field).</summary>
    public string? AltSuggestion { get; set; }

    public required string UploadedBy { get; set; }

    public DateTime UploadedAt { get; set; }
}
