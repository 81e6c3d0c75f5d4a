using System.Globalization;
using NetVips;

namespace Smile.Media.Images;

/// <summary>Checks an uploaded image: size from the header first, then one cheap full read that fails on truncation.</summary>
public static class ImageInspector
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Width and height as displayed (EXIF orientation applied). Throws <see cref="MediaUploadException"/>.</summary>
    public static (int Width, int Height) Inspect(string path, string fileName, long maxPixels)
    {
        int width, height;
        try
        {
            // Opening reads the header only; pixels are decoded lazily, so a decompression bomb is stopped below.
            using var header = Image.NewFromFile(path, access: Enums.Access.Sequential);
            (width, height) = Oriented(header);
        }
        catch (VipsException ex)
        {
            throw new MediaUploadException($"„{fileName}“ ist beschädigt oder unvollständig; das Bild lässt sich nicht lesen.", ex);
        }

        if ((long)width * height > maxPixels)
        {
            throw new MediaUploadException(
                $"„{fileName}“ ist {width.ToString("N0", German)} × {height.ToString("N0", German)} Pixel groß " +
                $"({((long)width * height / 1e6).ToString("N0", German)} Megapixel); erlaubt sind höchstens {(maxPixels / 1e6).ToString("N0", German)} Megapixel. Bitte verkleinern Sie das Bild vor dem Hochladen.");
        }

        try
        {
            // Shrink-on-load keeps this cheap, but every byte of the compressed data is still read: truncation fails here.
            using var probe = Image.Thumbnail(path, 64, height: 64, failOn: Enums.FailOn.Truncated);
            _ = probe.Avg();
        }
        catch (VipsException ex)
        {
            throw new MediaUploadException($"„{fileName}“ ist beschädigt oder unvollständig (abgeschnitten); das Bild lässt sich nicht vollständig lesen.", ex);
        }

        return (width, height);
    }

    private static (int Width, int Height) Oriented(Image image)
    {
        var orientation = image.GetTypeOf("orientation") != IntPtr.Zero ? (int)image.Get("orientation") : 1;
        return orientation is >= 5 and <= 8 ? (image.Height, image.Width) : (image.Width, image.Height);
    }
}
