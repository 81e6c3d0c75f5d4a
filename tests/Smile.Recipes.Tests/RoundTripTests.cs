using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Recipes.Tests;

public sealed class RoundTripTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Exporting_and_importing_into_a_fresh_database_gives_the_same_content(string provider)
    {
        await using var source = await databases.CreateAsync(provider);
        await source.ImportSmileCityAsync();
        await EditAsync(source);

        var (firstExport, secondExport, target) = await RoundTripAsync(source, provider);
        await using (target)
        {
            AssertSameRecipe(firstExport, secondExport);
            Assert.Equal(await PublishedStatesAsync(source), await PublishedStatesAsync(target));
            var (sourceState, targetState) = (await source.StateAsync(), await target.StateAsync());
            Assert.Equal((sourceState.Types, sourceState.Items, sourceState.Published), (targetState.Types, targetState.Items, targetState.Published));
            Assert.Equal(RecipeTestKit.SmileCityPublished + 1, targetState.Published);

            var hafenSport = await target.Reader.GetVersionAsync("project-hafensport", VersionStatus.Published);
            Assert.Equal("completed", hafenSport!.Fields["phase"]!.GetValue<string>());
            Assert.Equal("<p>Hanse- und Universitätsstadt Rostock</p>", hafenSport.Fields["partners"]!["html"]!.GetValue<string>());
            Assert.Equal("/projekte/hafensport-rostock", hafenSport.Path);
            Assert.NotNull(await target.Reader.GetVersionAsync("video-eroeffnung-hafensport", VersionStatus.Published));
            var digitaltag = await target.Reader.GetItemAsync("news-digitaltag-2025");
            Assert.True(digitaltag!.IsPublished);
            Assert.Equal(Seconds((await source.Reader.GetItemAsync("news-digitaltag-2025"))!.FirstPublishedAt), digitaltag.FirstPublishedAt);
            var body = (await target.Reader.GetVersionAsync("page-wer-wir-sind", VersionStatus.Published))!.Fields["body"]!;
            Assert.StartsWith("<p>Unser sechsköpfiges Team", body["html"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_item_taken_offline_round_trips_with_its_first_publication_date(string provider)
    {
        await using var source = await databases.CreateAsync(provider);
        await source.ImportSmileCityAsync();
        await source.Content.RunAsync(Actor.System, e => e.UnpublishAsync("news-digitaltag-2025"));

        var (firstExport, secondExport, target) = await RoundTripAsync(source, provider);
        await using (target)
        {
            Assert.False((await target.Reader.GetItemAsync("news-digitaltag-2025"))!.IsPublished);
            AssertSameRecipe(firstExport, secondExport);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_export_carries_what_editors_wrote_and_not_the_rendered_HTML(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ImportSmileCityAsync();

        var export = JsonNode.Parse(await db.Exporter().ExportAsync("export"))!.AsObject();

        Assert.Equal("export", export["name"]!.GetValue<string>());
        Assert.Equal(RecipeTestKit.SmileCityTypes, export["contentTypes"]!.AsArray().Count);
        var items = export["content"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(RecipeTestKit.SmileCityItems, items.Count);
        var page = items.Single(i => i["id"]!.GetValue<string>() == "page-wer-wir-sind");
        Assert.Equal("Page", page["type"]!.GetValue<string>());
        Assert.Equal("wer-wir-sind", page["slug"]!.GetValue<string>());
        Assert.True(page["published"]!.GetValue<bool>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", page["publishedAt"]!.GetValue<string>());
        Assert.StartsWith("Unser sechsköpfiges Team", page["fields"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        var video = items.Single(i => i["id"]!.GetValue<string>() == "video-eroeffnung-hafensport");
        Assert.False(video["published"]!.GetValue<bool>());
        Assert.Null(video["publishedAt"]);
        Assert.IsType<JsonValue>(video["fields"]!["description"], exactMatch: false);
    }

    /// <summary>Exports <paramref name="source"/>, imports that into a fresh database and exports it again.</summary>
    private async Task<(string First, string Second, TestDatabase Target)> RoundTripAsync(TestDatabase source, string provider)
    {
        var firstExport = await source.Exporter().ExportAsync("smile-city-rostock-export");
        var target = await databases.CreateAsync(provider);
        var file = await target.WriteRecipeAsync("smile-city-rostock-export.recipe.json", firstExport);
        var result = await target.Importer().ImportFileAsync(file, Actor.System);
        Assert.Equal(new RecipeImportResult(RecipeTestKit.SmileCityTypes, 0, RecipeTestKit.SmileCityItems, 0, 0), result);
        return (firstExport, await target.Exporter().ExportAsync("smile-city-rostock-export"), target);
    }

    /// <summary>What editors do between import and export: withdraw and republish, publish a draft, correct and republish.</summary>
    private static async Task EditAsync(TestDatabase db)
    {
        await db.Content.RunAsync(Actor.System, e => e.UnpublishAsync("news-digitaltag-2025"));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync("news-digitaltag-2025"));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync("video-eroeffnung-hafensport"));
        var hafenSport = await db.Reader.GetVersionAsync("project-hafensport", VersionStatus.Latest);
        var fields = hafenSport!.Fields.DeepClone().AsObject();
        fields["phase"] = "completed";
        fields["body"] = fields["body"]!["markdown"]!.DeepClone();
        fields["partners"] = "Hanse- und Universitätsstadt Rostock";
        await db.Content.RunAsync(Actor.System, async e =>
        {
            await e.SaveDraftAsync("project-hafensport", 1, new ContentInput { Title = hafenSport.Title, Fields = fields });
            return await e.PublishAsync("project-hafensport");
        });
    }

    /// <summary>Exports carry publication dates to the second.</summary>
    private static DateTime? Seconds(DateTime? at) => at is { } value ? new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc) : null;

    private static async Task<Dictionary<string, bool>> PublishedStatesAsync(TestDatabase db)
    {
        var items = await db.Reader.QueryAsync(new ContentQuery { Culture = null, Status = VersionStatus.Latest, Take = 500 });
        var states = new Dictionary<string, bool>();
        foreach (var version in items.Items)
        {
            states[version.ItemId] = (await db.Reader.GetItemAsync(version.ItemId))!.IsPublished;
        }

        return states;
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void AssertSameRecipe(string first, string second)
    {
        var a = JsonNode.Parse(first)!.AsObject();
        var b = JsonNode.Parse(second)!.AsObject();
        Assert.Equal(a["contentTypes"]!.ToJsonString(Readable), b["contentTypes"]!.ToJsonString(Readable));
        var (itemsA, itemsB) = (a["content"]!.AsArray(), b["content"]!.AsArray());
        Assert.Equal(itemsA.Select(i => i!["id"]!.GetValue<string>()), itemsB.Select(i => i!["id"]!.GetValue<string>()));
        for (var i = 0; i < itemsA.Count; i++)
        {
            Assert.Equal(itemsA[i]!.ToJsonString(Readable), itemsB[i]!.ToJsonString(Readable));
        }

        Assert.True(JsonNode.DeepEquals(a, b));
    }
}
