using System.Text.Json.Nodes;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class VersionLifecycleTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static ContentInput News(string title, string teaser = "Kurz gesagt.") =>
        new() { Title = title, Fields = new JsonObject { ["teaser"] = teaser, ["body"] = "Ein **wichtiger** Text." } };

    [Theory, MemberData(nameof(Providers))]
    public async Task Publishing_a_draft_makes_it_visible_to_anonymous_readers(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var draft = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("HafenSport Rostock eröffnet")));

        Assert.Null(await db.Reader.GetVersionAsync(draft.ItemId, VersionStatus.Published));
        Assert.Null(await db.Reader.GetByPathAsync("de", "/aktuelles/hafensport-rostock-eroeffnet", VersionStatus.Published));

        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(draft.ItemId));

        var live = await db.Reader.GetByPathAsync("de", "/aktuelles/hafensport-rostock-eroeffnet", VersionStatus.Published);
        Assert.NotNull(live);
        Assert.Equal("<p>Ein <strong>wichtiger</strong> Text.</p>", live.Fields["body"]!["html"]!.GetValue<string>());
        Assert.NotNull(live.PublishedAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_save_makes_a_new_version_and_the_published_one_stays_live_until_republished(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Digitaltag 2025")));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));
        var v2 = await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Digitaltag 2025", "Neuer Teaser")));

        Assert.Equal(2, v2.Number);
        var published = await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Published);
        var latest = await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Latest);
        Assert.Equal(1, published!.Number);
        Assert.Equal("Kurz gesagt.", published.Fields["teaser"]!.GetValue<string>());
        Assert.Equal(2, latest!.Number);
        Assert.False(latest.Published);

        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));
        var versions = await db.Reader.ListVersionsAsync(v1.ItemId);
        Assert.Equal([2, 1], versions.Select(v => v.Number));
        Assert.Equal([true, false], versions.Select(v => v.Published));
        Assert.Equal([true, false], versions.Select(v => v.Latest));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unpublishing_hides_the_item_and_keeps_its_versions(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("HafenSport macht Pause")));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));
        await db.Content.RunAsync(Actor.System, e => e.UnpublishAsync(v1.ItemId));

        Assert.Null(await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Published));
        Assert.NotNull(await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Latest));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_edit_based_on_a_stale_version_is_refused_naming_both_versions(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Stadtlabor")));
        await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Stadtlabor", "Erste Änderung")));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Stadtlabor", "Zweite Änderung"))));

        Assert.Equal(1, conflict.BasedOnVersion);
        Assert.Equal(2, conflict.LatestVersion);
        Assert.Contains("Version 1", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("Version 2", conflict.Message, StringComparison.Ordinal);
        var latest = await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Latest);
        Assert.Equal("Erste Änderung", latest!.Fields["teaser"]!.GetValue<string>());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Two_editors_saving_at_the_same_moment_cannot_both_win(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Marktkante")));

        var saves = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Marktkante", $"Fassung {i}")));
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        var results = await Task.WhenAll(saves);
        Assert.Single(results, won => won);
        Assert.Equal(2, (await db.Reader.ListVersionsAsync(v1.ItemId)).Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Clone_delete_restore_and_restoring_an_old_version_work_as_editors_expect(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Geoportal", "Alt")));
        await db.Content.RunAsync(Actor.System, e => e.SaveDraftAsync(v1.ItemId, 1, News("Geoportal", "Neu")));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));

        var clone = await db.Content.RunAsync(Actor.System, e => e.CloneAsync(v1.ItemId));
        Assert.NotEqual(v1.ItemId, clone.ItemId);
        Assert.Equal("Geoportal (Kopie)", clone.Title);
        Assert.Equal("/aktuelles/geoportal-kopie", clone.Path);
        Assert.False(clone.Published);

        var restored = await db.Content.RunAsync(Actor.System, e => e.RestoreVersionAsync(v1.ItemId, 1, basedOnVersion: 2));
        Assert.Equal(3, restored.Number);
        Assert.Equal("Alt", restored.Fields["teaser"]!.GetValue<string>());
        Assert.Equal("Neu", (await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Published))!.Fields["teaser"]!.GetValue<string>());

        await db.Content.RunAsync(Actor.System, e => e.DeleteAsync(v1.ItemId));
        Assert.Null(await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Published));
        Assert.Null(await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Latest));
        Assert.NotNull((await db.Reader.GetItemAsync(v1.ItemId))!.DeletedAt);

        await db.Content.RunAsync(Actor.System, e => e.RestoreAsync(v1.ItemId));
        Assert.NotNull(await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Latest));
        Assert.Null(await db.Reader.GetVersionAsync(v1.ItemId, VersionStatus.Published));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_change_writes_its_event_to_the_outbox_in_order(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var v1 = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Rostock App")));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(v1.ItemId));
        await db.Content.RunAsync(Actor.System, e => e.UnpublishAsync(v1.ItemId));
        await db.Content.RunAsync(Actor.System, e => e.DeleteAsync(v1.ItemId));
        await db.Content.RunAsync(Actor.System, e => e.PurgeAsync(v1.ItemId));

        var events = await db.Reader.EventsAfterAsync(0, 100);
        var forItem = events.Where(e => e.ItemId == v1.ItemId).Select(e => e.Kind);
        Assert.Equal([ContentEventKind.Created, ContentEventKind.Published, ContentEventKind.Unpublished, ContentEventKind.Deleted, ContentEventKind.Purged], forItem);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Null(await db.Reader.GetItemAsync(v1.ItemId));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_failed_operation_leaves_nothing_behind(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var before = (await db.Reader.EventsAfterAsync(0, 1000)).Count;

        await Assert.ThrowsAsync<Smile.Content.Validation.ContentValidationException>(() => db.Content.RunAsync(Actor.System, async e =>
        {
            await e.CreateAsync("NewsArticle", "de", News("Erster Beitrag"));
            await e.CreateAsync("NewsArticle", "de", News("Zweiter Beitrag", teaser: ""));
        }));

        Assert.Equal(before, (await db.Reader.EventsAfterAsync(0, 1000)).Count);
        Assert.Equal(0, (await db.Reader.QueryAsync(new() { ContentType = "NewsArticle", Status = VersionStatus.Latest })).TotalCount);
    }
}
