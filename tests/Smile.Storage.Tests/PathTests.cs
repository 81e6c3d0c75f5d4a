using System.Text.Json.Nodes;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Content.Validation;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class PathTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static ContentInput News(string title, string? slug = null) =>
        new() { Title = title, Slug = slug, Fields = new JsonObject { ["teaser"] = "Kurz." } };

    [Theory, MemberData(nameof(Providers))]
    public async Task Slugs_are_transliterated_German_and_unique_per_culture(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var first = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Grünflächen für Groß Klein")));
        var second = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Grünflächen für Groß Klein")));
        var english = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "en", News("Grünflächen für Groß Klein")));

        Assert.Equal("/aktuelles/gruenflaechen-fuer-gross-klein", first.Path);
        Assert.Equal("/aktuelles/gruenflaechen-fuer-gross-klein-2", second.Path);
        Assert.Equal("/en/news/gruenflaechen-fuer-gross-klein", english.Path);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_explicit_slug_that_is_taken_is_refused_with_the_path_named(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Stadtlabor")));

        var error = await Assert.ThrowsAsync<ContentValidationException>(() =>
            db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Etwas anderes", slug: "stadtlabor"))));

        Assert.Equal("slug", error.Errors.Single().Path);
        Assert.Contains("/aktuelles/stadtlabor", error.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_changed_slug_keeps_the_old_public_path_in_history_and_announces_it(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("HafenSport eröffnet")));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));
        await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("HafenSport eröffnet", slug: "hafensport-rostock-eroeffnet")));

        // Until the new version is published, the old path is what readers get.
        Assert.NotNull(await db.Reader.GetByPathAsync("de", "/aktuelles/hafensport-eroeffnet", VersionStatus.Published));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));

        Assert.NotNull(await db.Reader.GetByPathAsync("de", "/aktuelles/hafensport-rostock-eroeffnet", VersionStatus.Published));
        Assert.Null(await db.Reader.GetByPathAsync("de", "/aktuelles/hafensport-eroeffnet", VersionStatus.Published));
        Assert.Equal(["/aktuelles/hafensport-eroeffnet"], await db.Reader.PreviousPathsAsync(v1.ItemId));
        var slugChanged = (await db.Reader.EventsAfterAsync(0, 100)).Single(e => e.Kind == ContentEventKind.SlugChanged);
        Assert.Equal("/aktuelles/hafensport-eroeffnet", slugChanged.PreviousPath);
        Assert.Equal("/aktuelles/hafensport-rostock-eroeffnet", slugChanged.Path);

        // The old path stays reserved for redirects: a new item with that title gets another one.
        var other = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("HafenSport eröffnet")));
        Assert.Equal("/aktuelles/hafensport-eroeffnet-2", other.Path);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_draft_only_slug_change_leaves_no_history(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Entwurf")));
        await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Entwurf", slug: "anderer-name")));

        Assert.Empty(await db.Reader.PreviousPathsAsync(v1.ItemId));
        var reuse = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Entwurf")));
        Assert.Equal("/aktuelles/entwurf", reuse.Path);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Renaming_a_published_item_in_a_draft_leaves_its_public_path_alone_until_published(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Marktkante")));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));

        await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Marktkante", slug: "marktkante-rostock")));

        Assert.Empty(await db.Reader.PreviousPathsAsync(v1.ItemId));
        Assert.NotNull(await db.Reader.GetByPathAsync("de", "/aktuelles/marktkante", VersionStatus.Published));
        // The draft's new path is reserved all the same: nobody else can take it meanwhile.
        var other = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Marktkante Rostock")));
        Assert.Equal("/aktuelles/marktkante-rostock-2", other.Path);
    }
}
