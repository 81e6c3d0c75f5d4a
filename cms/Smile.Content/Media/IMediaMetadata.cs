namespace Smile.Content.Media;

/// <summary>The stored facts about media assets that readers of content need (the API's <c>width</c> and <c>height</c>).</summary>
public interface IMediaMetadata
{
    /// <summary>One round trip for any number of ids; ids that are unknown or not images are left out.</summary>
    Task<IReadOnlyDictionary<string, MediaDimensions>> DimensionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>An image's size as displayed (EXIF orientation applied), in pixels.</summary>
public sealed record MediaDimensions(int Width, int Height);
