using NetVips;
using Smile.Media.Derivatives;
using Smile.Media.Images;
using Smile.Media.Stores;

namespace Smile.Media.Tests;

/// <summary>The S3 store against a real S3-compatible server: the same library and derivatives as on disk.</summary>
public sealed class S3StoreTests(S3Server s3, TestDatabases databases) : IClassFixture<S3Server>
{
    [Fact]
    public async Task Objects_are_put_read_checked_and_deleted_under_the_configured_prefix()
    {
        using var store = new S3MediaStore(s3.Options("smile/"));
        var key = MediaKeys.Original(new string('a', 64));
        var cancel = TestContext.Current.CancellationToken;

        Assert.False(await store.ExistsAsync(key, cancel));
        Assert.Null(await store.OpenReadAsync(key, cancel));
        await store.PutBytesAsync(key, "Moin Rostock"u8.ToArray(), "text/plain", cancel);
        Assert.True(await store.ExistsAsync(key, cancel));
        await using (var stored = await store.OpenReadAsync(key, cancel))
        {
            Assert.NotNull(stored);
            Assert.Equal(12, stored.Length);
            Assert.Equal("Moin Rostock", await new StreamReader(stored.Content).ReadToEndAsync(cancel));
        }

        using var other = new S3MediaStore(s3.Options("anderes/"));
        Assert.False(await other.ExistsAsync(key, cancel));
        await store.DeleteAsync(key, cancel);
        Assert.False(await store.ExistsAsync(key, cancel));
        Assert.Null(store.LocalPath(key));
    }

    [Fact]
    public async Task An_upload_and_its_derivatives_live_in_the_bucket()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        using var store = new S3MediaStore(s3.Options("library-" + Guid.NewGuid().ToString("N")[..8] + "/"));
        var media = new MediaTestKit(db, store: store);

        var asset = (await media.UploadAsync(TestImages.JpegWithGps(1500, 1000), "hafen.jpg")).Asset;
        await using var derivative = await media.Derivatives.OpenAsync(asset, new DerivativeRequest(640, null, DerivativeFormat.Jpeg), TestContext.Current.CancellationToken);

        Assert.True(await store.ExistsAsync(MediaKeys.Original(asset.Id), TestContext.Current.CancellationToken));
        Assert.True(await store.ExistsAsync(MediaKeys.Derivative(asset.Id, "1500.webp"), TestContext.Current.CancellationToken));
        Assert.Equal(0, media.FileCount);
        Assert.NotNull(derivative);
        using var copy = new MemoryStream();
        await derivative.Content.CopyToAsync(copy, TestContext.Current.CancellationToken);
        using var image = Image.NewFromBuffer(copy.ToArray());
        Assert.Equal((640, 427), (image.Width, image.Height));
        Assert.False(TestImages.HasGps(image));
    }
}
