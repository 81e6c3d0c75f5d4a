namespace Smile.Media.Images;

/// <summary>Where to cut a frame out of an image scaled to cover it, keeping the focal point as central as the edges allow.</summary>
public static class FocalCrop
{
    public sealed record Region(int ScaledWidth, int ScaledHeight, int Left, int Top, int Width, int Height);

    public static Region Cover(int sourceWidth, int sourceHeight, int frameWidth, int frameHeight, double focalX, double focalY)
    {
        // Never upscaled: a frame larger than the source shrinks to the largest that fits with the same aspect ratio.
        var fit = Math.Min(1.0, Math.Min((double)sourceWidth / frameWidth, (double)sourceHeight / frameHeight));
        var width = Math.Max(1, (int)Math.Floor(frameWidth * fit));
        var height = Math.Max(1, (int)Math.Floor(frameHeight * fit));
        var scale = Math.Max((double)width / sourceWidth, (double)height / sourceHeight);
        var scaledWidth = Math.Max(width, (int)Math.Round(sourceWidth * scale));
        var scaledHeight = Math.Max(height, (int)Math.Round(sourceHeight * scale));
        var left = Math.Clamp((int)Math.Round((focalX * scaledWidth) - (width / 2.0)), 0, scaledWidth - width);
        var top = Math.Clamp((int)Math.Round((focalY * scaledHeight) - (height / 2.0)), 0, scaledHeight - height);
        return new Region(scaledWidth, scaledHeight, left, top, width, height);
    }
}
