using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Rendering;
using Smile.Content.Security;
using Smile.Media;
using Smile.Media.Library;
using Smile.Media.Stores;
using Smile.Storage;
using Smile.Storage.Media;
using Smile.Testing;

namespace Smile.Recipes.Tests;

/// <summary>What a database holds, counted the same way before and after an operation.</summary>
internal sealed record StoreState(int Types, int Items, int Versions, int Published, int Events, long LastEvent);

/// <summary>The importer and exporter as the host composes them, and the counts the tests compare.</summary>
internal static class RecipeTestKit
{
    public const int SmileCityTypes = 16;
    public const int SmileCityItems = 78;
    public const int SmileCityPublished = 67;

    public static string SmileCityPath => RecipeImporter.BundledRecipePath(RecipeImporter.SmileCityRostock);

    public static RecipeImporter Importer(this TestDatabase db) => new(db.Store, db.Get<MarkupRenderer>(), TimeProvider.System, db.MediaLibrary());

    /// <summary>The media library on a disk store in the database's data folder, as the host composes it.</summary>
    public static MediaLibrary MediaLibrary(this TestDatabase db) =>
        new(new DiskMediaStore(Path.Combine(db.DataPath, "media")), db.Get<IDbContextFactory<SmileDbContext>>(), db.Get<MediaCatalog>(), Options.Create(new MediaOptions()), TimeProvider.System);

    public static RecipeExporter Exporter(this TestDatabase db) => new(db.Reader);

    public static Task<RecipeImportResult> ImportSmileCityAsync(this TestDatabase db) =>
        db.Importer().ImportFileAsync(SmileCityPath, Actor.System);

    /// <summary>Writes a recipe next to the database, so it is cleaned up with it.</summary>
    public static async Task<string> WriteRecipeAsync(this TestDatabase db, string fileName, string json)
    {
        var path = Path.Combine(db.DataPath, fileName);
        await File.WriteAllTextAsync(path, json);
        return path;
    }

    public static async Task<StoreState> StateAsync(this TestDatabase db)
    {
        var types = await db.Reader.ListTypesAsync();
        var items = await db.Reader.QueryAsync(new ContentQuery { Culture = null, Status = VersionStatus.Latest, Take = 0 });
        var versions = await db.Reader.QueryAsync(new ContentQuery { Culture = null, Status = VersionStatus.All, Take = 0 });
        var published = await db.Reader.QueryAsync(new ContentQuery { Culture = null, Status = VersionStatus.Published, Take = 0 });
        var events = await db.Reader.EventsAfterAsync(0, int.MaxValue);
        return new StoreState(types.Count, items.TotalCount!.Value, versions.TotalCount!.Value, published.TotalCount!.Value, events.Count, events.Count == 0 ? 0 : events[^1].Sequence);
    }

    public static async Task AssertEmptyAsync(this TestDatabase db) =>
        Assert.Equal(new StoreState(0, 0, 0, 0, 0, 0), await db.StateAsync());
}
