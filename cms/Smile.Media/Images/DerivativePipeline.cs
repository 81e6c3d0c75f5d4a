using NetVips;

namespace Smile.Media.Images;

/// <summary>
/// Renders derivatives of one original. The whole set is decoded once, with shrink-on-load straight to
/// the widest width wanted, held in memory at that size (a few megabytes), and each narrower width is
/// resized from the one before: the 24-megapixel original is never held decoded.
/// </summary>
public static class DerivativePipeline
{
    /// <summary>libvips' largest coordinate: "no limit" for the height of a width-bound thumbnail.</summary>
    private const int Unbounded = 10_000_000;

    public static IReadOnlyList<RenderedDerivative> RenderSet(string sourcePath, IReadOnlyCollection<int> widths, IReadOnlyList<DerivativeFormat> formats, EncoderSettings settings)
    {
        var descending = widths.Distinct().OrderDescending().ToList();
        var results = new List<RenderedDerivative>(descending.Count * formats.Count);
        Image? previous = null;
        try
        {
            foreach (var width in descending)
            {
                // Never upscaled: Size.Down keeps an original narrower than the width as it is.
                var next = previous is null
                    ? Image.Thumbnail(sourcePath, width, height: Unbounded, size: Enums.Size.Down, failOn: Enums.FailOn.None)
                    : previous.ThumbnailImage(width, height: Unbounded, size: Enums.Size.Down);
                using (next)
                {
                    var level = next.CopyMemory();
                    previous?.Dispose();
                    previous = level;
                }

                results.AddRange(formats.Select(format => new RenderedDerivative(width, previous.Height, format, ImageEncoder.Encode(previous, format, settings))));
            }
        }
        finally
        {
            previous?.Dispose();
        }

        return results;
    }

    /// <summary>One width, or a fixed frame (<paramref name="height"/>) cropped around the focal point.</summary>
    public static RenderedDerivative Render(string sourcePath, int width, int? height, DerivativeFormat format, EncoderSettings settings, double focalX = 0.5, double focalY = 0.5)
    {
        if (height is not { } frameHeight)
        {
            using var image = Image.Thumbnail(sourcePath, width, height: Unbounded, size: Enums.Size.Down, failOn: Enums.FailOn.None);
            return new RenderedDerivative(image.Width, image.Height, format, ImageEncoder.Encode(image, format, settings));
        }

        using var header = Image.NewFromFile(sourcePath, access: Enums.Access.Sequential);
        using var oriented = header.Autorot();
        var region = FocalCrop.Cover(oriented.Width, oriented.Height, width, frameHeight, focalX, focalY);
        using var scaled = Image.Thumbnail(sourcePath, region.ScaledWidth, height: region.ScaledHeight, size: Enums.Size.Force, failOn: Enums.FailOn.None);
        using var cropped = scaled.ExtractArea(region.Left, region.Top, region.Width, region.Height);
        return new RenderedDerivative(cropped.Width, cropped.Height, format, ImageEncoder.Encode(cropped, format, settings));
    }
}
