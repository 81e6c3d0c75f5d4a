using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Content.Validation;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class ScheduledPublishingTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static ContentInput News(string title) => new() { Title = title, Fields = new JsonObject { ["teaser"] = "Kurz." } };

    [Theory, MemberData(nameof(Providers))]
    public async Task A_scheduled_item_is_published_when_its_time_has_come_and_not_before(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var db = await databases.WithTypesAsync(provider, clock);
        var draft = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Marktkante eröffnet")));
        await db.Content.RunAsync(Actor.System, e => e.ScheduleAsync(draft.ItemId, new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc)));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await db.Content.RunAsync(Actor.System, e => e.PublishDueAsync()));
        Assert.Null(await db.Reader.GetVersionAsync(draft.ItemId, VersionStatus.Published));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([draft.ItemId], await db.Content.RunAsync(Actor.System, e => e.PublishDueAsync()));
        var live = await db.Reader.GetVersionAsync(draft.ItemId, VersionStatus.Published);
        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc), live!.PublishedAt);
        Assert.Null((await db.Reader.GetItemAsync(draft.ItemId))!.ScheduledPublishAt);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Publications_missed_while_no_node_ran_are_caught_up_after_a_restart(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var db = await databases.WithTypesAsync(provider, clock);
        var early = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Früh")));
        var late = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Spät")));
        await db.Content.RunAsync(Actor.System, async e =>
        {
            await e.ScheduleAsync(early.ItemId, new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));
            await e.ScheduleAsync(late.ItemId, new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc));
        });

        // The CMS was down overnight; a fresh service provider over the same database plays the restarted node.
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        var restarted = new Smile.Content.Editing.ContentService(db.Store, db.Get<Smile.Content.Rendering.MarkupRenderer>(), clock);
        var published = await restarted.RunAsync(Actor.System, e => e.PublishDueAsync());

        Assert.Equal([early.ItemId, late.ItemId], published);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Scheduling_in_the_past_is_refused(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var draft = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", News("Gestern")));

        var error = await Assert.ThrowsAsync<ContentValidationException>(() =>
            db.Content.RunAsync(Actor.System, e => e.ScheduleAsync(draft.ItemId, DateTime.UtcNow.AddMinutes(-5))));

        Assert.Equal("scheduledPublishAt", error.Errors.Single().Path);
    }
}
