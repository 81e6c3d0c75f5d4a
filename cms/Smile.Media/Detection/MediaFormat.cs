namespace Smile.Media.Detection;

/// <summary>A file type Smile accepts, as recognised from its first bytes.</summary>
public sealed record MediaFormat(string Name, string ContentType, string Extension, MediaKind Kind, params string[] OtherExtensions)
{
    public static readonly MediaFormat Jpeg = new("JPEG", "image/jpeg", "jpg", MediaKind.Image, "jpeg", "jpe");
    public static readonly MediaFormat Png = new("PNG", "image/png", "png", MediaKind.Image);
    public static readonly MediaFormat Gif = new("GIF", "image/gif", "gif", MediaKind.Image);
    public static readonly MediaFormat WebP = new("WebP", "image/webp", "webp", MediaKind.Image);
    public static readonly MediaFormat Avif = new("AVIF", "image/avif", "avif", MediaKind.Image);
    public static readonly MediaFormat Pdf = new("PDF", "application/pdf", "pdf", MediaKind.Document);
    public static readonly MediaFormat Mp4 = new("MP4", "video/mp4", "mp4", MediaKind.Video, "m4v");
    public static readonly MediaFormat WebM = new("WebM", "video/webm", "webm", MediaKind.Video);
    public static readonly MediaFormat WebVtt = new("WebVTT", "text/vtt", "vtt", MediaKind.Captions);

    public static IReadOnlyList<MediaFormat> All { get; } = [Jpeg, Png, Gif, WebP, Avif, Pdf, Mp4, WebM, WebVtt];

    public bool HasExtension(string extension) =>
        string.Equals(extension, Extension, StringComparison.OrdinalIgnoreCase)
        || OtherExtensions.Any(e => string.Equals(extension, e, StringComparison.OrdinalIgnoreCase));

    public static MediaFormat? ByContentType(string contentType) => All.FirstOrDefault(f => f.ContentType == contentType);
}
