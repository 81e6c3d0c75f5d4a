using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Storage;
using Smile.Storage.Media;
using Smile.Testing;

namespace Smile.Recipes.Tests;

/// <summary>Recipes bring their media as files beside them, verified by SHA-256 and stored through the media library.</summary>
public sealed class RecipeMediaTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_Smile_City_recipe_stores_its_images_and_the_published_items_refer_to_them(string provider)
    {
        await using var db = await databases.CreateAsync(provider);

        await db.ImportSmileCityAsync();
        var again = await db.ImportSmileCityAsync();

        var catalog = db.Get<MediaCatalog>();
        var recipe = RecipeReader.Read(await File.ReadAllTextAsync(RecipeTestKit.SmileCityPath), "smile-city-rostock.recipe.json");
        Assert.Equal(4, recipe.Media.Count);
        Assert.Equal(4, await MediaRowsAsync(db));
        foreach (var media in recipe.Media)
        {
            var row = await catalog.FindAsync(media.Sha256);
            Assert.NotNull(row);
            Assert.Equal(("image/jpeg", 1600, 1000, Path.GetFileName(media.File)), (row.ContentType, row.Width, row.Height, row.FileName));
            Assert.True(File.Exists(Path.Combine(db.DataPath, "media", "originals", media.Sha256[..2], media.Sha256)));
        }

        foreach (var (item, field) in new[] { ("news-hafensport-eroeffnet", "heroImage"), ("news-digitaltag-2025", "heroImage"), ("project-dierkow-entsiegelung", "images") })
        {
            var version = await db.Reader.GetVersionAsync(item, VersionStatus.Published);
            var value = version!.Fields[field]!;
            var reference = value is JsonArray list ? list[0]! : value;
            var mediaId = reference["mediaId"]!.GetValue<string>();
            Assert.Contains(recipe.Media, m => m.Sha256 == mediaId);
            Assert.True(reference["alt"]!.GetValue<string>().Length > 60, $"{item} needs a real alt text");
            Assert.True(await catalog.IsPublicAsync(mediaId), $"{item}'s image is public once the item is published");
        }

        Assert.Equal(0, again.Created + again.Updated);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_recipe_whose_image_does_not_match_its_checksum_is_refused_whole(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var folder = CopyOfSmileCity(db);
        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "smile-city-rostock.recipe.json")))!.AsObject();
        var media = recipe["media"]!.AsArray();
        var file = media[2]!["file"]!.GetValue<string>();
        await File.AppendAllTextAsync(Path.Combine(folder, file), "ein angehängtes Byte");
        var path = Path.Combine(folder, "smile-city-rostock.recipe.json");

        var error = await Assert.ThrowsAsync<RecipeException>(() => db.Importer().ImportFileAsync(path, Actor.System));

        Assert.Equal("$.media[2].sha256", error.JsonPath);
        Assert.StartsWith($"die Prüfsumme von '{file}' stimmt nicht: erwartet {media[2]!["sha256"]}", error.Problem, StringComparison.Ordinal);
        await db.AssertEmptyAsync();
        Assert.Equal(0, await MediaRowsAsync(db));
        Assert.False(Directory.Exists(Path.Combine(db.DataPath, "media")), "no media file may be stored");
    }

    [Fact]
    public async Task A_recipe_naming_a_missing_file_or_one_outside_its_folder_is_refused()
    {
        await using var db = await databases.CreateAsync(TestDatabases.Sqlite);
        var folder = CopyOfSmileCity(db);
        var path = Path.Combine(folder, "smile-city-rostock.recipe.json");
        var recipe = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        recipe["media"]![0]!["file"] = "media/gibt-es-nicht.jpg";
        recipe["media"]![1]!["file"] = "../../etc/passwd";
        await File.WriteAllTextAsync(path, recipe.ToJsonString());

        var missing = await Assert.ThrowsAsync<RecipeException>(() => db.Importer().ImportFileAsync(path, Actor.System));
        recipe["media"]![0]!["file"] = "media/hafensport-stadthafen.jpg";
        await File.WriteAllTextAsync(path, recipe.ToJsonString());
        var outside = await Assert.ThrowsAsync<RecipeException>(() => db.Importer().ImportFileAsync(path, Actor.System));

        Assert.Equal(("$.media[0].file", "die Datei 'media/gibt-es-nicht.jpg' fehlt."), (missing.JsonPath, missing.Problem));
        Assert.Equal(("$.media[1].file", "'../../etc/passwd' liegt nicht im Ordner des Rezepts."), (outside.JsonPath, outside.Problem));
        await db.AssertEmptyAsync();
    }

    private static string CopyOfSmileCity(TestDatabase db)
    {
        var folder = Path.Combine(db.DataPath, "rezept");
        Directory.CreateDirectory(Path.Combine(folder, "media"));
        var source = Path.GetDirectoryName(RecipeTestKit.SmileCityPath)!;
        File.Copy(RecipeTestKit.SmileCityPath, Path.Combine(folder, "smile-city-rostock.recipe.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(source, "media")))
        {
            File.Copy(file, Path.Combine(folder, "media", Path.GetFileName(file)));
        }

        return folder;
    }

    private static async Task<int> MediaRowsAsync(TestDatabase db)
    {
        await using var context = await db.Get<IDbContextFactory<SmileDbContext>>().CreateDbContextAsync();
        return await context.MediaAssets.CountAsync();
    }
}
