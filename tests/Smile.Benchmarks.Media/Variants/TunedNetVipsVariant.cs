using Smile.Media.Images;

namespace Smile.Benchmarks.Media.Variants;

/// <summary>Smile's production pipeline (<see cref="DerivativePipeline.RenderSet"/>) with the CMS's libvips settings.</summary>
internal sealed class TunedNetVipsVariant : IVariant
{
    public string Name => "NetVips, tuned (Smile)";

    public string How => "`DerivativePipeline.RenderSet`: one shrink-on-load decode to the widest width, held in memory, each narrower width resized from the one before; operation cache off";

    public int Run(string source, string output, IReadOnlyList<int> widths)
    {
        ImagingLimits.Apply();
        var rendered = DerivativePipeline.RenderSet(source, widths, [DerivativeFormat.WebP, DerivativeFormat.Jpeg], new EncoderSettings());
        foreach (var derivative in rendered)
        {
            File.WriteAllBytes(Path.Combine(output, $"{derivative.Width}.{derivative.Format.Extension}"), derivative.Bytes);
        }

        return rendered.Count;
    }
}
