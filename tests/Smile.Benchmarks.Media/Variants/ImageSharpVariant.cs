using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Smile.Benchmarks.Media.Variants;

/// <summary>ImageSharp as its documentation shows it: decode the original, clone-resize per width, save each format.</summary>
internal sealed class ImageSharpVariant : IVariant
{
    public string Name => "ImageSharp 2.1.13";

    public string How => "`Image.Load`, then per width `Clone(Resize)` from the full image, metadata cleared, `SaveAsJpeg` (q 80) and `SaveAsWebp` (q 78)";

    public int Run(string source, string output, IReadOnlyList<int> widths)
    {
        using var image = Image.Load(source);
        var jpeg = new JpegEncoder { Quality = 80 };
        var webp = new WebpEncoder { Quality = 78, FileFormat = WebpFileFormatType.Lossy };
        var written = 0;
        foreach (var width in widths)
        {
            using var resized = image.Clone(x => x.Resize(Math.Min(width, image.Width), 0));
            resized.Metadata.ExifProfile = null;
            resized.Metadata.XmpProfile = null;
            resized.SaveAsJpeg(Path.Combine(output, $"{width}.jpeg"), jpeg);
            resized.SaveAsWebp(Path.Combine(output, $"{width}.webp"), webp);
            written += 2;
        }

        return written;
    }
}
