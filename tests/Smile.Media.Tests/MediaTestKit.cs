using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Smile.Content.Security;
using Smile.Media.Derivatives;
using Smile.Media.Library;
using Smile.Media.Stores;
using Smile.Storage;
using Smile.Storage.Media;

namespace Smile.Media.Tests;

/// <summary>The media library and derivatives over a real database and a disk store in its data folder.</summary>
internal sealed class MediaTestKit(TestDatabase db, MediaOptions? options = null, IMediaStore? store = null)
{
    public static readonly Actor Editor = new("editor-1", new HashSet<Permission> { Permission.ViewContent, Permission.ManageMedia });

    public MediaOptions Options { get; } = options ?? new MediaOptions();

    public string StoreFolder { get; } = Path.Combine(db.DataPath, "media");

    public IMediaStore Store => store ??= new DiskMediaStore(StoreFolder);

    public MediaCatalog Catalog => db.Get<MediaCatalog>();

    public MediaLibrary Library => new(Store, db.Get<IDbContextFactory<SmileDbContext>>(), Catalog, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System);

    public DerivativeService Derivatives => _derivatives ??= new(Store, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DerivativeService>.Instance);

    private DerivativeService? _derivatives;

    public Task<MediaUploadResult> UploadAsync(byte[] bytes, string fileName, Actor? actor = null) =>
        Library.UploadAsync(new MemoryStream(bytes), fileName, actor ?? Editor);

    public async Task<int> RowCountAsync()
    {
        await using var context = await db.Get<IDbContextFactory<SmileDbContext>>().CreateDbContextAsync();
        return await context.MediaAssets.CountAsync();
    }

    /// <summary>Stored files, temporary ones included: nothing may be left behind by a refused upload.</summary>
    public int FileCount => Directory.Exists(StoreFolder) ? Directory.GetFiles(StoreFolder, "*", SearchOption.AllDirectories).Length : 0;
}
