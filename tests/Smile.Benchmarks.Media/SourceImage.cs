using NetVips;

namespace Smile.Benchmarks.Media;

/// <summary>The 24-megapixel test photo: a colour gradient with noise (so it compresses like a photo), made once and kept.</summary>
internal static class SourceImage
{
    public const int Width = 6000;
    public const int Height = 4000;

    public static string Ensure()
    {
        var folder = Path.Combine(Path.GetTempPath(), "smile-bench-media");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"photo-{Width}x{Height}.jpg");
        if (File.Exists(path))
        {
            return path;
        }

        Console.WriteLine($"Generating a {Width}×{Height} JPEG (once, kept in {folder}) ...");
        using var xyz = Image.Xyz(Width, Height);
        using var x = xyz[0];
        using var y = xyz[1];
        using var red = x * (255.0 / Width);
        using var green = y * (255.0 / Height);
        using var blue = (x + y) * (127.0 / (Width + Height)) + 64;
        using var gradient = red.Bandjoin(green, blue);
        using var noise = Image.Gaussnoise(Width, Height, sigma: 24, mean: 0);
        using var photo = (gradient + noise).Cast(Enums.BandFormat.Uchar);
        var temporary = path + ".part";
        photo.Jpegsave(temporary, q: 90);
        File.Move(temporary, path);
        return path;
    }
}
