using NetVips;

namespace Smile.Media.Images;

internal static class ImageEncoder
{
    public static byte[] Encode(Image image, DerivativeFormat format, EncoderSettings settings)
    {
        if (format == DerivativeFormat.Jpeg)
        {
            using var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();
            return flat.JpegsaveBuffer(q: settings.JpegQuality, optimizeCoding: true, interlace: true, keep: Enums.ForeignKeep.None);
        }

        if (format == DerivativeFormat.WebP)
        {
            return image.WebpsaveBuffer(q: settings.WebpQuality, effort: 4, keep: Enums.ForeignKeep.None);
        }

        // AVIF encodes slowly; effort 2 keeps a first request within a second or two for 1920 pixels.
        return image.HeifsaveBuffer(q: settings.AvifQuality, compression: Enums.ForeignHeifCompression.Av1, effort: 2, keep: Enums.ForeignKeep.None);
    }
}
