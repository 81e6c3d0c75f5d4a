using System.Text.Json.Nodes;
using Smile.Content.Definitions;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Content.Validation;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class LocalizationTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_translation_is_a_linked_draft_under_the_culture_s_path(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var german = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Digitaltag in Rostock", Fields = new JsonObject { ["teaser"] = "Gemeinsam digital" } }));

        var english = await db.Content.RunAsync(Actor.System, e => e.LocalizeAsync(german.ItemId, "en"));
        var easy = await db.Content.RunAsync(Actor.System, e => e.LocalizeAsync(german.ItemId, "de-x-ls"));

        Assert.Equal("/en/news/digitaltag-in-rostock", english.Path);
        Assert.Equal("/de-x-ls/aktuelles/digitaltag-in-rostock", easy.Path);
        Assert.False(english.Published);
        var set = (await db.Reader.GetItemAsync(german.ItemId))!.LocalizationSet;
        Assert.Equal(set, (await db.Reader.GetItemAsync(english.ItemId))!.LocalizationSet);
        Assert.Equal(set, (await db.Reader.GetItemAsync(easy.ItemId))!.LocalizationSet);
        await Assert.ThrowsAsync<ContentValidationException>(() => db.Content.RunAsync(Actor.System, e => e.LocalizeAsync(german.ItemId, "fr")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_type_that_keeps_no_history_keeps_only_the_latest_and_the_published_version(string provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var station = new ContentTypeDefinition
        {
            Name = "SensorStation",
            DisplayName = "Sensorstation",
            Settings = new ContentTypeSettings { Versionable = false },
            Fields = [new FieldDefinition("externalId", "Kennung", FieldKind.Text)],
        };
        await db.Content.RunTypesAsync(Actor.System, t => t.SaveTypeAsync(station));
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("SensorStation", "de", new ContentInput { Title = "Dierkow 1" }));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));
        await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, new ContentInput { Title = "Dierkow 2" }));
        await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 2, new ContentInput { Title = "Dierkow 3" }));

        var versions = await db.Reader.ListVersionsAsync(v1.ItemId);

        Assert.Equal([3, 1], versions.Select(v => v.Number));
        Assert.Null(versions[0].Path); // not routable: no Autoroute part
    }
}
