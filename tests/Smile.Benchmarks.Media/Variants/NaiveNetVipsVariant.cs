using NetVips;

namespace Smile.Benchmarks.Media.Variants;

/// <summary>NetVips as a first attempt writes it: one shrink-on-load thumbnail per width, saved in both formats, default settings.</summary>
internal sealed class NaiveNetVipsVariant : IVariant
{
    public string Name => "NetVips, naive";

    public string How => "per width and format `Image.Thumbnail(file, w)` (shrink-on-load) and save: a thumbnail is a one-pass pipeline over the file, so each save needs its own; libvips defaults";

    public int Run(string source, string output, IReadOnlyList<int> widths)
    {
        var written = 0;
        foreach (var width in widths)
        {
            using (var forJpeg = Image.Thumbnail(source, width, height: 10_000_000, size: Enums.Size.Down))
            {
                forJpeg.Jpegsave(Path.Combine(output, $"{width}.jpeg"), q: 80, keep: Enums.ForeignKeep.None);
            }

            using (var forWebp = Image.Thumbnail(source, width, height: 10_000_000, size: Enums.Size.Down))
            {
                forWebp.Webpsave(Path.Combine(output, $"{width}.webp"), q: 78, keep: Enums.ForeignKeep.None);
            }

            written += 2;
        }

        return written;
    }
}
