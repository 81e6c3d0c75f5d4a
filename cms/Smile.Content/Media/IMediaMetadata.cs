namespace Smile.Content.Media;

/// <summary>The stored facts about media assets that readers of content need (the API's <c>width</c>, <c>height</c>, <c>contentType</c>).</summary>
public interface IMediaMetadata
{
    /// <summary>One round trip for any number of ids; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<string, MediaFacts>> DescribeAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>
/// What a media asset is (detected from its bytes), the extension that goes with it (for file URLs that static
/// hosts serve with the right type), and for images the size as displayed, in pixels.
/// </summary>
public sealed record MediaFacts(string ContentType, string Extension, int? Width, int? Height);
