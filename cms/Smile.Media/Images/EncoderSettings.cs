namespace Smile.Media.Images;

/// <summary>Quality per format; metadata (EXIF, GPS, XMP, ICC) is never copied into a derivative.</summary>
public sealed record EncoderSettings(int JpegQuality = 80, int WebpQuality = 78, int AvifQuality = 55);
