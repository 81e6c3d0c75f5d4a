using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Content.Validation;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class ContentTypeChangeTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static ContentInput News(string title, JsonObject fields) => new() { Title = title, Fields = fields };

    [Theory, MemberData(nameof(Providers))]
    public async Task Adding_a_field_to_a_type_with_data_keeps_the_data_and_accepts_the_field(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Alt", new() { ["teaser"] = "T" })));
        var before = await db.Reader.SchemaVersionAsync();

        var changed = TestTypes.News with { Fields = [.. TestTypes.News.Fields, new FieldDefinition("source", "Quelle", FieldKind.Link)] };
        var schema = await db.Content.RunTypesAsync(Actor.System, t => t.SaveTypeAsync(changed));

        Assert.Equal(before + 1, schema);
        var v2 = await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Alt", new() { ["teaser"] = "T", ["source"] = "https://rostock.de" })));
        Assert.Equal("https://rostock.de", v2.Fields["source"]!["url"]!.GetValue<string>());
        var typeChanged = (await db.Reader.EventsAfterAsync(0, 100)).Last(e => e.Kind == ContentEventKind.ContentTypeChanged);
        Assert.Equal(schema, typeChanged.SchemaVersion);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Renaming_a_field_carries_its_data_along_in_every_version(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Eins", new() { ["teaser"] = "T", ["rank"] = 3 })));
        await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Eins", new() { ["teaser"] = "T", ["rank"] = 4 })));

        await db.Content.RunTypesAsync(Actor.System, t => t.RenameFieldAsync("NewsArticle", "rank", "priority"));

        var versions = await db.Reader.ListVersionsAsync(v1.ItemId);
        Assert.Equal([4.0, 3.0], versions.Select(v => v.Fields["priority"]!.GetValue<double>()));
        Assert.All(versions, v => Assert.Null(v.Fields["rank"]));
        var found = await db.Reader.QueryAsync(new ContentQuery { ContentType = "NewsArticle", Status = VersionStatus.Latest, Where = new Compare("priority", FilterOperator.GreaterThanOrEqual, 4.0) });
        Assert.Equal(1, found.TotalCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Removing_a_field_keeps_its_data_in_old_versions_and_drops_it_from_new_ones(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Eins", new() { ["teaser"] = "T", ["rank"] = 3 })));

        await db.Content.RunTypesAsync(Actor.System, t => t.SaveTypeAsync(TestTypes.News with { Fields = [.. TestTypes.News.Fields.Where(f => f.Name != "rank")] }));
        var refused = await Assert.ThrowsAsync<ContentValidationException>(() =>
            db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Eins", new() { ["teaser"] = "T", ["rank"] = 5 }))));
        Assert.Equal("rank", refused.Errors.Single().Path);
        var restored = await db.Content.RunAsync(Actor.System, e => e.RestoreVersionAsync(v1.ItemId, 1, basedOnVersion: 1));

        Assert.Equal(3.0, (await db.Reader.GetVersionAsync(v1.ItemId, 1))!.Fields["rank"]!.GetValue<double>());
        Assert.Null(restored.Fields["rank"]);
        Assert.Equal("T", restored.Fields["teaser"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Making_a_field_filterable_back_fills_the_index(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        foreach (var teaser in new[] { "Umwelt", "Verwaltung", "Umwelt" })
        {
            await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Beitrag " + teaser, new() { ["teaser"] = teaser })));
        }

        var teaserFilter = new ContentQuery { ContentType = "NewsArticle", Status = VersionStatus.Latest, Where = new Compare("teaser", FilterOperator.Equal, "Umwelt") };
        Assert.Equal(0, (await db.Reader.QueryAsync(teaserFilter)).TotalCount);

        var filterable = TestTypes.News with
        {
            Fields = [.. TestTypes.News.Fields.Select(f => f.Name == "teaser" ? f with { Settings = f.Settings with { Filterable = true } } : f)],
        };
        await db.Content.RunTypesAsync(Actor.System, t => t.SaveTypeAsync(filterable));

        Assert.Equal(2, (await db.Reader.QueryAsync(teaserFilter)).TotalCount);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Changing_a_field_kind_that_holds_data_is_refused(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var changed = TestTypes.News with { Fields = [.. TestTypes.News.Fields.Select(f => f.Name == "rank" ? f with { Kind = FieldKind.Text } : f)] };

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => db.Content.RunTypesAsync(Actor.System, t => t.SaveTypeAsync(changed)));

        Assert.Contains("rank", error.Errors.Single().Path, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Saving_an_unchanged_type_does_not_bump_the_schema_version(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var before = await db.Reader.SchemaVersionAsync();

        var result = await db.Content.RunTypesAsync(Actor.System, t => t.SaveTypeAsync(TestTypes.News));

        Assert.Null(result);
        Assert.Equal(before, await db.Reader.SchemaVersionAsync());
    }
}
