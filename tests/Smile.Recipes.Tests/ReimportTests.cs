using Smile.Content.Items;
using Smile.Testing;

namespace Smile.Recipes.Tests;

public sealed class ReimportTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Reimporting_the_same_recipe_changes_nothing(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ImportSmileCityAsync();
        var before = await db.StateAsync();
        var schemaVersion = await db.Reader.SchemaVersionAsync();
        var hafenSport = await db.Reader.GetItemAsync("project-hafensport");

        var result = await db.ImportSmileCityAsync();

        Assert.Equal(new RecipeImportResult(0, 4, 0, 0, RecipeTestKit.SmileCityItems), result);
        Assert.Equal(before, await db.StateAsync());
        Assert.Empty(await db.Reader.EventsAfterAsync(before.LastEvent, 100));
        Assert.Equal(schemaVersion, await db.Reader.SchemaVersionAsync());
        var again = await db.Reader.GetItemAsync("project-hafensport");
        Assert.Equal(1, again!.LatestVersion);
        Assert.Equal(1, again.PublishedVersion);
        Assert.Equal(hafenSport!.FirstPublishedAt, again.FirstPublishedAt);
        Assert.Single(await db.Reader.ListVersionsAsync("project-hafensport"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reimporting_after_an_editor_changed_an_item_restores_the_recipe_content_as_a_new_version(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ImportSmileCityAsync();
        var latest = await db.Reader.GetVersionAsync("page-wie-wir-arbeiten", VersionStatus.Latest);
        var edited = new ContentInput { Title = "Wie wir arbeiten (Entwurf)", Fields = latest!.Fields.DeepClone().AsObject() };
        await db.Content.RunAsync(Content.Security.Actor.System, e => e.SaveDraftAsync("page-wie-wir-arbeiten", 1, edited));
        var before = await db.StateAsync();

        var result = await db.ImportSmileCityAsync();

        Assert.Equal(new RecipeImportResult(0, 4, 0, 1, RecipeTestKit.SmileCityItems - 1), result);
        var versions = await db.Reader.ListVersionsAsync("page-wie-wir-arbeiten");
        Assert.Equal([3, 2, 1], versions.Select(v => v.Number));
        Assert.Equal(["Wie wir arbeiten", "Wie wir arbeiten (Entwurf)", "Wie wir arbeiten"], versions.Select(v => v.Title));
        Assert.Equal([true, false, false], versions.Select(v => v.Published));
        var after = await db.StateAsync();
        Assert.Equal(before.Versions + 1, after.Versions);
        Assert.Equal(before.Items, after.Items);
    }
}
