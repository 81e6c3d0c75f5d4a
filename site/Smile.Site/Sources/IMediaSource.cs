namespace Smile.Site.Sources;

/// <summary>
/// Where the generator fetches the media files its pages use (<c>/media/{id}/{width}.webp</c>, captions,
/// documents), so the site serves them itself and never hot-links the CMS. A content source that can also
/// deliver media implements this too.
/// </summary>
public interface IMediaSource
{
    /// <summary>Copies the file at <paramref name="path"/> into <paramref name="destination"/>; false when the CMS has no public file there.</summary>
    Task<bool> CopyMediaAsync(string path, Stream destination, CancellationToken cancellationToken);
}
