using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Smile.Content.Events;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Testing;

namespace Smile.Storage.Tests;

public sealed class OutboxTests(TestDatabases databases)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_follower_reading_while_writers_commit_concurrently_sees_every_event_once_and_in_order(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        const int Writers = 6;
        const int CommitsPerWriter = 20;
        var start = (await db.Reader.EventsAfterAsync(0, 1000)).Count;
        var writing = true;
        var seen = new List<long>();
        var follower = Task.Run(async () =>
        {
            long position = start;
            while (Volatile.Read(ref writing) || position < start + (Writers * CommitsPerWriter))
            {
                var batch = await db.Reader.EventsAfterAsync(position, 50);
                foreach (var e in batch)
                {
                    seen.Add(e.Sequence);
                    position = e.Sequence;
                }

                if (batch.Count == 0)
                {
                    await Task.Delay(2);
                }
            }
        });

        var failures = new ConcurrentBag<Exception>();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < CommitsPerWriter; i++)
            {
                try
                {
                    await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = $"Schreiber {w} Nr. {i}", Fields = new JsonObject { ["teaser"] = "x" } }));
                }
                catch (Exception ex)
                {
                    failures.Add(ex);
                }
            }
        })).ToArray();
        await Task.WhenAll(writers);
        Volatile.Write(ref writing, false);
        await follower.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Empty(failures);
        // Gapless and in commit order: the follower, reading "sequence > last seen" while writers were
        // still committing, saw exactly the numbers after the start, once each, ascending.
        Assert.Equal(Enumerable.Range(start + 1, Writers * CommitsPerWriter).Select(i => (long)i), seen);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Events_are_pruned_only_after_every_registered_follower_has_passed_them(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var outbox = db.Get<IOutbox>();
        for (var i = 0; i < 5; i++)
        {
            await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = $"Nr. {i}", Fields = new JsonObject { ["teaser"] = "x" } }));
        }

        var head = await outbox.HeadAsync();
        Assert.Equal(0, await outbox.PositionAsync("search"));
        Assert.Equal(0, await outbox.PositionAsync("site"));
        await outbox.AdvanceAsync("search", head);
        await outbox.AdvanceAsync("site", head - 2);

        var pruned = await outbox.PruneAsync();

        Assert.Equal((int)head - 2, pruned);
        Assert.Equal([head - 1, head], (await db.Reader.EventsAfterAsync(0, 100)).Select(e => e.Sequence));
        await outbox.AdvanceAsync("site", 1); // never backwards
        Assert.Equal(head - 2, await outbox.PositionAsync("site"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_changes_to_public_content_are_public_events(string provider)
    {
        await using var db = await databases.WithTypesAsync(provider);
        var start = (await db.Reader.EventsAfterAsync(0, 1000)).Max(e => e.Sequence);
        var secret = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Geheime Planung", Fields = new JsonObject { ["teaser"] = "x" } }));
        await db.Content.RunAsync(Actor.System, e => e.DeleteAsync(secret.ItemId));
        var live = await db.Content.RunAsync(Actor.System, e => e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Öffentlich", Fields = new JsonObject { ["teaser"] = "x" } }));
        await db.Content.RunAsync(Actor.System, e => e.PublishAsync(live.ItemId));
        await db.Content.RunAsync(Actor.System, e => e.DeleteAsync(live.ItemId));

        var events = await db.Reader.EventsAfterAsync(start, 100, publicOnly: true);

        Assert.DoesNotContain(events, e => e.ItemId == secret.ItemId);
        Assert.Equal([ContentEventKind.Published, ContentEventKind.Deleted], events.Select(e => e.Kind));
        Assert.Equal(5, (await db.Reader.EventsAfterAsync(start, 100)).Count);
    }
}
