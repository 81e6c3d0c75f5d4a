using NetVips;
using Smile.Media.Derivatives;
using Smile.Media.Images;
using Smile.Storage.Media;

namespace Smile.Media.Tests;

/// <summary>Derivatives with real NetVips: widths, formats, no metadata, never upscaled, rendered once, cropped around the focal point.</summary>
public sealed class DerivativeTests(TestDatabases databases)
{
    [Fact]
    public async Task The_standard_widths_are_rendered_and_an_original_is_never_upscaled()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        var asset = (await media.UploadAsync(TestImages.Jpeg(1000, 500), "breit.jpg")).Asset;

        var sizes = new List<(int Width, int Height)>();
        foreach (var width in new[] { 320, 640, 960, 1280, 1920 })
        {
            using var image = await DecodeAsync(media, asset, width, DerivativeFormat.WebP);
            sizes.Add((image.Width, image.Height));
        }

        Assert.Equal([(320, 160), (640, 320), (960, 480), (1000, 500), (1000, 500)], sizes);
        Assert.Equal([320, 640, 960, 1000], DerivativeService.SetWidths(1000));
    }

    [Theory]
    [InlineData("webp", "RIFF")]
    [InlineData("jpeg", "\xFF\xD8\xFF")]
    [InlineData("avif", "ftypavif")]
    public async Task Each_format_is_written_as_what_its_extension_says(string extension, string signature)
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        var asset = (await media.UploadAsync(TestImages.Png(700, 400), "karte.png")).Asset;

        var bytes = await ReadAsync(media, asset, DerivativeRequest.Parse($"640.{extension}")!);

        var head = System.Text.Encoding.Latin1.GetString(bytes, 0, 12);
        Assert.Contains(signature, head, StringComparison.Ordinal);
        using var image = Image.NewFromBuffer(bytes);
        Assert.Equal(640, image.Width);
    }

    [Fact]
    public async Task GPS_and_other_EXIF_data_of_the_original_do_not_reach_any_derivative()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        var original = TestImages.JpegWithGps(900, 600);
        using (var check = Image.NewFromBuffer(original))
        {
            Assert.True(TestImages.HasGps(check), "the test image must carry GPS EXIF to prove anything");
        }

        var asset = (await media.UploadAsync(original, "handyfoto.jpg")).Asset;

        foreach (var format in new[] { DerivativeFormat.Jpeg, DerivativeFormat.WebP, DerivativeFormat.Avif })
        {
            using var derivative = await DecodeAsync(media, asset, 640, format);
            Assert.False(TestImages.HasGps(derivative), $"{format.Extension} still has GPS");
            Assert.DoesNotContain("exif-data", derivative.GetFields());
            Assert.DoesNotContain("xmp-data", derivative.GetFields());
        }
    }

    [Fact]
    public async Task A_derivative_is_rendered_once_even_when_many_ask_at_the_same_moment_and_is_then_served_from_the_store()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        var asset = (await media.UploadAsync(TestImages.Jpeg(2400, 1600), "gross.jpg")).Asset;
        var request = DerivativeRequest.Parse("960.webp")!;

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ReadAsync(media, asset, request))));
        var afterwards = await ReadAsync(media, asset, DerivativeRequest.Parse("320.jpeg")!);

        Assert.Equal(1, media.Derivatives.Renders); // the whole standard set, WebP and JPEG, in one rendering
        Assert.All(concurrent, bytes => Assert.Equal(concurrent[0], bytes));
        Assert.NotEmpty(afterwards);
        var stored = Directory.GetFiles(Path.Combine(media.StoreFolder, "derivatives"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order();
        Assert.Equal(["1280.jpg", "1280.webp", "1920.jpg", "1920.webp", "320.jpg", "320.webp", "640.jpg", "640.webp", "960.jpg", "960.webp"], stored);
    }

    [Fact]
    public async Task A_cropped_frame_keeps_the_focal_point_in_view()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        // A grey picture with a red square near its left edge: a centred square crop would miss it.
        using var canvas = (Image.Black(1200, 600, bands: 3) + 128).Cast(Enums.BandFormat.Uchar);
        using var red = (Image.Black(120, 120, bands: 3) + new double[] { 220, 20, 20 }).Cast(Enums.BandFormat.Uchar);
        using var picture = canvas.Insert(red, 60, 240);
        var asset = (await media.UploadAsync(picture.PngsaveBuffer(), "fokus.png")).Asset;
        await media.Library.SetFocalPointAsync(asset.Id, 0.1, 0.5, MediaTestKit.Editor);
        asset = (await media.Catalog.FindAsync(asset.Id))!;

        using var centred = Image.NewFromBuffer(DerivativePipeline.Render(LocalOriginal(media, asset), 300, 300, DerivativeFormat.Jpeg, new EncoderSettings()).Bytes);
        using var focused = await DecodeAsync(media, asset, 300, DerivativeFormat.Jpeg, height: 300);

        Assert.Equal((300, 300), (focused.Width, focused.Height));
        Assert.True(IsRed(focused.Getpoint(45, 150)), "the red square is in the focal crop");
        Assert.False(IsRed(centred.Getpoint(150, 150)), "a centred crop would not show it");
    }

    private static bool IsRed(double[] pixel) => pixel[0] > 180 && pixel[1] < 80 && pixel[2] < 80;

    private static string LocalOriginal(MediaTestKit media, MediaAssetRow asset) => media.Store.LocalPath(Stores.MediaKeys.Original(asset.Id))!;

    private static async Task<Image> DecodeAsync(MediaTestKit media, MediaAssetRow asset, int width, DerivativeFormat format, int? height = null) =>
        Image.NewFromBuffer(await ReadAsync(media, asset, new DerivativeRequest(width, height, format)));

    private static async Task<byte[]> ReadAsync(MediaTestKit media, MediaAssetRow asset, DerivativeRequest request)
    {
        await using var stored = await media.Derivatives.OpenAsync(asset, request, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        using var copy = new MemoryStream();
        await stored.Content.CopyToAsync(copy);
        return copy.ToArray();
    }
}
